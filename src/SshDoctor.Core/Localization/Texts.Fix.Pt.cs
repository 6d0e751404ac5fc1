namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plano:",
        ["fix.dry_run"] = "Simulação: nada foi alterado. Execute o mesmo comando sem --dry-run para aplicar as mudanças.",
        ["fix.applied"] = "{count} alteração(ões) aplicada(s) na execução {run}. Para voltar ao estado anterior: sshdoctor undo --run {run}",
        ["fix.nothing"] = "Não há nada que o fix possa corrigir.",
        ["fix.skipped"] = "Não alterado:",
        ["fix.before_after"] = "Antes: {before}. Depois: {after}.",
        ["fix.failed"] = "A correção falhou: {reason}",
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
        ["fix.rollback.all"] = "Todas as alterações feitas por esta execução foram desfeitas.",
        ["fix.rollback.nothing"] = "Nada tinha sido alterado ainda.",
        ["fix.rollback.incomplete"] = "A reversão ficou incompleta: o que está listado abaixo não foi restaurado. Os backups estão guardados em {dir}.",
        ["fix.undo.not_restored"] = "Não restaurado: {path} ({reason})",
        ["fix.undo.incomplete"] = "A reversão da execução {run} ficou incompleta: restaurados {restored}, deixados como estão {failed} (listados acima).",
        ["fix.undo.untrusted"] = "A execução {run} não foi registrada nesta máquina ({record} não existe): o registro dela está no alvo, que pode tê-lo forjado. Rode o undo na máquina que rodou o fix, ou acrescente --trust-journal para restaurar só o que passar em todas as verificações.",
        ["fix.skip.hardlinked"] = "um arquivo com mais de um link físico: alterá-lo alteraria também os outros nomes, por isso o fix não mexe nele",
        ["fix.skip.too_large"] = "o arquivo é grande demais para ser reescrito por inteiro, e o fix nunca reescreve só parte de um arquivo",
        ["fix.skip.outside"] = "o caminho sai do alvo ou passa por '..' onde nada existe: o fix não o cria",
    };
}
