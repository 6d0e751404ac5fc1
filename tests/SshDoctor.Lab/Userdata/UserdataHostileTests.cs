using System.Diagnostics;
using SshDoctor.Core.Repair;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Hostile;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Userdata;

/// <summary>
/// The userdata/ssm script against a hostile user, run as root in the lab's namespace (T's /home, /root and
/// account files over the host's): links, hard links and swap races in the user's home must never change root's
/// files (T/root, T/etc), which stand for the instance's own.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class UserdataHostileTests(ITestOutputHelper output)
{
    private static string Script(bool withKey = true) =>
        UserdataDocument.ExtractScript(UserdataDocument.Build("alice", withKey ? LabKeys.Main.Line + " lab@client" : null));

    private static LabTree Tree(string name)
    {
        var t = LabTree.Create("userdata hostile " + name).Cast().RootUser(LabKeys.Other);
        t.WriteFile("/root/.bashrc", "# root bashrc " + HostileWorld.Marker + "\n", "0644");
        return t;
    }

    private static (SortedDictionary<string, string> Root, SortedDictionary<string, string> Etc) Protected(LabTree t) =>
        (Canary.Take(t.HostPath("/root")), Canary.Take(t.HostPath("/etc"), "ssh/sshd_config"));

    private static void AssertUntouched(LabTree t, (SortedDictionary<string, string> Root, SortedDictionary<string, string> Etc) before, string context)
    {
        var now = Protected(t);
        var diff = Canary.Diff(before.Root, now.Root) + Canary.Diff(before.Etc, now.Etc);
        Assert.True(diff.Length == 0, $"root's files changed ({context}):\n{diff}");
    }

    public static TheoryData<string> Attacks => new()
    {
        "ssh dir link to /root/.ssh", "authorized_keys link to /etc/shadow", "authorized_keys hard link to /etc/shadow",
        "authorized_keys fifo", "home link to /root", "temp name planted",
        // AuthorizedKeysFile outside the home, in a directory alice owns: the script walks it by name and never follows
        "central file link to /etc/shadow", "central directory link to /root/.ssh",
    };

    [LabTheory]
    [MemberData(nameof(Attacks))]
    public void Script_refuses_links_and_changes_nothing_of_roots(string attack)
    {
        using var t = Tree(attack);
        t.Chmod("/home/alice/.ssh", "0777").Chmod(AliceKeys, "0666");
        switch (attack)
        {
            case "ssh dir link to /root/.ssh": t.Remove("/home/alice/.ssh").Symlink("/home/alice/.ssh", "/root/.ssh"); break;
            case "authorized_keys link to /etc/shadow": t.Remove(AliceKeys).Symlink(AliceKeys, "/etc/shadow"); break;
            case "authorized_keys fifo": t.Remove(AliceKeys); SpecialFileTests.MakeSpecial(t.HostPath(AliceKeys), "fifo"); break;
            case "home link to /root":
                t.Remove("/home/alice").Symlink("/home/alice", "/root"); break;
            case "temp name planted":
                // Every name the old script could have picked is taken by a link: the new one must not use them.
                for (var i = 0; i < 3; i++) t.Symlink($"/home/alice/.ssh/.authorized_keys.sshdoctor.{i}", "/root/.ssh/authorized_keys");
                t.WriteFile(AliceKeys, "# no key yet\n", "0600", Alice, Alice);
                break;
            case "central file link to /etc/shadow":
                t.Mkdir("/srv/keys", "0755", Alice, Alice).Symlink("/srv/keys/alice", "/etc/shadow").Config("AuthorizedKeysFile /srv/keys/%u");
                break;
            case "central directory link to /root/.ssh":
                t.Mkdir("/srv/keys", "0755", Alice, Alice).Symlink("/srv/keys/alice", "/root/.ssh")
                    .Config("AuthorizedKeysFile /srv/keys/%u/authorized_keys");
                break;
        }
        t.Finish(0);
        if (attack == "authorized_keys hard link to /etc/shadow")
        {
            t.Remove(AliceKeys);
            LabRun.Exec("/usr/bin/ln", t.HostPath("/etc/shadow"), t.HostPath(AliceKeys));
        }
        var before = Protected(t);
        var run = RealSshd.RunScript(t, Script());
        output.WriteLine(run.Output);
        AssertUntouched(t, before, attack + ":\n" + run.Output);
        if (attack != "temp name planted")
            Assert.True(run.ExitCode == 1, $"the script should refuse ({attack}), exit {run.ExitCode}:\n{run.Output}");
    }

    public static int Trials => int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_USERDATA_RACE_TRIALS"), out var n) && n > 0 ? n : 20;

    /// <summary>alice exchanges ~/.ssh (or every new name in it) with a link into /root while the script runs.</summary>
    [LabTheory]
    [InlineData("exchange")]
    [InlineData("temp")]
    public void Script_race_never_reaches_roots_files(string mode)
    {
        using var t = Tree("race " + mode);
        // Relative links: they mean T/root/... both in the script's namespace and on the host, so the test's own
        // resets (on the host) can never reach the host's /root.
        t.Symlink("/home/alice/.ssh-evil", "../../root/.ssh").Chown("/home/alice/.ssh-evil", Alice, Alice);
        t.Finish(0);
        var before = Protected(t);
        var script = Script();
        long swaps = 0;
        var exits = new Dictionary<int, int>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < Trials; i++)
        {
            var ssh = t.HostPath("/home/alice/.ssh");
            if (Canary.Stat(ssh) is { Type: 0x4000 })
            {
                SshDoctor.Lab.Harness.Posix.Chown(ssh, 0, 0);
                File.SetUnixFileMode(ssh, Modes.Parse("0777"));
                if (Canary.Stat(t.HostPath(AliceKeys)) is { Type: not 0x8000 }) File.Delete(t.HostPath(AliceKeys));
                using (var f = new FileStream(t.HostPath(AliceKeys), FileMode.Create)) f.Write(System.Text.Encoding.UTF8.GetBytes("# key " + i + "\n"));
                SshDoctor.Lab.Harness.Posix.Chown(t.HostPath(AliceKeys), Bob, Bob);
            }
            var racer = mode == "exchange"
                ? RaceHelper.Start("exchange", ssh, t.HostPath("/home/alice/.ssh-evil"))
                : RaceHelper.Start("temp", ssh, "../../../root/.ssh/authorized_keys");
            var run = RealSshd.RunScript(t, script);
            swaps += RaceHelper.Stop(racer);
            exits[run.ExitCode] = exits.GetValueOrDefault(run.ExitCode) + 1;
            AssertUntouched(t, before, $"trial {i}:\n{run.Output}");
            foreach (var evil in Directory.Exists(ssh) ? Directory.GetFileSystemEntries(ssh, ".evil*") : []) File.Delete(evil);
        }
        output.WriteLine($"{Trials} trials ({mode}) in {clock.Elapsed.TotalSeconds:F1} s, {swaps} exchanges, exits: {string.Join(", ", exits.Select(e => $"{e.Key}×{e.Value}"))}");
        Assert.True(swaps > 0, "the racer never exchanged anything");
    }
}
