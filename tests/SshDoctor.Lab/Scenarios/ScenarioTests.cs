using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// Each scenario on each judge: FIRST that real sshd must do what the table says for it (the table's truth comes
/// from this lab, per judge), THEN `check` on the tree dressed as that judge's system must agree: same verdict,
/// same blocking IDs, exit code 0/1.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class ScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases => ScenarioTable.PerJudge();

    [LabTheory]
    [MemberData(nameof(Cases))]
    public void Sshd_and_check_agree(string judge, string name)
    {
        var s = ScenarioTable.Get(name).For(judge);
        using var tree = LabTree.Create(s.Name, Judge.Get(judge));
        s.Setup(tree);
        var key = s.Key();

        var truth = RealSshd.Run(tree, s.User, key);
        output.WriteLine(truth.Transcript);
        Assert.True(truth.Started == s.SshdStarts, $"sshd ({judge}) {(truth.Started ? "started" : "did not start")} for '{name}':\n{truth.Transcript}");
        Assert.True(truth.Verdict == s.Verdict, $"the real sshd ({judge}) said {truth.Verdict}, the table says {s.Verdict} for '{name}':\n{truth.Transcript}");
        if (s.Verdict == "accepted")
            Assert.True(s.SessionFails ? truth.SshExitCode != 0 : truth.SshExitCode == 0,
                $"ssh exit code {truth.SshExitCode} (session expected to {(s.SessionFails ? "fail" : "succeed")}):\n{truth.Transcript}");
        if (s.LogHas is { } needle)
            Assert.True(truth.Log.Any(l => l.Contains(needle, StringComparison.Ordinal)), $"sshd's log ({judge}) lacks \"{needle}\":\n{truth.Transcript}");

        var claim = CheckClaim.Run(tree.Root, s.User, key.PublicPath);
        Assert.True(claim.Available, "`check` did not run:\n" + claim.Transcript);
        output.WriteLine(claim.Transcript);
        var expectedExit = s.Verdict == "accepted" ? 0 : 1;
        var agrees = claim.Verdict == s.Verdict && claim.ExitCode == expectedExit && claim.BlockingIds.SequenceEqual(s.Blocking.Order(StringComparer.Ordinal));
        if (s.KnownGap is { } gap && !agrees)
        {
            // What check cannot see from the files (e.g. what an AuthorizedKeysCommand prints) must be
            // answered "unknown" (exit 3), never the opposite verdict.
            Assert.True(claim.Verdict == "unknown" && claim.ExitCode == 3,
                $"known gap '{gap}': check must agree with sshd or say unknown, it said {claim.Verdict}:\n{claim.Transcript}\n{truth.Transcript}");
            output.WriteLine($"check answers unknown (known gap): {gap}");
            return;
        }
        Assert.True(agrees,
            $"check disagrees with sshd ({judge}) on '{name}': expected {s.Verdict} (exit {expectedExit}) blocking [{string.Join(", ", s.Blocking)}]\n" +
            $"{claim.Transcript}\n{truth.Transcript}");
    }
}

/// <summary>Lab tests share one sshd agent and two cores: they run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class LabCollection
{
    public const string Name = "lab (real sshd)";
}
