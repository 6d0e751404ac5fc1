using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.Repair;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Userdata;

/// <summary>
/// `sshdoctor userdata`'s script against the real sshd: break a tree, prove sshd refuses, run the script taken
/// from the generated MIME document as root inside the lab's mount namespace (so its getent/chown see the tree),
/// prove sshd accepts, that every other authorized_keys line survived in order, that a second run changes nothing,
/// that the JSON report is complete, and that the script's undo mode gives the tree back exactly (paths, types,
/// modes, owners, contents). Under dash (/bin/sh here) and under bash.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class UserdataRepairTests(ITestOutputHelper output)
{
    private static LabKey K => LabKeys.Main;
    private const string Comment = "lab@client";
    private static string KeyLine => K.Line + " " + Comment;
    /// <summary>A comment a shell would love to expand: must land in authorized_keys byte for byte.</summary>
    private const string HostileComment = "it's \"$(touch /tmp/sshdoctor-pwned)\" `id` $HOME \\n %u";

    /// <summary>Lines that are not the login key and must come through unchanged.</summary>
    private static string Others => "# keys managed by ops\n" + LabKeys.Other.Line + " bob@laptop\n";

    private const string AmazonLinux = "NAME=\"Amazon Linux\"\nVERSION=\"2023\"\nID=\"amzn\"\nID_LIKE=\"fedora\"\nVERSION_ID=\"2023\"\n";

    /// <param name="RefusedBefore">false only where this lab shows sshd accepts the damage (CRLF endings): the script
    /// still normalizes the file, and sshd must still accept afterwards.</param>
    /// <param name="KeysFile">the file the script must put the key in (AuthorizedKeysFile as sshd -T gives it for alice).</param>
    public sealed record Case(string Name, Action<LabTree> Break, bool WithKey = true, string? Encoding = null, bool RefusedBefore = true, string KeyComment = Comment,
        string KeysFile = AliceKeys)
    {
        public string Line => K.Line + " " + KeyComment;
    }

    private static Action<LabTree> Keys(string content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);
    private static Action<LabTree> Keys(byte[] content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);

    private const string Central = KeyPlacementScenarios.AliceCentral;
    private const string CentralConfig = "AuthorizedKeysFile /etc/ssh/keys/%u";

    public static readonly Case[] Cases =
    [
        new("home 0777 (Amazon Linux os-release)", t => t.Cast().WriteFile("/etc/os-release", AmazonLinux).Chmod("/home/alice", "0777"), WithKey: false),
        new("~/.ssh 0777", t => t.Cast().Chmod("/home/alice/.ssh", "0777"), WithKey: false),
        new("authorized_keys 0666", t => t.Cast().Chmod(AliceKeys, "0666"), WithKey: false),
        new("~/.ssh owned by root", t => t.Cast().Chown("/home/alice/.ssh", 0, 0), WithKey: false),
        new("authorized_keys owned by another user", t => t.Cast().Chown(AliceKeys, Bob, Bob), WithKey: false),
        new("~/.ssh missing", t => t.Cast().Remove("/home/alice/.ssh")),
        new("authorized_keys missing", t => t.Cast().Remove(AliceKeys)),
        new("home missing", t => t.Cast().Remove("/home/alice")),
        new("key not present, no final newline", Keys(Others.TrimEnd('\n'))),
        new("key not present, hostile comment", Keys(Others), KeyComment: HostileComment),
        new("home 0777 (Debian os-release: private group keeps g+w)", t => t.Cast().Chmod("/home/alice", "0777"), WithKey: false),
        new("home 0775 in a shared group (Debian os-release)", t => t.Cast().Chown("/home/alice", Alice, SharedGid).Chmod("/home/alice", "0775"), WithKey: false),
        new("UTF-8 BOM before the key line", Keys("\uFEFF" + KeyLine + "\n" + Others)),
        // sshd 9.2 accepts CRLF lines (even a key line without comment): converted, never the cause.
        new("CRLF line endings, key without comment (sshd accepts)", Keys((Others + K.Line + "\n").Replace("\n", "\r\n")), RefusedBefore: false),
        new("CRLF line endings and the key missing", Keys(Others.Replace("\n", "\r\n"))),
        new("UTF-16LE with BOM (PowerShell)",
            Keys([.. System.Text.Encoding.Unicode.GetPreamble(), .. System.Text.Encoding.Unicode.GetBytes((Others + KeyLine + "\n").Replace("\n", "\r\n"))]),
            Encoding: "utf-16"),
        new("UTF-16LE without BOM", Keys(System.Text.Encoding.Unicode.GetBytes(Others + KeyLine + "\n")), Encoding: "utf-16-nobom"),
        // Healthy for Debian's sshd (private-group rule): the script must change nothing at all.
        new("healthy tree, home 0775 in the user's private group (Debian)", t => t.Cast().Chmod("/home/alice", "0775"),
            RefusedBefore: false),
        new("key wrapped over two lines", Keys(Others + $"{K.Type} {K.Base64[..30]}\n{K.Base64[30..]} {Comment}\n")),
        new("space inside the key's base64", Keys(Others + $"{K.Type} {K.Base64[..24]} {K.Base64[24..]} {Comment}\n")),
        // AuthorizedKeysFile elsewhere: the script asks sshd -T where alice's keys are read from.
        new("central /etc/ssh/keys/%u, no such directory: created root 755, the file root 644", t => t.Cast().Config(CentralConfig),
            KeysFile: Central),
        new("central /etc/ssh/keys/alice holds another key", t => t.Cast().Mkdir(KeyPlacementScenarios.Central)
            .WriteFile(Central, Others).Config(CentralConfig), KeysFile: Central),
        new("central /etc/ssh/keys/alice owned by bob (StrictModes): given to root", t => t.Cast().Mkdir(KeyPlacementScenarios.Central)
            .WriteFile(Central, Others + KeyLine + "\n", "0644", Bob, Bob).Config(CentralConfig), WithKey: true, KeysFile: Central),
        new("central /etc/ssh/keys world-writable (StrictModes walks up to /)", t => t.Cast().Mkdir(KeyPlacementScenarios.Central, "0777")
            .WriteFile(Central, Others + KeyLine + "\n").Config(CentralConfig), KeysFile: Central),
        new("central /etc/ssh/keys root 0700 (alice cannot enter): passed over for .ssh/authorized_keys2",
            t => t.Cast().Mkdir(KeyPlacementScenarios.Central, "0700").Config(CentralConfig + " .ssh/authorized_keys2"),
            KeysFile: KeyPlacementScenarios.AliceKeys2),
        new("AuthorizedKeysFile .ssh/authorized_keys2 only", t => t.Cast().Config("AuthorizedKeysFile .ssh/authorized_keys2"),
            KeysFile: KeyPlacementScenarios.AliceKeys2),
    ];

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    [LabTheory]
    [MemberData(nameof(Names))]
    public void Script_repairs_what_sshd_refuses(string name) => RepairAndUndo(name, "/bin/sh");

    [LabTheory]
    [MemberData(nameof(Names))]
    public void Script_repairs_what_sshd_refuses_under_bash(string name) => RepairAndUndo(name, "/bin/bash");

    private void RepairAndUndo(string name, string shell)
    {
        var c = Cases.Single(x => x.Name == name);
        using var tree = LabTree.Create("userdata " + name);
        c.Break(tree);

        var before = RealSshd.Run(tree, "alice", K);
        output.WriteLine("BEFORE\n" + before.Transcript);
        Assert.True(before.Started, $"sshd did not start:\n{before.Transcript}");
        var expected = c.RefusedBefore ? "refused" : "accepted";
        Assert.True(before.Verdict == expected, $"the broken tree '{name}' should be {expected} by sshd:\n{before.Transcript}");

        var keysPath = tree.HostPath(c.KeysFile);
        var keysBefore = File.Exists(keysPath) ? File.ReadAllBytes(keysPath) : null;
        var treeBefore = TreeOf(tree);

        var document = UserdataDocument.Build("alice", c.WithKey ? c.Line : null);
        var script = UserdataDocument.ExtractScript(document);
        var first = RealSshd.RunScript(tree, script, shell);
        output.WriteLine($"SCRIPT (1st run, {shell})\n" + first.Output);
        Assert.True(first.ExitCode == 0, $"script exited {first.ExitCode}:\n{first.Output}");
        Assert.All(first.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries),
            l => Assert.True(l.StartsWith("sshdoctor: ", StringComparison.Ordinal) || l.StartsWith(RepairReport.Prefix, StringComparison.Ordinal), l));
        var report = RepairReport.Parse(first.Output);
        Assert.True(report.Complete, $"the report is incomplete:\n{first.Output}");
        var changes = report.Actions.Count(a => a.Result == "changed");

        var console = File.ReadAllText(tree.HostPath("/dev/console"));
        var healthy = name.StartsWith("healthy", StringComparison.Ordinal);
        var done = healthy ? "sshdoctor: done: nothing to change" : "sshdoctor: done: repaired";
        Assert.True(console.Contains(done, StringComparison.Ordinal), $"console report lacks \"{done}\":\n{console}");
        if (healthy) Assert.False(Directory.Exists(tree.HostPath("/var/backups/sshdoctor")), "a backup was made although nothing changed");

        var after = RealSshd.Run(tree, "alice", K);
        output.WriteLine("AFTER\n" + after.Transcript);
        Assert.True(after.Verdict == "accepted" && after.SshExitCode == 0, $"sshd still refuses after the script:\n{first.Output}\n{after.Transcript}");

        AssertOtherLinesKept(keysBefore, File.ReadAllBytes(keysPath), c);
        AssertNarrowed(tree, c.KeysFile);
        Assert.False(File.Exists("/tmp/sshdoctor-pwned"), "a key comment was executed by the shell");
        if (c.Name.StartsWith("home 0777 (Debian", StringComparison.Ordinal))
            Assert.Equal("775", Convert.ToString((int)File.GetUnixFileMode(tree.HostPath("/home/alice")), 8));
        if (c.Name.StartsWith("home 0777 (Amazon", StringComparison.Ordinal) || c.Name.Contains("shared group", StringComparison.Ordinal))
            Assert.Equal("755", Convert.ToString((int)File.GetUnixFileMode(tree.HostPath("/home/alice")), 8));

        var snapshot = Snapshot(tree);
        var second = RealSshd.RunScript(tree, script, shell);
        output.WriteLine("SCRIPT (2nd run)\n" + second.Output);
        Assert.True(second.ExitCode == 0, $"second run exited {second.ExitCode}:\n{second.Output}");
        Assert.Contains("sshdoctor: done: nothing to change", second.Output, StringComparison.Ordinal);
        Assert.Equal(snapshot, Snapshot(tree));
        Assert.Equal("nothing_to_change", RepairReport.Parse(second.Output).Final?.Result);

        Assert.Equal(healthy ? "nothing_to_change" : "repaired", report.Final!.Result);
        Assert.True(healthy == (changes == 0), $"{changes} changes reported:\n{first.Output}");
        if (healthy) return;
        // undo from the run's own backups, the manifest checked against the SHA-256 the report gave
        var undoScript = UserdataDocument.Script("alice", null, "undo", report.Final.Run, report.Final.ManifestSha256 ?? "");
        var undo = RealSshd.RunScript(tree, undoScript, shell);
        output.WriteLine("UNDO\n" + undo.Output);
        Assert.True(undo.ExitCode == 0, $"undo exited {undo.ExitCode}:\n{undo.Output}");
        Assert.Equal("undone", RepairReport.Parse(undo.Output, mode: "undo").Final?.Result);
        var diff = SshDoctor.Lab.Repair.TreeSnapshot.Diff(treeBefore, TreeOf(tree));
        Assert.True(diff.Length == 0, $"undo did not give the tree back:\n{diff}\n{undo.Output}");
        var again = RealSshd.RunScript(tree, undoScript, shell);
        Assert.True(again.ExitCode == 0 && SshDoctor.Lab.Repair.TreeSnapshot.Diff(treeBefore, TreeOf(tree)).Length == 0, "a second undo changed something:\n" + again.Output);
    }

    /// <summary>The tree as undo must give it back (the script's console file is not part of it).</summary>
    private static SortedDictionary<string, string> TreeOf(LabTree tree)
    {
        var all = SshDoctor.Lab.Repair.TreeSnapshot.Take(tree.Root);
        foreach (var k in all.Keys.Where(k => k == "dev" || k.StartsWith("dev/", StringComparison.Ordinal)).ToList()) all.Remove(k);
        return all;
    }

    [LabFact]
    public void Unknown_user_is_reported_and_nothing_changes()
    {
        using var tree = LabTree.Create("userdata unknown user");
        tree.Cast().Chmod("/home/alice/.ssh", "0777").Mkdir("/var/backups");
        var script = UserdataDocument.ExtractScript(UserdataDocument.Build("nosuchuser", KeyLine));
        tree.Finish(0);
        var snapshot = Snapshot(tree);
        var run = RealSshd.RunScript(tree, script);
        output.WriteLine(run.Output);
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("sshdoctor: user nosuchuser does not exist", run.Output, StringComparison.Ordinal);
        Assert.Contains("user nosuchuser does not exist", File.ReadAllText(tree.HostPath("/dev/console")), StringComparison.Ordinal);
        Assert.Equal(snapshot, Snapshot(tree));
    }

    /// <summary>An undo sent for a run that never reached the instance (ec2 fix killed before the boot that would run
    /// it): no backups at all is "not_found", not a refusal, and nothing changes.</summary>
    [LabFact]
    public void Undo_of_a_run_that_never_ran_finds_nothing_and_changes_nothing()
    {
        using var tree = LabTree.Create("userdata undo without backups");
        tree.Cast().Chmod("/home/alice/.ssh", "0777").Mkdir("/var/backups");
        tree.Finish(0);
        var snapshot = Snapshot(tree);
        var run = RealSshd.RunScript(tree, UserdataDocument.Script("alice", null, "undo", "ec2-20261204T000000Z-0badc0de"));
        output.WriteLine(run.Output);
        Assert.Equal(1, run.ExitCode);
        Assert.Equal("not_found", RepairReport.Parse(run.Output, mode: "undo").Final?.Result);
        Assert.False(Directory.Exists(tree.HostPath("/var/backups/sshdoctor")), "undo created the backup directory");
        Assert.Equal(snapshot, Snapshot(tree));
    }

    /// <summary>Every line that was there (decoded, BOM and CR removed) is there, in order; at most the key was added.</summary>
    private static void AssertOtherLinesKept(byte[]? before, byte[] after, Case c)
    {
        var afterText = System.Text.Encoding.UTF8.GetString(after);
        Assert.False(afterText.StartsWith('\uFEFF'), "a BOM is left");
        Assert.DoesNotContain('\r', afterText);
        var afterLines = afterText.Split('\n').ToList();
        Assert.Equal("", afterLines[^1]); // ends with a newline
        afterLines.RemoveAt(afterLines.Count - 1);
        var keyLines = afterLines.Count(l => l == c.Line || l == K.Line);
        Assert.True(keyLines >= 1 || !c.WithKey, "the key line is missing");
        if (before is null)
        {
            Assert.True(afterLines.All(l => l == c.Line), string.Join('\n', afterLines));
            return;
        }
        var text = c.Encoding switch
        {
            "utf-16" => System.Text.Encoding.Unicode.GetString(before.AsSpan(2)),
            "utf-16-nobom" => System.Text.Encoding.Unicode.GetString(before),
            _ => System.Text.Encoding.UTF8.GetString(before),
        };
        text = text.TrimStart('\uFEFF').Replace("\r\n", "\n", StringComparison.Ordinal);
        var beforeLines = text.Split('\n').ToList();
        if (beforeLines[^1] == "") beforeLines.RemoveAt(beforeLines.Count - 1);
        Assert.True(afterLines.Count - beforeLines.Count is 0 or 1, $"lines before:\n{text}\nafter:\n{afterText}");
        Assert.Equal(beforeLines, afterLines.Take(beforeLines.Count));
        if (afterLines.Count > beforeLines.Count) Assert.Equal(c.Line, afterLines[^1]);
        // Byte for byte when the file needed no re-encoding.
        if (c.Encoding is null && before.Length > 0 && before[0] != 0xEF && !before.Contains((byte)'\r'))
        {
            var prefix = before[^1] == '\n' ? before : [.. before, (byte)'\n'];
            Assert.Equal(prefix, after.Take(prefix.Length).ToArray());
        }
    }

    /// <summary>The result obeys StrictModes without widening: no group/world write anywhere from the file up to home.</summary>
    private static void AssertNarrowed(LabTree tree, string keysFile)
    {
        if (keysFile.StartsWith("/etc/", StringComparison.Ordinal))
        {
            // outside the home: root's parts, readable by alice, written by nobody else
            foreach (var p in new[] { KeyPlacementScenarios.Central, keysFile })
            {
                var mode = (int)File.GetUnixFileMode(tree.HostPath(p));
                Assert.True((mode & 0b000_010_010) == 0, $"{p} is group/world writable: {Convert.ToString(mode, 8)}");
                Assert.True((mode & 0b000_000_100) != 0, $"{p} is not readable by alice: {Convert.ToString(mode, 8)}");
                Assert.Equal("0", LabRun.Exec("/usr/bin/stat", "-c", "%u", tree.HostPath(p)).Trim());
            }
            return;
        }
        foreach (var p in new[] { "/home/alice", "/home/alice/.ssh", keysFile })
        {
            var mode = (int)File.GetUnixFileMode(tree.HostPath(p));
            Assert.True((mode & 0b000_010_010) == 0 || p == "/home/alice", $"{p} is group/world writable: {Convert.ToString(mode, 8)}");
            Assert.True((mode & 0b000_000_010) == 0, $"{p} is world writable: {Convert.ToString(mode, 8)}");
        }
        Assert.Equal(Convert.ToInt32("700", 8), (int)File.GetUnixFileMode(tree.HostPath("/home/alice/.ssh")));
        Assert.Equal(Convert.ToInt32("600", 8), (int)File.GetUnixFileMode(tree.HostPath(keysFile)));
    }

    /// <summary>Names, modes, owners, sizes, mtimes and contents of everything under /home, /var/backups and /etc/ssh/keys.</summary>
    private static string Snapshot(LabTree tree)
    {
        var sb = new StringBuilder();
        foreach (var dir in new[] { "/home", "/var/backups", KeyPlacementScenarios.Central })
        {
            var host = tree.HostPath(dir);
            if (!Directory.Exists(host)) continue;
            var listing = LabRun.Exec("/usr/bin/find", host, "-printf", "%P %m %U %G %s %T@\\n");
            foreach (var line in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal))
            {
                sb.Append(dir).Append(' ').Append(line);
                var path = Path.Combine(host, line.Split(' ')[0]);
                if (line.Split(' ')[0].Length > 0 && File.Exists(path) && !File.GetAttributes(path).HasFlag(FileAttributes.ReparsePoint))
                    sb.Append(' ').Append(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))));
                sb.Append('\n');
            }
        }
        return sb.ToString();
    }
}
