namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "O sshd aceita esta chave para {user}.",
        ["ui.verdict.accepted_nokey"] = "Nada mais impede o login por chave pública para {user}, mas nenhuma chave foi informada: adicione --key ARQUIVO para verificar uma chave específica.",
        ["ui.verdict.no_key_authorized"] = "Nenhuma chave está autorizada para {user}: o sshd não tem chave nenhuma para aceitar. Informe a chave com --key ARQUIVO para ver como adicioná-la.",
        ["ui.verdict.refused"] = "O sshd recusa esta chave para {user}.",
        ["ui.verdict.refused_nokey"] = "O sshd recusa o login por chave pública para {user}.",
        ["ui.verdict.unknown"] = "Ainda não é possível decidir para {user}: veja as observações.",
        ["ui.heading.blocking"] = "Problemas bloqueantes",
        ["ui.heading.warning"] = "Avisos",
        ["ui.heading.info"] = "Observações",
        ["ui.fix"] = "Correção",
        ["ui.target"] = "Alvo: {root} ({os}, OpenSSH {sshd})",
        ["ui.target.guessed"] = "Alvo: {root} ({os}, provavelmente OpenSSH {sshd}: não foi possível ler a versão)",
        ["ui.rescue_commands"] = "Os comandos abaixo são para este host de resgate: os caminhos começam pelo ponto de montagem do volume ({root}), os donos são numéricos (uid:gid como no volume) e nenhum serviço é recarregado, pois o sshd do volume não está rodando; ele lê os arquivos reparados quando a instância inicializar.",
        ["ui.key"] = "Chave: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "Login por chave pública: aceito para {accepted} de {total#one=# usuário|other=# usuários}, recusado para {refused}.",
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
        ["err.unknown_command"] = "'{token}' não é um comando do sshdoctor.",
        ["err.unknown_option"] = "{command} não tem a opção {token}.",
        ["err.unexpected_argument"] = "{command} não aceita o argumento '{token}'.",
        ["err.did_you_mean"] = "Você quis dizer {suggestion}?",
        ["err.try_help"] = "Tente '{help}'.",
        ["err.command_required"] = "Informe um comando: {commands}.",
        ["err.usage_other"] = "Linha de comando inválida para {command}: {detail}",
        ["err.lang_invalid"] = "--lang {value}: os idiomas são en, fr, pt, ko e ja.",
    };
}
