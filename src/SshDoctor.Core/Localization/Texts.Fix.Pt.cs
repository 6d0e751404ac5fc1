namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plano:",
        ["fix.dry_run"] = "Simulação: nada foi alterado. Execute o mesmo comando sem --dry-run para aplicar as mudanças.",
        ["fix.applied"] = "{count#one=# alteração aplicada|other=# alterações aplicadas} na execução {run}. Para voltar ao estado anterior: {undo}",
        ["fix.nothing"] = "Não há nada que o fix possa corrigir.",
        ["fix.skipped"] = "Não alterado:",
        ["fix.before_after"] = "Antes: {before}. Depois: {after}.",
        ["fix.verdict.accepted_after_reload"] = "aceita pelos arquivos, mas ainda não pelo sshd em execução",
        ["fix.reload_needed"] = "O sshd em execução continua aplicando a regra antiga: ele só lê a configuração editada quando é recarregado. Recarregue-o quando estiver pronto: {command}",
        ["fix.failed"] = "A correção falhou e todas as alterações foram desfeitas: {reason}",
        ["fix.skip.no_key"] = "precisa de --key: o fix só adiciona a chave que receber",
        ["fix.skip.needs_config_flag"] = "é uma decisão do administrador: aplique com --allow-config-edit ou execute o comando você mesmo",
        ["fix.skip.needs_account_flag"] = "é uma decisão do administrador: aplique com --allow-account-edit ou execute o comando você mesmo",
        ["fix.skip.policy"] = "o fix não altera isso: é uma decisão do administrador ou está fora dos arquivos",
        ["fix.verdict.accepted"] = "aceita",
        ["fix.verdict.refused"] = "recusada",
        ["fix.verdict.unknown"] = "indefinido",
        ["fix.undo.done"] = "Execução {run} desfeita: {count#one=# caminho restaurado|other=# caminhos restaurados}.",
        ["fix.undo.none"] = "Não há execução do sshdoctor para desfazer em {root}.",
        ["fix.undo.unknown"] = "Não existe a execução {run} em {root}/var/backups/sshdoctor.",
        ["fix.undo.already"] = "A execução {run} já foi desfeita.",
        ["fix.undo.broken"] = "O registro da execução {run} não pode ser lido; nada foi alterado.",
        ["fix.undo.failed"] = "Falha ao desfazer a execução {run}: {reason}",
        ["fix.note.append_key"] = "adicionar a chave",
        ["fix.note.rewrite_line"] = "reescrever a linha {line} em forma válida",
        ["fix.note.to_utf8"] = "converter para UTF-8, mantendo todas as linhas",
        ["fix.note.with_key"] = "com a chave",
        ["fix.note.admit"] = "linha {line}, {directive}: permitir {user}",
        ["fix.note.pubkey_yes"] = "linha {line}: PubkeyAuthentication yes",
        ["fix.note.unlock"] = "{user}: desbloquear a conta",
        ["fix.note.no_expiry"] = "{user}: remover a data de expiração",
        ["fix.note.no_forced_change"] = "{user}: deixar de exigir a troca de senha",
        ["fix.note.login_shell"] = "{user}: shell de login {shell}",
    };
}
