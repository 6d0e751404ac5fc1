using SshDoctor.Core.Fleet;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>`report` output: the fleet summary as text or JSON.</summary>
public static class ReportRendering
{
    private const int HostsShown = 8;

    public static ReportJson ToJson(FleetSummary s) => new(
        "sshdoctor", 1, "report", s.Result, s.Hosts.Count, s.Hosts.Count(h => h.Judged),
        s.ByFinding.Select(f => new FindingHostsJson(f.Id, f.Severity, f.Hosts)).ToList(),
        s.LosingAccess.Select(l => new HostUsersJson(l.Host, l.Users)).ToList(),
        s.NotJudged.Select(n => new HostReasonJson(n.Host, n.Reason)).ToList());

    public static void WriteText(TextWriter w, FleetSummary s, Messages m)
    {
        w.WriteLine(m.Get("report.hosts", ("hosts", s.Hosts.Count.ToString()), ("judged", s.Hosts.Count(h => h.Judged).ToString())));
        if (s.LosingAccess.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("✘ " + m.Get("report.heading.losing"));
            foreach (var (host, users) in s.LosingAccess) w.WriteLine($"  {host}: {string.Join(", ", users)}");
        }
        foreach (var (severity, heading) in new[] { ("blocking", "ui.heading.blocking"), ("warning", "ui.heading.warning") })
        {
            var group = s.ByFinding.Where(f => f.Severity == severity).ToList();
            if (group.Count == 0) continue;
            w.WriteLine();
            w.WriteLine(m.Get(heading) + " " + m.Get("report.by_hosts"));
            var width = group.Max(f => f.Id.Length);
            foreach (var (id, _, hosts) in group)
            {
                var shown = string.Join(", ", hosts.Take(HostsShown)) + (hosts.Count > HostsShown ? ", …" : "");
                w.WriteLine($"  {id.PadRight(width)}  {hosts.Count,4}  {shown}");
            }
        }
        if (s.NotJudged.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("? " + m.Get("report.heading.not_judged"));
            foreach (var (host, reason) in s.NotJudged) w.WriteLine($"  {host}: {reason}");
        }
        w.WriteLine();
        w.WriteLine(m.Get("report.result." + s.Result));
    }
}
