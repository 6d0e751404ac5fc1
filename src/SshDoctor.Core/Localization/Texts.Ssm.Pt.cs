namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> SsmPt => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssm.item.nothing"] = "sshdoctor check não encontrou nada a relatar.",
        ["ssm.item.loses_all"] = "{user} perde todo o acesso SSH com a configuração candidata.",
        ["ssm.ui.sent"] = "Enviados {count} itens de conformidade para {instance} como {type}: {noncompliant} não conformes.",
        ["ssm.ui.parameter_written"] = "Parâmetro {name} (versão {version}) gravado em {file} (modo 0600); avalie-o com: sshdoctor check --all-users --candidate {file}",
        ["ssm.err.no_instance"] = "Nenhum ID de instância: informe --instance-id, ou execute pelo agente SSM (ele define AWS_SSM_INSTANCE_ID).",
        ["ssm.err.bad_instance"] = "Não é um ID de instância gerenciada: {value} (esperado i- ou mi- e 8 ou 17 dígitos hexadecimais).",
        ["ssm.err.bad_type"] = "Não é um tipo de conformidade personalizado: {value} (esperado Custom:NOME, NOME com 1 a 100 letras, dígitos, espaços ou _.:/=+@-).",
        ["ssm.err.input"] = "{file} não é o JSON de sshdoctor check --json: {detail}",
        ["ssm.err.input_error"] = "{file} é um documento de erro do sshdoctor, não um resultado ({detail}).",
        ["ssm.err.read"] = "Não foi possível ler {file}: {detail}",
        ["ssm.err.bad_name"] = "Não é um nome de parâmetro: {value} (apenas letras, dígitos e _.-/).",
        ["ssm.err.file_exists"] = "{file} já existe: sshdoctor ssm parameter só grava um arquivo novo (remova-o ou escolha outro nome).",
        ["ssm.err.write"] = "Não foi possível gravar {file}: {detail}",
        ["ssm.err.parameter_not_found"] = "O parâmetro {name} não existe nesta região (ssm:GetParameter respondeu ParameterNotFound).",
        ["help.ssm"] = "Relatar o sshdoctor check pelo AWS Systems Manager: itens de conformidade da instância e configurações candidatas lidas do Parameter Store. docs/ssm/sshdoctor-check.json é o documento de comando do SSM que executa os dois em cada instância de destino.",
        ["help.ssm.opt.profile"] = "Perfil da AWS (padrão: AWS_PROFILE; senão, default).",
        ["help.ssm.opt.region"] = "Região da AWS (padrão: AWS_REGION, AWS_DEFAULT_REGION, a do perfil e, por fim, a dos metadados da instância).",
        ["help.ssm.compliance"] = "Enviar o resultado do sshdoctor check como itens de conformidade do SSM da instância: um por constatação e conta (CRITICAL: a conta perde todo o acesso com a configuração candidata; HIGH: bloqueante; MEDIUM: aviso; INFORMATIONAL: informação, enviada como conforme), ou um único item conforme quando não há nada a relatar. O envio substitui os itens anteriores do mesmo tipo. Requer ssm:PutComplianceItems.",
        ["help.ssm.compliance.exit"] = "0 enviado, 2 entrada inválida (sem ID de instância, não é um documento do check), 3 a AWS recusou ou falhou.",
        ["help.ssm.compliance.arg.file"] = "O JSON do sshdoctor check --json (- para a entrada padrão).",
        ["help.ssm.compliance.opt.type"] = "O tipo de conformidade: Custom:NOME (NOME: de 1 a 100 letras, dígitos, espaços ou _.:/=+@-).",
        ["help.ssm.compliance.opt.instance_id"] = "A instância gerenciada (padrão: AWS_SSM_INSTANCE_ID, definida pelo agente do SSM).",
        ["help.ssm.parameter"] = "Buscar uma configuração candidata do sshd no Parameter Store do SSM (String, ou SecureString descriptografada) e gravá-la num arquivo novo, para avaliá-la com check --candidate. Requer ssm:GetParameter, e kms:Decrypt para uma SecureString.",
        ["help.ssm.parameter.exit"] = "0 gravado, 2 entrada inválida (parâmetro inexistente, o arquivo já existe), 3 a AWS recusou ou falhou.",
        ["help.ssm.parameter.arg.name"] = "O nome do parâmetro (por exemplo, /sshdoctor/candidate).",
        ["help.ssm.parameter.opt.output"] = "O arquivo a gravar: ele ainda não pode existir; é criado com modo 0600.",
        ["help.ex.ssm.compliance.1"] = "o que o documento do SSM executa em cada instância",
        ["help.ex.ssm.compliance.2"] = "indicando a instância, a partir de um resultado salvo",
        ["help.ex.ssm.parameter.1"] = "buscar a configuração candidata e depois avaliá-la",
    };
}
