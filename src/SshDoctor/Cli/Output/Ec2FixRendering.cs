using SshDoctor.Aws.Repair;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Repair;
using SshDoctor.Core.Text;

namespace SshDoctor.Cli.Output;

/// <summary>Text and JSON forms of an `ec2 fix` / `ec2 undo` run; every string from the instance is escaped.</summary>
public static class Ec2FixRendering
{
    public static string Text(FixEvent e, Messages m) => m.Get(e.TextId, e.Args.Select(a => (a.Name, a.Value)).ToArray());

    public static void WritePlan(TextWriter w, Ec2FixPlan plan, Messages m)
    {
        w.WriteLine(m.Get("ec2fix.ui.plan", ("instance", plan.InstanceId), ("via", plan.Via == FixVia.Ssm ? "ssm" : "userdata"), ("user", plan.User)));
        for (var i = 0; i < plan.Steps.Count; i++) w.WriteLine($"  {i + 1}. {Text(plan.Steps[i], m)}");
        if (plan.Costs.Count > 0)
        {
            w.WriteLine(m.Get("ec2fix.ui.costs"));
            foreach (var c in plan.Costs) w.WriteLine("  - " + Text(c, m));
        }
        if (plan.Refusals.Count > 0)
        {
            w.WriteLine(m.Get("ec2fix.err.refused"));
            foreach (var r in plan.Refusals) w.WriteLine("  - " + Text(r, m));
        }
    }

    public static string ResultText(Ec2FixResult r, string instance, string? user, Messages m)
    {
        var message = TerminalText.Escape(r.Report?.Final?.Message ?? "");
        return m.Get("ec2fix.ui.result." + r.Result, ("user", user ?? ""), ("instance", instance), ("message", message));
    }

    public static void WriteResult(TextWriter w, Ec2FixResult r, string instance, string? user, Messages m)
    {
        if (r.Report is { } report)
        {
            foreach (var a in report.Actions.Where(a => a.Result != "not_applied"))
                w.WriteLine(m.Get("ec2fix.ui.action", ("path", TerminalText.Escape(a.Path)), ("action", TerminalText.Escape(a.Verb)),
                    ("before", State(a.Before)), ("after", State(a.After)), ("result", TerminalText.Escape(a.Result))));
            if (!report.Complete && report.Actions.Count > 0) w.WriteLine(m.Get("ec2fix.ui.incomplete_report"));
        }
        w.WriteLine(ResultText(r, instance, user, m));
        if (r.Mode == "repair" && r.Report?.Final?.BackupDir is { } dir)
        {
            w.WriteLine(m.Get("ec2fix.ui.backups", ("dir", TerminalText.Escape(dir)), ("run", r.RunId)));
            w.WriteLine(m.Get("ec2fix.ui.undo_hint", ("instance", instance)));
        }
        w.WriteLine(m.Get("ec2fix.ui.journal", ("dir", r.JournalDirectory)));
    }

    private static string State(RepairReport.State? s) => s is null ? "-" : $"{TerminalText.Escape(s.Mode)} {s.Uid}:{s.Gid}";

    public static Ec2PlanJson PlanJson(Ec2FixPlan plan, Messages m) =>
        new([.. plan.Steps.Select(s => Text(s, m))], [.. plan.Costs.Select(s => Text(s, m))], [.. plan.Refusals.Select(s => Text(s, m))], plan.Facts.State);

    public static Ec2ReportJson? ReportJson(RepairReport? r) => r is null ? null : new(r.Complete, r.Final?.Result, r.Final?.Changed ?? 0, r.Final?.BackupDir,
        r.Final?.ManifestSha256, [.. r.Actions.Select(a => new Ec2ActionJson(a.Verb, a.Path, StateJson(a.Before), StateJson(a.After), a.Result, a.Detail))]);

    private static Ec2StateJson? StateJson(RepairReport.State? s) => s is null ? null : new(s.Mode, s.Uid, s.Gid);
}
