using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "a regular file with more than one link … is a finding": the real sshd reads a hard-linked
/// authorized_keys like any other (it checks owner and mode, not the link count), so check must keep sshd's verdict
/// and only warn (AUTHKEYS_HARDLINKED); fix leaves the file alone (SpecialFileTests).
/// </summary>
[Collection(LabCollection.Name)]
public sealed class HardLinkCheckTests(ITestOutputHelper output)
{
    public static TheoryData<string> Cases => new() { "second name in /srv", "bob's authorized_keys" };

    [LabTheory]
    [MemberData(nameof(Cases))]
    public void Sshd_accepts_a_hard_linked_authorized_keys_and_check_warns_without_blocking(string name)
    {
        using var tree = LabTree.Create("hardlink check " + name);
        tree.Cast().WriteFile(AliceKeys, LabKeys.Main.Line + " lab\n", "0600", Alice, Alice);
        var other = name.StartsWith("second", StringComparison.Ordinal) ? "/srv/alice-keys" : "/home/bob/.ssh/authorized_keys";
        if (other.StartsWith("/srv", StringComparison.Ordinal)) tree.Mkdir("/srv", "0755", 0, 0);
        else tree.Mkdir("/home/bob/.ssh", "0700", Bob, Bob);
        LabRun.Exec("/usr/bin/ln", tree.HostPath(AliceKeys), tree.HostPath(other));
        var sshd = RealSshd.Run(tree, "alice", LabKeys.Main);
        Assert.True(sshd.Verdict == "accepted", $"sshd was expected to accept a hard-linked authorized_keys:\n{sshd.Transcript}");

        var (exit, json, err) = LabCli.Run("check", "--root", tree.Root, "--user", "alice", "--key", LabKeys.Main.PublicPath, "--from", "127.0.0.1", "--json");
        output.WriteLine(json);
        Assert.True(exit == 0, $"check must agree with sshd (exit 0), got {exit}: {err}\n{json}");
        using var doc = JsonDocument.Parse(json);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var warning = Assert.Single(findings, f => f.GetProperty("id").GetString() == "AUTHKEYS_HARDLINKED");
        Assert.Equal("warning", warning.GetProperty("severity").GetString());
        Assert.DoesNotContain(findings, f => f.GetProperty("severity").GetString() == "blocking");
        LabCounter.Increment();
    }
}
