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
    };
}
