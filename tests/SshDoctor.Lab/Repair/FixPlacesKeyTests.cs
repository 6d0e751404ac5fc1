using System.Security.Cryptography;
using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using static SshDoctor.Lab.Scenarios.KeyPlacementScenarios;

namespace SshDoctor.Lab.Repair;

/// <summary>
/// fix puts the key where sshd looks (issue 9, section 3), on each of the five judges: the real sshd refuses; a
/// dry run changes nothing and explains which file it chose; fix creates or extends exactly that file with the
/// owner and mode expected (root 0644 in a central directory, the user's 0600 in home), changes no
/// AuthorizedKeysFile line and keeps every other key line; the real sshd then accepts; undo restores the tree.
/// </summary>
public abstract class FixPlacesKeyTests(ITestOutputHelper output)
{
    /// <summary>Scenario → the file fix must leave the key in, its mode and owner uid, and the file passed over (if any).</summary>
    private static readonly Dictionary<string, (string File, string Mode, int Uid, string? PassedOver)> Expected = new()
    {
        [CentralMissing] = (AliceCentral, "644", 0, null),
        [CentralEmptyDir] = (AliceCentral, "644", 0, null),
        [CentralOtherKey] = (AliceCentral, "644", 0, null),
        [CentralUnreachable] = (AliceKeys2, "600", LabUsers.Alice, AliceCentral),
        [CentralUnreadable] = (AliceKeys2, "600", LabUsers.Alice, AliceCentral),
        [MatchOwnFile] = (AliceKeys2, "600", LabUsers.Alice, null),
        [MatchCentral] = (AliceCentral, "644", 0, null),
    };

    public static TheoryData<string> Names
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var name in Expected.Keys) data.Add(name);
            return data;
        }
    }

    protected void Run(string judge, string name)
    {
        var s = ScenarioTable.Get(name).For(judge);
        var (file, mode, uid, passedOver) = Expected[name];
        using var tree = LabTree.Create("fix placement " + s.Name, Judge.Get(judge));
        s.Setup(tree);
        var key = s.Key();

        var before = RealSshd.Run(tree, s.User, key);
        Assert.True(before.Verdict == "refused", $"the broken tree should be refused by sshd ({judge}):\n{before.Transcript}");
        var snapshot = TreeSnapshot.Take(tree.Root);
        var config = ConfigHash(tree);
        var otherLines = KeyLines(tree, LabUsers.AliceKeys, key).Concat(KeyLines(tree, file, key)).ToList();

        var (dryExit, dryJson, dryErr) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--dry-run", "--json");
        output.WriteLine(dryJson + dryErr);
        Assert.True(TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root)).Length == 0, "the dry run changed the tree");
        var plan = Commands(dryJson);
        Assert.True(plan.Any(c => c.Contains($"sshd reads {tree.Root}{file} (AuthorizedKeysFile", StringComparison.Ordinal) || c.Contains($"sshd reads {file} (AuthorizedKeysFile", StringComparison.Ordinal)),
            $"the plan does not say which file sshd reads ({file}):\n{dryJson}");
        if (passedOver is not null)
            Assert.True(plan.Any(c => c.Contains(passedOver + " passed over", StringComparison.Ordinal)), $"the plan does not say why {passedOver} was passed over:\n{dryJson}");

        var (fixExit, fixJson, fixErr) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--json");
        output.WriteLine(fixJson + fixErr);
        Assert.True(fixExit == 0, $"fix exited {fixExit}:\n{fixJson}\n{fixErr}");
        using (var doc = JsonDocument.Parse(fixJson))
            Assert.Equal("accepted", doc.RootElement.GetProperty("verdict").GetString());

        var host = tree.HostPath(file);
        Assert.True(File.Exists(host), $"fix did not leave the key in {file}:\n{fixJson}");
        Assert.Contains(key.Base64, File.ReadAllText(host));
        Assert.Equal(mode, Convert.ToString((int)File.GetUnixFileMode(host), 8));
        Assert.Equal(uid, (int)TreeSnapshot.Owner(host).Uid);
        if (file.StartsWith(Central + "/", StringComparison.Ordinal))
        {
            var dir = tree.HostPath(Central);
            Assert.Equal(0, (int)TreeSnapshot.Owner(dir).Uid);
            Assert.True(((int)File.GetUnixFileMode(dir) & 0x12) == 0, $"{Central} is group/world-writable");
        }
        Assert.True(config == ConfigHash(tree), "fix changed sshd's configuration (an AuthorizedKeysFile line?)");
        var remaining = KeyLines(tree, LabUsers.AliceKeys, key).Concat(KeyLines(tree, file, key)).ToList();
        Assert.True(otherLines.SequenceEqual(remaining), $"fix lost or reordered a key line:\nbefore:\n{string.Join('\n', otherLines)}\nafter:\n{string.Join('\n', remaining)}");

        var after = RealSshd.Run(tree, s.User, key);
        Assert.True(after.Verdict == "accepted", $"after fix the real sshd ({judge}) still refuses '{name}':\n{after.Transcript}\n{fixJson}");

        var (undoExit, undoOut, undoErr) = LabCli.Run("undo", "--root", tree.Root);
        Assert.True(undoExit == 0, $"undo exited {undoExit}: {undoOut}{undoErr}");
        var diff = TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root));
        Assert.True(diff.Length == 0, $"undo did not restore the tree of '{name}':\n{diff}");
        LabCounter.Increment();
    }

    private static List<string> Commands(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("plan").EnumerateArray().Select(a => a.GetProperty("command").GetString() ?? "").ToList();
    }

    /// <summary>The lines of a keys file that are not the key (what fix must keep, in order).</summary>
    private static IEnumerable<string> KeyLines(LabTree tree, string path, LabKey key)
    {
        var host = tree.HostPath(path);
        return File.Exists(host) ? File.ReadAllLines(host).Where(l => l.Length > 0 && !l.Contains(key.Base64, StringComparison.Ordinal)) : [];
    }

    /// <summary>sshd_config (the runner rewrites only its port line) and every drop-in.</summary>
    private static string ConfigHash(LabTree tree)
    {
        var files = new[] { tree.HostPath("/etc/ssh/sshd_config") }
            .Concat(Directory.Exists(tree.HostPath("/etc/ssh/sshd_config.d")) ? Directory.GetFiles(tree.HostPath("/etc/ssh/sshd_config.d")).Order(StringComparer.Ordinal) : []);
        return string.Join(",", files.Select(f => f + "=" + Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))));
    }
}

[Collection(LabCollection.Name)]
public sealed class FixPlacesKeyTestsOnBookworm(ITestOutputHelper output) : FixPlacesKeyTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Fix_puts_the_key_where_sshd_looks(string name) => Run(Judge.Bookworm, name);
}

[Collection(LabCollection.Bullseye)]
public sealed class FixPlacesKeyTestsOnBullseye(ITestOutputHelper output) : FixPlacesKeyTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Fix_puts_the_key_where_sshd_looks(string name) => Run(Judge.Bullseye, name);
}

[Collection(LabCollection.Trixie)]
public sealed class FixPlacesKeyTestsOnTrixie(ITestOutputHelper output) : FixPlacesKeyTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Fix_puts_the_key_where_sshd_looks(string name) => Run(Judge.Trixie, name);
}

[Collection(LabCollection.Upstream92)]
public sealed class FixPlacesKeyTestsOnUpstream92(ITestOutputHelper output) : FixPlacesKeyTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Fix_puts_the_key_where_sshd_looks(string name) => Run(Judge.Upstream92, name);
}

[Collection(LabCollection.Upstream100)]
public sealed class FixPlacesKeyTestsOnUpstream100(ITestOutputHelper output) : FixPlacesKeyTests(output)
{
    [LabTheory, MemberData(nameof(Names))]
    public void Fix_puts_the_key_where_sshd_looks(string name) => Run(Judge.Upstream100, name);
}
