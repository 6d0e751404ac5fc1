using System.Text;
using System.Text.Json;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2Fix;

/// <summary>
/// `sshdoctor ec2 fix` end to end against the EC2 EMULATOR (not AWS): for every refused lab scenario whose causes the
/// repair script repairs, an instance whose disk is the broken tree, the real sshd refusing the key; `ec2` must find
/// the refusal from outside and name the SSM repair as the next command; then `ec2 fix --via ssm` and `--via userdata`
/// (each on its own instance) must make the real sshd accept, keep every other line of every keys file in order, and
/// leave the instance's original user data byte for byte. The file the key goes in is the one sshd reads (a central
/// /etc/ssh/keys/%u included); rows with a link on the key's path are refused instead (Ec2FixLinkRefusalTests).
/// </summary>
[Collection(SshDoctor.Lab.Ec2.EmulatorCollection.Name)]
public sealed class Ec2FixScenarioTests(ITestOutputHelper output)
{
    /// <summary>The causes userdata-repair.sh repairs (mode, owner, missing pieces, encoding, the key itself).</summary>
    private static readonly HashSet<string> Repairable =
    [
        "HOME_MISSING", "SSH_DIR_MISSING", "AUTHKEYS_MISSING", "STRICTMODES_OWNER", "STRICTMODES_MODE", "KEY_NOT_AUTHORIZED",
        "AUTHKEYS_ENCODING", "KEY_LINE_INVALID",
    ];

    /// <summary>A user data the instance had before: a shell script and bytes a careless copy would change (CR, NUL, no final newline).</summary>
    public static readonly byte[] OriginalUserData = [.. Encoding.UTF8.GetBytes("#!/bin/sh\r\necho original user data é\r\n"), 0, 0xff, (byte)'x'];

    /// <summary>A row the repair script is for: sshd refuses alice for causes it repairs. Rows with a link in the key's
    /// path are refused by the script (Ec2FixLinkRefusalTests), the others repaired here.</summary>
    public static bool Covered(Scenario s) =>
        s.Verdict == "refused" && s.SshdStarts && s.Blocking.Length > 0 && s.Blocking.All(Repairable.Contains) && s.User is "alice";

    /// <summary>Every file alice's keys may be in across the rows (the usual one, a second one, a central one).</summary>
    public static readonly string[] KeyFiles = [LabUsers.AliceKeys, KeyPlacementScenarios.AliceKeys2, KeyPlacementScenarios.AliceCentral];

    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var s in ScenarioTable.All)
            if (Covered(s) && s.KeyPathLink is null)
                foreach (var via in new[] { "ssm", "userdata" })
                    data.Add(s.Name, via);
        return data;
    }

    [LabTheory]
    [MemberData(nameof(Cases))]
    public void Ec2_fix_makes_the_real_sshd_accept(string name, string via)
    {
        var s = ScenarioTable.Get(name);
        using var emu = Emulator.Start();
        using var tree = LabTree.Create("ec2fix " + via + " " + name).Listen(null);
        s.Setup(tree);
        var key = s.Key();
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { DefaultUser = s.User, InstallKeyPairAtFirstBoot = false, UserData = OriginalUserData }).Booted();
        var address = instance.PublicIpAddress!;
        var otherBefore = KeyFiles.Select(f => OtherLines(tree.HostPath(f), key)).ToList();

        var before = EmulatorLab.Ssh(address, s.User, key);
        Assert.True(before.Exit != 0, $"the broken tree '{name}' should be refused:\n{before.Output}\n{instance.SshdLog}");

        var run = Ec2FixRun.For(emu);
        if (via == "ssm") Diagnosis_points_at_the_repair(run, instance.InstanceId, s.User, key);
        var (exit, stdout, stderr) = run.Run("ec2", "fix", instance.InstanceId, "--via", via, "-i", key.PublicPath, "--user", s.User, "--yes", "--json");
        output.WriteLine(stdout + stderr);
        Assert.True(exit == 0, $"ec2 fix --via {via} exited {exit}:\n{stdout}\n{stderr}\nconsole:\n{instance.ConsoleLog}");
        using (var doc = JsonDocument.Parse(stdout))
        {
            Assert.Equal("repaired", doc.RootElement.GetProperty("result").GetString());
            Assert.True(doc.RootElement.GetProperty("report").GetProperty("complete").GetBoolean(), stdout);
        }

        instance.Running();
        var after = EmulatorLab.Ssh(instance.PublicIpAddress!, s.User, key);
        Assert.True(after.Exit == 0, $"after ec2 fix --via {via} the real sshd still refuses '{name}':\n{after.Output}\n{instance.SshdLog}");
        for (var i = 0; i < KeyFiles.Length; i++)
        {
            var otherAfter = OtherLines(tree.HostPath(KeyFiles[i]), key);
            Assert.True(IsSubsequence(otherBefore[i], otherAfter),
                $"a line of {KeyFiles[i]} was lost or reordered:\n{string.Join('\n', otherBefore[i])}\n---\n{string.Join('\n', otherAfter)}");
        }
        Assert.Equal(OriginalUserData, instance.UserData);
        LabCounter.Increment();
    }

    /// <summary>
    /// From outside, before any repair: `ec2` (the API, the console and a probe of the address) finds that sshd refuses
    /// this key for alice, and its next command is the SSM repair this test then runs.
    /// </summary>
    private void Diagnosis_points_at_the_repair(Ec2FixRun run, string instanceId, string user, LabKey key)
    {
        var (exit, stdout, stderr) = run.Run("ec2", instanceId, "-i", key.PrivatePath, "--user", user, "--json", "--lang", "en");
        output.WriteLine("ec2 (diagnose):\n" + stdout + stderr);
        Assert.True(exit == 1, $"ec2 diagnose exited {exit}, expected 1 (a blocking finding):\n{stdout}\n{stderr}");
        using var doc = JsonDocument.Parse(stdout);
        var blocking = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "blocking").Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.True(blocking.Contains("KEY_NOT_AUTHORIZED"), $"the probe's refusal is not among the blocking findings ({string.Join(", ", blocking)}):\n{stdout}");
        var next = doc.RootElement.GetProperty("next");
        Assert.Equal("repair_ssm", next.GetProperty("step").GetString());
        Assert.StartsWith($"sshdoctor ec2 fix {instanceId} --via ssm --user {user}", next.GetProperty("command").GetString(), StringComparison.Ordinal);
    }

    /// <summary>The lines that do not carry the key (what the repair must never touch), decoded as the script decodes them.</summary>
    public static List<string> OtherLines(string path, LabKey key)
    {
        if (!File.Exists(path)) return [];
        var bytes = File.ReadAllBytes(path);
        var text = bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)
            : bytes.Length >= 2 && bytes[1] == 0 ? Encoding.Unicode.GetString(bytes) : Encoding.UTF8.GetString(bytes);
        return text.Split('\n').Select(l => l.TrimEnd('\r').TrimStart('\uFEFF'))
            .Where(l => l.Trim().Length > 0 && !AboutKey(l, key)).ToList();
    }

    private static bool AboutKey(string line, LabKey key)
    {
        var squeezed = new string(line.Where(c => !char.IsWhiteSpace(c)).ToArray());
        for (var i = 0; i + 16 <= key.Base64.Length; i += 4)
            if (squeezed.Contains(key.Base64.Substring(i, 16), StringComparison.Ordinal)) return true;
        return false;
    }

    public static bool IsSubsequence(List<string> expected, List<string> actual)
    {
        var i = 0;
        foreach (var line in actual)
            if (i < expected.Count && line == expected[i]) i++;
        return i == expected.Count;
    }
}
