namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixEn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plan:",
        ["fix.dry_run"] = "Dry run: nothing was changed. Run the same command without --dry-run to apply it.",
        ["fix.applied"] = "Applied {count} change(s) in run {run}. To restore the previous state: sshdoctor undo --run {run}",
        ["fix.nothing"] = "Nothing that fix can repair.",
        ["fix.skipped"] = "Left alone:",
        ["fix.before_after"] = "Before: {before}. After: {after}.",
        ["fix.failed"] = "The repair failed: {reason}",
        ["fix.skip.no_key"] = "needs --key: fix only adds a key it was given",
        ["fix.skip.needs_config_flag"] = "a policy decision: apply it with --allow-config-edit, or run the command yourself",
        ["fix.skip.needs_account_flag"] = "a policy decision: apply it with --allow-account-edit, or run the command yourself",
        ["fix.skip.policy"] = "not something fix changes: it is a policy decision or lies outside the files",
        ["fix.verdict.accepted"] = "accepted",
        ["fix.verdict.refused"] = "refused",
        ["fix.verdict.unknown"] = "undecided",
        ["fix.undo.done"] = "Run {run} undone: {count} path(s) restored.",
        ["fix.undo.none"] = "There is no sshdoctor run to undo under {root}.",
        ["fix.undo.unknown"] = "There is no run {run} under {root}/var/backups/sshdoctor.",
        ["fix.undo.already"] = "Run {run} has already been undone.",
        ["fix.undo.broken"] = "The journal of run {run} cannot be read; nothing was changed.",
        ["fix.undo.failed"] = "Undo of run {run} failed: {reason}",
        ["fix.rollback.all"] = "Every change this run had made was restored.",
        ["fix.rollback.nothing"] = "Nothing had been changed yet.",
        ["fix.rollback.incomplete"] = "The rollback is incomplete: what is listed below was not restored. The backups are kept in {dir}.",
        ["fix.undo.not_restored"] = "Not restored: {path} ({reason})",
        ["fix.undo.incomplete"] = "Undo of run {run} is incomplete: restored {restored}, left as they are {failed} (listed above).",
        ["fix.undo.untrusted"] = "Run {run} was not recorded on this machine ({record} is missing): its journal lies in the target, which could have forged it. Run undo on the machine that ran fix, or add --trust-journal to restore only what passes every check.",
        ["fix.skip.hardlinked"] = "a file with more than one hard link: changing it would change the other names too, so fix leaves it alone",
        ["fix.skip.too_large"] = "the file is too large to rewrite in full, and fix never rewrites part of a file",
        ["fix.skip.outside"] = "the path leaves the target or goes through '..' where nothing exists: fix does not create it",
    };
}
