using System.Text.Json;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Repair;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2Fix;

/// <summary>
/// The rows of Ec2FixScenarioTests with a symbolic link on the key's path below the home, through the EC2 EMULATOR
/// (not AWS): the repair script acts through no link (design.md), so `ec2 fix --via ssm|userdata` must end "refused"
/// (exit 1) with the script's refusal naming the link, change nothing under the home, /srv or /etc/ssh/keys (types,
/// link targets, modes, owners, contents), leave the real sshd refusing as before, and give the instance its original
/// user data back byte for byte.
/// </summary>
[Collection(SshDoctor.Lab.Ec2.EmulatorCollection.Name)]
public sealed class Ec2FixLinkRefusalTests(ITestOutputHelper output)
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in ScenarioTable.All)
            if (Ec2FixScenarioTests.Covered(s) && s.KeyPathLink is not null)
                foreach (var via in new[] { "ssm", "userdata" })
                    data.Add(s.Name, via);
        return data;
    }

    /// <summary>What the script could touch for alice: her home, the link targets under /srv, a central keys directory.</summary>
    private static SortedDictionary<string, string> Watched(LabTree tree) =>
        new(TreeSnapshot.Take(tree.Root).Where(e => e.Key.StartsWith("home/", StringComparison.Ordinal) || e.Key == "home"
                || e.Key.StartsWith("srv/", StringComparison.Ordinal) || e.Key.StartsWith("etc/ssh/keys", StringComparison.Ordinal))
            .ToDictionary(e => e.Key, e => e.Value), StringComparer.Ordinal);

    [LabTheory]
    [MemberData(nameof(Cases))]
    public void Ec2_fix_refuses_a_link_in_the_key_path_and_changes_nothing(string name, string via)
    {
        var s = ScenarioTable.Get(name);
        using var emu = Emulator.Start();
        using var tree = LabTree.Create("ec2fix link " + via + " " + name).Listen(null);
        s.Setup(tree);
        var key = s.Key();
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root)
        {
            DefaultUser = s.User, InstallKeyPairAtFirstBoot = false, UserData = Ec2FixScenarioTests.OriginalUserData,
        }).Booted();
        var before = EmulatorLab.Ssh(instance.PublicIpAddress!, s.User, key);
        Assert.True(before.Exit != 0, $"the broken tree '{name}' should be refused:\n{before.Output}\n{instance.SshdLog}");
        var treeBefore = Watched(tree);

        var (exit, stdout, stderr) = Ec2FixRun.For(emu).Run("ec2", "fix", instance.InstanceId, "--via", via, "-i", key.PublicPath, "--user", s.User, "--yes", "--json");
        output.WriteLine(stdout + stderr);
        Assert.True(exit == 1, $"ec2 fix --via {via} exited {exit}, expected 1 (the script refuses):\n{stdout}\n{stderr}\nconsole:\n{instance.ConsoleLog}");
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal("refused", doc.RootElement.GetProperty("result").GetString());
            var refusals = doc.RootElement.GetProperty("report").GetProperty("actions").EnumerateArray()
                .Where(a => a.GetProperty("action").GetString() == "refuse").Select(a => a.GetProperty("detail").GetString() ?? "").ToList();
            Assert.True(refusals.Any(d => d.Contains(s.KeyPathLink!, StringComparison.Ordinal) && d.Contains("symbolic link", StringComparison.Ordinal)),
                $"no refusal names the link {s.KeyPathLink}:\n{stdout}");
        }

        instance.Running();
        var diff = TreeSnapshot.Diff(treeBefore, Watched(tree));
        Assert.True(diff.Length == 0, $"ec2 fix --via {via} changed the tree although the script refused:\n{diff}");
        var after = EmulatorLab.Ssh(instance.PublicIpAddress!, s.User, key);
        Assert.True(after.Exit != 0, $"sshd accepts '{name}' although nothing was to change:\n{after.Output}");
        Assert.Equal(Ec2FixScenarioTests.OriginalUserData, instance.UserData);
        LabCounter.Increment();
    }
}
