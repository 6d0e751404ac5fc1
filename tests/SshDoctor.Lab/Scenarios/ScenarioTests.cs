using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// Each scenario on each judge: FIRST that real sshd must do what the table says for it (the table's truth comes
/// from this lab, per judge), THEN `check` on the tree dressed as that judge's system must agree: same verdict,
/// same blocking IDs, exit code 0/1. One class per judge (below), each in its own collection so that two
/// judges run at once (each has its own agent, namespace and port).
/// </summary>
public abstract class ScenarioTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names => ScenarioTable.Names();

    protected void Agree(string judge, string name)
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

        var claim = CheckClaim.Run(tree.Root, s.User, key.PublicPath, s.Client);
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

[Collection(LabCollection.Name)]
public sealed class ScenarioTestsOnBookworm(ITestOutputHelper output) : ScenarioTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Sshd_and_check_agree(string name) => Agree(Judge.Bookworm, name);
}

[Collection(LabCollection.Bullseye)]
public sealed class ScenarioTestsOnBullseye(ITestOutputHelper output) : ScenarioTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Sshd_and_check_agree(string name) => Agree(Judge.Bullseye, name);
}

[Collection(LabCollection.Trixie)]
public sealed class ScenarioTestsOnTrixie(ITestOutputHelper output) : ScenarioTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Sshd_and_check_agree(string name) => Agree(Judge.Trixie, name);
}

[Collection(LabCollection.Upstream92)]
public sealed class ScenarioTestsOnUpstream92(ITestOutputHelper output) : ScenarioTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Sshd_and_check_agree(string name) => Agree(Judge.Upstream92, name);
}

[Collection(LabCollection.Upstream100)]
public sealed class ScenarioTestsOnUpstream100(ITestOutputHelper output) : ScenarioTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Sshd_and_check_agree(string name) => Agree(Judge.Upstream100, name);
}

/// <summary>
/// Lab tests of one judge share its sshd agent: they run one at a time. The machine's judge (and fix, undo,
/// userdata) is one collection, each other judge its own: xunit runs two collections at once on two cores.
/// </summary>
[CollectionDefinition(Name)]
public sealed class LabCollection
{
    public const string Name = "lab (real sshd)";
    public const string Bullseye = "lab judge bullseye", Trixie = "lab judge trixie",
        Upstream92 = "lab judge upstream-9.2p1", Upstream100 = "lab judge upstream-10.0p1";
}

[CollectionDefinition(LabCollection.Bullseye)] public sealed class BullseyeCollection;
[CollectionDefinition(LabCollection.Trixie)] public sealed class TrixieCollection;
[CollectionDefinition(LabCollection.Upstream92)] public sealed class Upstream92Collection;
[CollectionDefinition(LabCollection.Upstream100)] public sealed class Upstream100Collection;
