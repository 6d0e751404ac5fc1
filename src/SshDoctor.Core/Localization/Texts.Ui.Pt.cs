namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "O sshd aceita esta chave para {user}.",
        ["ui.verdict.accepted_nokey"] = "Nada impede o login por chave pública para {user}.",
        ["ui.verdict.refused"] = "O sshd recusa esta chave para {user}.",
        ["ui.verdict.refused_nokey"] = "O sshd recusa o login por chave pública para {user}.",
        ["ui.verdict.unknown"] = "Ainda não é possível decidir para {user}: veja as observações.",
        ["ui.heading.blocking"] = "Problemas bloqueantes",
        ["ui.heading.warning"] = "Avisos",
        ["ui.heading.info"] = "Observações",
        ["ui.fix"] = "Correção",
        ["ui.target"] = "Alvo: {root} ({os}, OpenSSH {sshd})",
        ["ui.key"] = "Chave: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "Login por chave pública: aceito para {accepted} de {total} usuários, recusado para {refused}.",
        ["ui.nothing"] = "Nenhum problema encontrado.",

        ["err.root_missing"] = "{root} não existe.",
        ["err.root_not_dir"] = "{root} não é um diretório.",
        ["err.root_unreadable"] = "Não foi possível ler {root}: {reason}.",
        ["err.root_not_linux"] = "{root} não parece ser um sistema de arquivos raiz Linux: falta {missing}.",
        ["err.key_unreadable"] = "Não foi possível ler a chave {path}: {reason}.",
        ["err.user_and_all"] = "Informe --user ou --all-users, não os dois.",
        ["err.from_invalid"] = "--from {value} não é um endereço IP.",
        ["err.user_required"] = "Informe --user NOME (ou --all-users).",
        ["err.internal"] = "Erro inesperado: {detail}. Por favor, relate-o.",
        ["err.needs_root"] = "Não foi possível ler {path}: permissão negada. O sshdoctor lê os arquivos do servidor como o sshd, o que exige root: execute-o com sudo.",

        ["reason.not_searchable"] = "o usuário não consegue entrar em {path}",
        ["reason.not_readable"] = "o usuário não consegue ler {path}",
        ["reason.not_owner"] = "o usuário não é dono de {path}",
    };
}
