namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> RepairPt => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userdata.err.user_invalid"] = "\"{user}\" não é um nome de usuário válido (letras, dígitos, \".\", \"_\" e \"-\", no máximo 32 caracteres, sem começar com \"-\" nem com dígito).",
        ["userdata.intro"] = "Os dados do usuário estão na saída padrão. Na próxima inicialização, eles corrigem o login SSH por chave de \"{user}\" na instância (proprietários, permissões, ~/.ssh ou authorized_keys ausentes, linhas de chave danificadas) e gravam um relatório no console serial.",
        ["userdata.key"] = "Chave adicionada se estiver faltando: {type} {sha256} {comment}",
        ["userdata.nokey"] = "Sem --key: o script corrige proprietários e permissões e cria o que falta, mas não adiciona nenhuma chave.",
        ["userdata.warn.title"] = "Antes de começar:",
        ["userdata.warn.instance_store"] = "Parar a instância apaga todos os dados dos volumes de armazenamento de instância. Se o próprio dispositivo raiz for um volume de armazenamento de instância, a instância não pode ser parada e este método não se aplica.",
        ["userdata.warn.asg"] = "Uma instância de um grupo do Auto Scaling (inclusive as iniciadas pelo Amazon EMR, CloudFormation ou Elastic Beanstalk) pode ser encerrada ao ser parada: remova-a do grupo ou proteja-a contra redução de escala antes de começar.",
        ["userdata.warn.ip"] = "O endereço IPv4 público muda quando a instância é parada e iniciada, a menos que seja um endereço IP elástico.",
        ["userdata.warn.cloudinit"] = "A imagem precisa executar o cloud-init (Amazon Linux, Ubuntu, Debian, RHEL e a maioria das imagens de nuvem executam).",
        ["userdata.steps.title"] = "Etapas:",
        ["userdata.step.stop"] = "Pare a instância (console do EC2: Estado da instância > Parar instância). Pare, não encerre.",
        ["userdata.step.stop_cli"] = "Pare a instância: aws ec2 stop-instances --instance-ids {instance}",
        ["userdata.step.paste"] = "Selecione a instância e escolha Ações > Configurações da instância > Editar dados do usuário: cole o documento inteiro exatamente como foi impresso e escolha Salvar.",
        ["userdata.step.aws"] = "Salve a saída em base64 em {file} e defina-a como dados do usuário: aws ec2 modify-instance-attribute --instance-id {instance} --attribute userData --value file://{file}",
        ["userdata.step.start"] = "Inicie a instância (Estado da instância > Iniciar instância).",
        ["userdata.step.start_cli"] = "Inicie a instância: aws ec2 start-instances --instance-ids {instance}",
        ["userdata.step.console"] = "Leia o relatório (linhas que começam com sshdoctor:): aws ec2 get-console-output --instance-id {instance} --output text, ou Ações > Monitorar e solucionar problemas > Obter log do sistema.",
        ["userdata.step.login"] = "Faça login: ssh -i SUA-CHAVE-PRIVADA {user}@ENDEREÇO-PÚBLICO",
        ["userdata.step.remove"] = "Depois, remova os dados do usuário (pare a instância, Ações > Configurações da instância > Editar dados do usuário, apague o campo, Salvar, inicie): enquanto estiverem lá, eles são executados a cada inicialização.",
    };
}
