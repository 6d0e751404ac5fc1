namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CertsPt => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CERT_CA_UNTRUSTED.message"] = "O certificado (ID {key_id}) foi assinado pela CA {ca}, em que o sshd não confia para {user} nem em TrustedUserCAKeys nem numa linha cert-authority; por isso o certificado é recusado.",
        ["CERT_CA_UNTRUSTED.fix"] = "Assine a chave com uma CA em que este servidor confia ou, se a CA {ca} deve ser aceita, coloque-a em TrustedUserCAKeys ou numa linha cert-authority do authorized_keys de {user}.",
        ["CERT_PRINCIPAL_MISMATCH.message"] = "O certificado (ID {key_id}, principais {principals}) não traz nenhum principal que {via} permita para {user}: {detail}.",
        ["CERT_PRINCIPAL_MISMATCH.fix"] = "Emita um certificado com o principal certo (ssh-keygen -s … -n) ou acrescente um dos principais dele onde o sshd procura os de {user}.",
        ["CERT_VALIDITY.message"] = "O certificado (ID {key_id}) vale de {valid_after} até {valid_before}; o sshd o recusa por {via}: {detail}.",
        ["CERT_VALIDITY.fix"] = "Emita um novo certificado válido agora (ssh-keygen -s … -V) e confira o relógio do servidor.",
        ["CERT_SOURCE_ADDRESS.message"] = "O certificado só aceita clientes de {pattern} ({via}), e {from} não está entre eles.",
        ["CERT_SOURCE_ADDRESS.fix"] = "Conecte-se de um endereço permitido ou emita um certificado cujo source-address inclua {from}.",
        ["CERT_PRINCIPALS_COMMAND.message"] = "Os principais aceitos para este usuário vêm do AuthorizedPrincipalsCommand {command} ({source}); o sshdoctor não executa esse comando e por isso não consegue decidir.",
        ["CERT_PRINCIPALS_COMMAND.fix"] = "Execute {command} como o seu AuthorizedPrincipalsCommandUser e procure na saída um dos principais do certificado.",
        ["PAM_ACCOUNT_DENIED.message"] = "A etapa account do PAM recusa {user} depois que a chave é aceita (UsePAM yes): {reason}.",
        ["PAM_ACCOUNT_DENIED.fix"] = "Corrija a entrada da conta em /etc/shadow (por exemplo com chage) para que o pam_unix a aceite.",
        ["PASSWORD_CHANGE_REQUIRED.message"] = "O sshd aceita a chave para {user}, e então o PAM exige a troca de senha ({reason}): sem terminal, a sessão termina com \"Password change required but no TTY available\".",
        ["PASSWORD_CHANGE_REQUIRED.fix"] = "Entre com ssh -t e troque a senha, ou defina uma nova data de última troca com chage -d.",
        ["CLIENT_CONDITION.message"] = "O resultado depende do cliente: este servidor recusa assinaturas {algorithm}, então clientes que assinam chaves RSA com rsa-sha2 são aceitos e os mais antigos (PuTTY antes da 0.75, WinSCP antes da 5.19, OpenSSH antes da 7.2, SSH.NET antes da 2023.0.0, libssh2 antes da 1.11, paramiko antes da 2.9) são recusados.",
        ["CLIENT_CONDITION.fix"] = "Execute de novo com --client NOME-VERSÃO (por exemplo --client putty-0.74) para obter um veredito.",

        ["cert.principals.bad_token"] = "o caminho de AuthorizedPrincipalsFile tem um token % inválido",
        ["cert.principals.missing"] = "o arquivo AuthorizedPrincipalsFile não existe",
        ["cert.principals.unreadable"] = "o usuário não consegue ler o arquivo AuthorizedPrincipalsFile",
        ["cert.principals.unsafe"] = "o arquivo AuthorizedPrincipalsFile tem dono ou permissões errados, e com StrictModes o sshd o ignora",
        ["cert.principals.not_listed"] = "o arquivo AuthorizedPrincipalsFile não lista nenhum deles",
        ["cert.principals.option"] = "a opção principals= não lista nenhum deles",
        ["cert.principals.none"] = "o certificado não tem nenhum principal",
        ["cert.principals.name_not_listed"] = "o nome do usuário não está entre eles",
        ["cert.validity.expired"] = "ele expirou",
        ["cert.validity.not_yet_valid"] = "ele ainda não é válido",
        ["cert.validity.host_certificate"] = "é um certificado de host, não de usuário",
        ["cert.validity.line_expired"] = "o expiry-time da linha cert-authority já passou",
        ["pam.reason.inactive"] = "a senha expirou há mais tempo que os dias de inatividade da entrada shadow",
        ["pam.reason.no_shadow"] = "a conta não tem entrada em /etc/shadow",
        ["pam.reason.lastchg_zero"] = "a data da última troca na entrada shadow é 0",
        ["pam.reason.max_age"] = "a senha passou da idade máxima",
        ["err.certificate_invalid"] = "Não foi possível ler o certificado {path}: ele indica um tipo de certificado, mas não é um certificado OpenSSH válido.",
        ["err.client_invalid"] = "Cliente desconhecido \"{value}\": informe NOME-VERSÃO, por exemplo putty-0.74, openssh-9.6, winscp-5.17, paramiko-2.8, libssh2-1.10 ou sshnet-2020.0.2.",

        ["explain.check.CERT_CA_UNTRUSTED"] = "Talvez a CA do certificado não seja aceita nem em TrustedUserCAKeys nem numa linha cert-authority.",
        ["explain.check.CERT_PRINCIPAL_MISMATCH"] = "Talvez o certificado não traga nenhum principal aceito para este usuário.",
        ["explain.check.CERT_VALIDITY"] = "Talvez o certificado tenha expirado ou ainda não seja válido.",
        ["explain.check.CERT_SOURCE_ADDRESS"] = "Talvez o source-address do certificado exclua o cliente.",
        ["explain.check.CERT_PRINCIPALS_COMMAND"] = "Os principais só podem vir do AuthorizedPrincipalsCommand: execute-o e procure os do certificado.",
        ["explain.check.PAM_ACCOUNT_DENIED"] = "Talvez a etapa account do PAM recuse a conta (senha inativa, sem entrada shadow, pam_access).",
        ["explain.check.PASSWORD_CHANGE_REQUIRED"] = "Talvez o PAM exija uma troca de senha que uma sessão sem terminal não consegue fazer.",
        ["explain.check.CLIENT_CONDITION"] = "O resultado depende de o cliente assinar chaves RSA com rsa-sha2.",
    };
}
