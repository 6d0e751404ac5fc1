using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;
using SshDoctor.Core.Repair;

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
            r.Actions.Select(a => new ActionJson(a.Because.ToString(), ActionName(a), a.Path, a.Command)).ToList(),
            r.Skipped.Select(s => FindingJson.From(s.Finding, m) with { Fix = new FixJson(m.Get(s.Reason), s.Finding.FixCommands) }).ToList(),
            r.Failure,
            r.After.Findings.Select(f => FindingJson.From(f, m)).ToList());
    }

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
        if (r.Actions.Count == 0) w.WriteLine(m.Get("fix.nothing"));
        else
        {
            w.WriteLine(m.Get("fix.plan"));
            foreach (var a in r.Actions) w.WriteLine($"  [{a.Because}] $ {a.CommandIn(m)}");
        }
        if (r.Skipped.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Get("fix.skipped"));
            foreach (var (f, reason) in r.Skipped)
            {
                w.WriteLine($"  [{f.Id}] {m.Message(f)}");
                w.WriteLine($"    ({m.Get(reason)})");
                foreach (var c in f.FixCommands) w.WriteLine($"      $ {c}");
            }
        }
        w.WriteLine();
        if (r.DryRun)
        {
            w.WriteLine(m.Get("fix.dry_run"));
            return;
        }
        if (r.RunId is not null && r.Failure is null)
            w.WriteLine(m.Get("fix.applied", ("count", r.Actions.Count.ToString()), ("run", r.RunId)));
        w.WriteLine(m.Get("fix.before_after", ("before", Verdict(r.Before, m)), ("after", Verdict(r.After.Verdict, m))));
        var remaining = r.After.Findings.Where(f => f.Severity != Severity.Info).ToList();
        if (remaining.Count > 0) FindingTextRenderer.Write(w, remaining, m);
    }

    private static string Verdict(Core.Model.Verdict v, Messages m) => m.Get("fix.verdict." + CheckRendering.VerdictName(v));
}
