using System.Text;
using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Repair;

/// <summary>
/// For every refused scenario whose causes fix repairs: the real sshd refuses, `fix` runs, the real sshd then
/// accepts, every line of authorized_keys that is not about this key is still there in the same order, and
/// `undo` gives back the tree exactly (paths, modes, owners, content).
/// </summary>
[Collection(LabCollection.Name)]
public sealed class FixScenarioTests(ITestOutputHelper output)
{
    private static readonly HashSet<string> Repairable =
    [
        "HOME_MISSING", "SSH_DIR_MISSING", "AUTHKEYS_MISSING", "AUTHKEYS_NOT_REGULAR", "AUTHKEYS_UNREADABLE",
        "STRICTMODES_OWNER", "STRICTMODES_MODE", "KEY_NOT_AUTHORIZED", "KEY_LINE_INVALID", "AUTHKEYS_ENCODING",
    ];

    /// <summary>The causes fix repairs (a row is a repair case when all its blocking IDs are here).</summary>
    public static bool RepairableRow(Scenario s) => s.Verdict == "refused" && s.Blocking.Length > 0 && s.Blocking.All(Repairable.Contains);

    /// <summary>
    /// Every refused row whose causes fix repairs, except rows with a link in the key's path (<see cref="Scenario.KeyPathLink"/>):
    /// fix refuses to act through a link, and LinkRefusalTests asserts that refusal for exactly those rows.
    /// </summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var s in ScenarioTable.All)
            if (RepairableRow(s) && s.KeyPathLink is null)
                data.Add(s.Name);
        return data;
    }

    /// <summary>The repair rows with a link in the key's path (what LinkRefusalTests runs).</summary>
    public static TheoryData<string> LinkNames()
    {
        var data = new TheoryData<string>();
        foreach (var s in ScenarioTable.All)
            if (RepairableRow(s) && s.KeyPathLink is not null)
                data.Add(s.Name);
        return data;
    }

    [LabTheory]
    [MemberData(nameof(Names))]
    public void Fix_makes_sshd_accept_and_undo_restores(string name)
    {
        var s = ScenarioTable.Get(name);
        using var tree = LabTree.Create("fix " + s.Name);
        s.Setup(tree);
        var key = s.Key();

        var before = RealSshd.Run(tree, s.User, key);
        Assert.True(before.Verdict == "refused", $"the broken tree should be refused by sshd:\n{before.Transcript}");
        var snapshot = TreeSnapshot.Take(tree.Root);
        var keysPath = $"/home/{s.User}/.ssh/authorized_keys";
        var otherLines = OtherLines(tree, keysPath, key);

        var (fixExit, fixJson, fixErr) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--json");
        output.WriteLine(fixJson + fixErr);
        Assert.True(fixExit == 0, $"fix exited {fixExit}:\n{fixJson}\n{fixErr}");
        using (var doc = JsonDocument.Parse(fixJson))
            Assert.Equal("accepted", doc.RootElement.GetProperty("verdict").GetString());

        var after = RealSshd.Run(tree, s.User, key);
        Assert.True(after.Verdict == "accepted", $"after fix the real sshd still refuses '{name}':\n{after.Transcript}\n{fixJson}");
        var remaining = OtherLines(tree, keysPath, key);
        Assert.True(IsSubsequence(otherLines, remaining), $"fix lost or reordered a line of {keysPath}:\nbefore:\n{string.Join('\n', otherLines)}\nafter:\n{string.Join('\n', remaining)}");

        var (undoExit, undoOut, undoErr) = LabCli.Run("undo", "--root", tree.Root);
        Assert.True(undoExit == 0, $"undo exited {undoExit}: {undoOut}{undoErr}");
        var restored = TreeSnapshot.Take(tree.Root);
        var diff = TreeSnapshot.Diff(snapshot, restored);
        Assert.True(diff.Length == 0, $"undo did not restore the tree of '{name}':\n{diff}");
        LabCounter.Increment();
    }

    /// <summary>The lines of the file that do not mention the key (what fix must never touch).</summary>
    private static List<string> OtherLines(LabTree tree, string path, LabKey key)
    {
        var host = tree.HostPath(path);
        if (!File.Exists(host)) return [];
        var bytes = File.ReadAllBytes(host);
        var text = bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE
            ? Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2)
            : Encoding.UTF8.GetString(bytes);
        return text.Split('\n').Select(l => l.TrimEnd('\r').TrimStart('\uFEFF'))
            .Where(l => l.Trim().Length > 0 && !AboutKey(l, key))
            .ToList();
    }

    /// <summary>A line that carries part of the key (a wrapped piece, an RFC 4716 block line) or a line fix commented out.</summary>
    private static bool AboutKey(string line, LabKey key)
    {
        if (line.StartsWith("# ", StringComparison.Ordinal) || line.StartsWith("---- ", StringComparison.Ordinal) || line.StartsWith("Comment:", StringComparison.Ordinal))
            return true;
        var squeezed = new string(line.Where(c => !char.IsWhiteSpace(c)).ToArray());
        var b64 = key.Base64;
        for (var i = 0; i + 16 <= b64.Length; i += 4)
            if (squeezed.Contains(b64.Substring(i, 16), StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsSubsequence(List<string> expected, List<string> actual)
    {
        var i = 0;
        foreach (var line in actual)
            if (i < expected.Count && line == expected[i]) i++;
        return i == expected.Count;
    }

}
