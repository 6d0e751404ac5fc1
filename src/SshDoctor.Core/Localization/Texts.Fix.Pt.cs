namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plano:",
        ["fix.dry_run"] = "Simulação: nada foi alterado. Execute o mesmo comando sem --dry-run para aplicar as mudanças.",
        ["fix.applied"] = "{count} alteração(ões) aplicada(s) na execução {run}. Para voltar ao estado anterior: {undo}",
        ["fix.nothing"] = "Não há nada que o fix possa corrigir.",
        ["fix.skipped"] = "Não alterado:",
        ["fix.before_after"] = "Antes: {before}. Depois: {after}.",
        ["fix.verdict.accepted_after_reload"] = "aceita pelos arquivos, mas ainda não pelo sshd em execução",
        ["fix.reload_needed"] = "O sshd em execução continua aplicando a regra antiga: ele só lê a configuração editada quando é recarregado. Recarregue-o quando estiver pronto: {command}",
        ["fix.failed"] = "A correção falhou e todas as alterações foram desfeitas: {reason}",
        ["fix.skip.no_key"] = "precisa de --key: o fix só adiciona a chave que receber",
        ["fix.skip.needs_config_flag"] = "é uma decisão de política: aplique com --allow-config-edit ou execute o comando você mesmo",
        ["fix.skip.needs_account_flag"] = "é uma decisão de política: aplique com --allow-account-edit ou execute o comando você mesmo",
        ["fix.skip.policy"] = "o fix não altera isso: é uma decisão de política ou está fora dos arquivos",
        ["fix.verdict.accepted"] = "aceita",
        ["fix.verdict.refused"] = "recusada",
        ["fix.verdict.unknown"] = "indefinido",
        ["fix.undo.done"] = "Execução {run} desfeita: {count} caminho(s) restaurado(s).",
        ["fix.undo.none"] = "Não há execução do sshdoctor para desfazer em {root}.",
        ["fix.undo.unknown"] = "Não existe a execução {run} em {root}/var/backups/sshdoctor.",
        ["fix.undo.already"] = "A execução {run} já foi desfeita.",
        ["fix.undo.broken"] = "O registro da execução {run} não pode ser lido; nada foi alterado.",
        ["fix.undo.failed"] = "Falha ao desfazer a execução {run}: {reason}",
    };
}
