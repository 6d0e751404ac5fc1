using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Tests.Support;

public static class Checks
{
    public static UserReport Run(TargetTree tree, string user, PublicKey? key, string? from = "192.0.2.10")
    {
        var report = new Checker(tree.Context()).Run([user], key, from);
        var server = report.ServerFindings.Where(f => f.Severity == Severity.Blocking).Select(f => $"{f.Id} {string.Join(", ", f.Args.Values)}");
        Assert.Empty(server); // the default tree is a valid server
        return report.Users.Single();
    }

    public static IReadOnlyList<string> Blocking(this UserReport r) =>
        r.Findings.Where(f => f.Severity == Severity.Blocking).Select(f => f.Id.ToString()).ToList();

    public static Finding Single(this UserReport r, FindingId id) => Assert.Single(r.Findings, f => f.Id == id);
}
