using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// The origin check gives the value behind a finding, on trees the real sshd judged: the crypto-policies back-end
/// (on the upstream judges, which stand in for RHEL/Amazon Linux) and the service manager's -o options.
/// </summary>
public abstract class OriginLabTests(ITestOutputHelper output)
{
    public static TheoryData<string, string, string, string, int> Rows => new()
    {
        { CryptoPolicyScenarios.Sha1Client, "pubkeyacceptedalgorithms", "crypto-policies", CryptoPolicyScenarios.BackEnd, 5 },
        { "service: drop-in ExecStart -o PubkeyAuthentication=no", "pubkeyauthentication", "systemd-unit", "/etc/systemd/system/ssh.service.d/override.conf", 3 },
        { "service: /etc/default/ssh SSHD_OPTS=\"-o PubkeyAuthentication=no\"", "pubkeyauthentication", "default-ssh-opts", "/etc/default/ssh", 2 },
    };

    protected void Origin(string judge, string name, string keyword, string kind, string file, int line)
    {
        var s = ScenarioTable.Get(name).For(judge);
        using var tree = LabTree.Create("origin " + name, Judge.Get(judge));
        s.Setup(tree);
        var key = s.Key();
        var truth = RealSshd.Run(tree, s.User, key);
        output.WriteLine(truth.Transcript);
        Assert.True(truth.Verdict == "refused", $"sshd ({judge}) should refuse '{name}':\n{truth.Transcript}");

        var claim = CheckClaim.Run(tree.Root, s.User, key.PublicPath, s.Client);
        output.WriteLine(claim.Transcript);
        Assert.Equal("refused", claim.Verdict);
        using var doc = JsonDocument.Parse(claim.Json);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == s.Blocking[0]);
        var setting = finding.GetProperty("settings").EnumerateArray().Single(v => v.GetProperty("keyword").GetString() == keyword);
        var origin = setting.GetProperty("origin");
        Assert.Equal((kind, file, line), (origin.GetProperty("kind").GetString(), origin.GetProperty("file").GetString(), origin.GetProperty("line").GetInt32()));
    }
}

[Collection(LabCollection.Name)]
public sealed class OriginLabTestsOnBookworm(ITestOutputHelper output) : OriginLabTests(output)
{
    [LabTheory, MemberData(nameof(Rows))]
    public void Check_names_where_the_value_came_from(string name, string keyword, string kind, string file, int line) =>
        Origin(Judge.Bookworm, name, keyword, kind, file, line);
}

[Collection(LabCollection.Upstream92)]
public sealed class OriginLabTestsOnUpstream92(ITestOutputHelper output) : OriginLabTests(output)
{
    [LabTheory, MemberData(nameof(Rows))]
    public void Check_names_where_the_value_came_from(string name, string keyword, string kind, string file, int line) =>
        Origin(Judge.Upstream92, name, keyword, kind, file, line);
}

[Collection(LabCollection.Upstream100)]
public sealed class OriginLabTestsOnUpstream100(ITestOutputHelper output) : OriginLabTests(output)
{
    [LabTheory, MemberData(nameof(Rows))]
    public void Check_names_where_the_value_came_from(string name, string keyword, string kind, string file, int line) =>
        Origin(Judge.Upstream100, name, keyword, kind, file, line);
}
