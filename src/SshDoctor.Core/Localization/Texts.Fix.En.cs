namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixEn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plan:",
        ["fix.dry_run"] = "Dry run: nothing was changed. Run the same command without --dry-run to apply it.",
        ["fix.applied"] = "Applied {count} change(s) in run {run}. To restore the previous state: {undo}",
        ["fix.nothing"] = "Nothing that fix can repair.",
        ["fix.skipped"] = "Left alone:",
        ["fix.before_after"] = "Before: {before}. After: {after}.",
        ["fix.verdict.accepted_after_reload"] = "accepted by the files, not yet by the running sshd",
        ["fix.reload_needed"] = "The running sshd still applies the old rule: it reads the edited configuration only when reloaded. Reload it when you are ready: {command}",
        ["fix.failed"] = "The repair failed and every change was rolled back: {reason}",
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
    };
}
