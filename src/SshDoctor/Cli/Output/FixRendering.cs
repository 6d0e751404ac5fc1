using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;
using SshDoctor.Core.Repair;
using SshDoctor.Core.Text;

namespace SshDoctor.Cli.Output;

public static class FixRendering
{
    public static FixReportJson ToJson(FixResult r, string user, Core.Keys.PublicKey? key, Messages m)
    {
        var ctx = r.Context;
        return new FixReportJson("sshdoctor", 1, "fix",
            TargetJson.From(ctx.Root, ctx.Os, ctx.Version),
            user, KeyJson.From(key), r.DryRun, r.RunId,
            CheckRendering.VerdictName(r.Before), CheckRendering.VerdictName(r.After.Verdict),
            r.Actions.Select(a => new ActionJson(a.Because.ToString(), ActionName(a), a.Path, a.CommandFor(ctx.Shell))).ToList(),
            r.Skipped.Select(s => FindingJson.From(s.Finding, m) with { Fix = new FixJson(SkipReason(r, s.Reason, m), SkipCommands(r, s.Finding)) }).ToList(),
            r.Failure,
            r.After.Findings.Select(f => FindingJson.From(f, m)).ToList())
        {
            SshdReload = ReloadPending(r) ? ctx.Shell.Reload[0] : null,
            Undo = r.RunId is not null && !r.DryRun && r.Failure is null ? UndoCommand(r) : null,
        };
    }

    /// <summary>
    /// A config line was edited on the live system: the files accept the key, the running sshd does not until it
    /// is reloaded (sshdoctor does not reload it: that is the operator's call).
    /// </summary>
    public static bool ReloadPending(FixResult r) =>
        !r.DryRun && r.Failure is null && !r.Context.Shell.OnRescueHost
        && r.Actions.Any(a => a is RewriteFileAction && a.Because is FindingId.USER_DENIED or FindingId.PUBKEY_AUTH_DISABLED);

    /// <summary>The undo command for this run, with --root when the run was on a mounted volume.</summary>
    public static string UndoCommand(FixResult r) => r.Context.Shell.OnRescueHost
        ? $"sshdoctor undo --root {HostShell.Quote(r.Context.Root.DisplayRoot)} --run {HostShell.Quote(r.RunId!)}"
        : $"sshdoctor undo --run {HostShell.Quote(r.RunId!)}";

    /// <summary>Why a finding was left alone; a link in the key path is named with what it points to.</summary>
    private static string SkipReason(FixResult r, string reason, Messages m) => r.Link is { } link
        ? m.Get(reason, ("link", link.Path), ("target", link.Target))
        : m.Get(reason);

    /// <summary>What the user can run: for a link in the key path, the command that moves the link itself aside.</summary>
    private static IReadOnlyList<string> SkipCommands(FixResult r, Finding f) => r.Link is { } link
        ? [r.Context.Shell.MoveLinkAside(link.Path, link.Path + ".sshdoctor-link")]
        : f.FixCommands;

    public static string ActionName(RepairAction a) => a switch
    {
        ChmodAction => "chmod",
        ChownAction => "chown",
        MakeDirectoryAction => "mkdir",
        CreateFileAction => "create",
        RewriteFileAction => "rewrite",
        MoveAsideAction => "move-aside",
        _ => "other",
    };

    public static void WriteText(TextWriter w, FixResult r, Messages m)
    {
        w = TerminalWriter.Wrap(w);
        if (r.Context.Shell.OnRescueHost && (r.Actions.Count > 0 || r.Skipped.Count > 0))
            w.WriteLine(m.Get("ui.rescue_commands", ("root", TerminalText.Escape(r.Context.Root.DisplayRoot))));
        if (r.Actions.Count == 0) w.WriteLine(m.Get("fix.nothing"));
        else
        {
            w.WriteLine(m.Get("fix.plan"));
            foreach (var a in r.Actions) w.WriteLine($"  [{a.Because}] $ {a.CommandFor(r.Context.Shell, m)}");
        }
        if (r.Skipped.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Get("fix.skipped"));
            foreach (var (f, reason) in r.Skipped)
            {
                w.WriteLine($"  [{f.Id}] {m.Message(f)}");
                w.WriteLine($"    ({SkipReason(r, reason, m)})");
                foreach (var c in SkipCommands(r, f)) w.WriteLine($"      $ {c}");
            }
        }
        w.WriteLine();
        if (r.DryRun)
        {
            w.WriteLine(m.Get("fix.dry_run"));
            return;
        }
        if (r.RunId is not null && r.Failure is null)
            w.WriteLine(m.Get("fix.applied", ("count", r.Actions.Count.ToString()), ("run", r.RunId), ("undo", UndoCommand(r))));
        var reload = ReloadPending(r) && r.After.Verdict == Core.Model.Verdict.Accepted;
        w.WriteLine(m.Get("fix.before_after", ("before", Verdict(r.Before, m)),
            ("after", reload ? m.Get("fix.verdict.accepted_after_reload") : Verdict(r.After.Verdict, m))));
        if (ReloadPending(r)) w.WriteLine(m.Get("fix.reload_needed", ("command", r.Context.Shell.Reload[0])));
        var remaining = r.After.Findings.Where(f => f.Severity != Severity.Info).ToList();
        if (remaining.Count > 0) FindingTextRenderer.Write(w, remaining, m);
    }

    private static string Verdict(Core.Model.Verdict v, Messages m) => m.Get("fix.verdict." + CheckRendering.VerdictName(v));
}
