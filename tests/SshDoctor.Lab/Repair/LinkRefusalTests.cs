using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Repair;

/// <summary>
/// Rows with a link in the key's path (<see cref="Scenario.KeyPathLink"/>): fix never acts through a link (design.md),
/// so for each such repair row the refusal itself is asserted. fix changes nothing (content, mode, owner, inode, mtime),
/// exits 1 (blocking findings remain), and every finding it leaves names the link, what it points to and why, with one
/// printed command; that command, pasted, moves only the link aside, and fix then makes the real sshd accept.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class LinkRefusalTests(ITestOutputHelper output)
{
    public static TheoryData<string> LinkNames() => FixScenarioTests.LinkNames();

    [LabTheory]
    [MemberData(nameof(LinkNames))]
    public void Fix_refuses_the_link_and_changes_nothing(string name)
    {
        var s = ScenarioTable.Get(name);
        var link = s.KeyPathLink!;
        using var tree = LabTree.Create("link " + s.Name);
        s.Setup(tree);
        var key = s.Key();
        Assert.True(RealSshd.Run(tree, s.User, key).Verdict == "refused", "the broken tree should be refused by sshd");
        var before = ExactSnapshot.Take(tree.Root);
        var plain = TreeSnapshot.Take(tree.Root);

        var (exit, json, err) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--json");
        output.WriteLine(json + err);
        Assert.True(exit == 1, $"fix should exit 1 (blocking findings left) and exited {exit}:\n{json}\n{err}");
        var diff = TreeSnapshot.Diff(before, ExactSnapshot.Take(tree.Root));
        Assert.True(diff.Length == 0, $"fix changed the tree of '{name}' although a link is in the key's path:\n{diff}");
        string command;
        using (var doc = JsonDocument.Parse(json))
        {
            var r = doc.RootElement;
            Assert.Equal("refused", r.GetProperty("verdict").GetString());
            Assert.Equal(0, r.GetProperty("plan").GetArrayLength());
            Assert.Equal(JsonValueKind.Null, r.GetProperty("run_id").ValueKind);
            var skipped = r.GetProperty("skipped").EnumerateArray().ToList();
            Assert.NotEmpty(skipped);
            foreach (var f in skipped)
            {
                var summary = f.GetProperty("fix").GetProperty("summary").GetString()!;
                Assert.True(summary.Contains(link, StringComparison.Ordinal) && summary.Contains("symbolic link", StringComparison.Ordinal)
                    && summary.Contains("never changes anything through a link", StringComparison.Ordinal),
                    $"the skip of {f.GetProperty("id")} does not name the link {link} and why:\n{summary}");
            }
            var commands = skipped.Select(f => string.Join("\n", f.GetProperty("fix").GetProperty("commands").EnumerateArray().Select(c => c.GetString()))).Distinct().ToList();
            command = Assert.Single(commands);
            Assert.Contains(tree.HostPath(link), command);
        }

        // The text form names it too (what a person reads).
        var (_, text, _) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--dry-run", "--lang", "en");
        Assert.Contains(link + " is a symbolic link", text);

        // The printed command moves the link itself aside (twice: idempotent), nothing else; fix then repairs.
        var what = new FileInfo(tree.HostPath(link)).LinkTarget;
        for (var i = 0; i < 2; i++) LabRun.Exec("/bin/sh", "-c", command); // throws with its stderr when it fails
        Assert.False(Path.Exists(tree.HostPath(link)) || new FileInfo(tree.HostPath(link)).LinkTarget is not null, $"{link} is still there");
        Assert.Equal(what, new FileInfo(tree.HostPath(link + ".sshdoctor-link")).LinkTarget);
        // (the rename changes its directory's mtime, which the plain snapshot leaves out)
        var moved = TreeSnapshot.Diff(plain, TreeSnapshot.Take(tree.Root)).Split('\n').Where(l => l.Length > 0).ToList();
        Assert.True(moved.Count == 2 && moved.Any(l => l.StartsWith("- " + link.TrimStart('/') + " ", StringComparison.Ordinal))
            && moved.Any(l => l.StartsWith("+ " + link.TrimStart('/') + ".sshdoctor-link link:" + what + " ", StringComparison.Ordinal)),
            $"the printed command changed more than the link's name:\n{string.Join('\n', moved)}");
        var (fixExit, fixJson, fixErr) = LabCli.Run("fix", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--json");
        Assert.True(fixExit == 0, $"fix after moving the link aside exited {fixExit}:\n{fixJson}\n{fixErr}");
        var after = RealSshd.Run(tree, s.User, key);
        Assert.True(after.Verdict == "accepted", $"after moving the link aside and fix, sshd still refuses:\n{after.Transcript}");
        LabCounter.Increment();
    }

    /// <summary>Every row's KeyPathLink is the first link below the home on ~/.ssh/authorized_keys in its tree (no row unmarked).</summary>
    [LabFact]
    public void Every_row_marks_the_link_its_tree_has()
    {
        var wrong = new List<string>();
        foreach (var s in ScenarioTable.All)
        {
            using var tree = LabTree.Create("mark " + s.Name);
            s.Setup(tree);
            var home = (s.User == "root" ? "/root" : tree.Users.FirstOrDefault(u => u.Name == s.User)?.Home ?? "/home/" + s.User).TrimEnd('/');
            string? found = null;
            var p = home;
            foreach (var part in new[] { ".ssh", "authorized_keys" })
            {
                p += "/" + part;
                var info = new FileInfo(tree.HostPath(p));
                if (info.LinkTarget is not null) { found = p; break; }
                if (!Path.Exists(tree.HostPath(p))) break;
            }
            if (found != s.KeyPathLink) wrong.Add($"{s.Name}: the tree's link {found ?? "(none)"}, the row says {s.KeyPathLink ?? "(none)"}");
        }
        Assert.True(wrong.Count == 0, "rows whose KeyPathLink does not match their tree:\n" + string.Join('\n', wrong));
    }
}
