namespace SshDoctor.Core.Fleet;

/// <summary>Many hosts' results merged: hosts per finding ID, accounts that lose access per host, hosts not judged.</summary>
public sealed record FleetSummary(
    IReadOnlyList<HostResult> Hosts,
    IReadOnlyList<(string Id, string Severity, IReadOnlyList<string> Hosts)> ByFinding,
    IReadOnlyList<(string Host, IReadOnlyList<string> Users)> LosingAccess,
    IReadOnlyList<(string Host, string Reason)> NotJudged)
{
    public bool AnyBlocking => ByFinding.Any(f => f.Severity == "blocking");

    /// <summary>"loses_access" when a candidate locks someone out anywhere, "blocking" when a host refuses, else "clean".</summary>
    public string Result => LosingAccess.Count > 0 ? "loses_access" : AnyBlocking ? "blocking" : NotJudged.Count > 0 ? "incomplete" : "clean";

    public static FleetSummary Merge(IReadOnlyList<HostResult> hosts)
    {
        var severityRank = new Dictionary<string, int> { ["blocking"] = 0, ["warning"] = 1, ["info"] = 2 };
        var byFinding = hosts
            .SelectMany(h => h.Findings.Select(f => (f.Id, f.Severity, h.Host)))
            .GroupBy(x => (x.Id, x.Severity))
            .Select(g => (g.Key.Id, g.Key.Severity, (IReadOnlyList<string>)g.Select(x => x.Host).Distinct().ToList()))
            .OrderBy(x => severityRank.GetValueOrDefault(x.Severity, 3))
            .ThenByDescending(x => x.Item3.Count)
            .ThenBy(x => x.Id, StringComparer.Ordinal)
            .ToList();
        var losing = hosts.Where(h => h.LosingAccess.Count > 0).Select(h => (h.Host, h.LosingAccess)).ToList();
        var notJudged = hosts.Where(h => !h.Judged).Select(h => (h.Host, h.NotJudgedReason!)).ToList();
        return new FleetSummary(hosts, byFinding, losing, notJudged);
    }
}
