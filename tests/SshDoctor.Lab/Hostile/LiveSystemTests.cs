using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Local user to root on a live system": T's accounts, /etc/ssh, /home and /var/backups bound over the
/// host's in a private mount namespace (canaries over /root, /etc/bash.bashrc, …) and fix run without --root.
/// The hostile user races as themselves (setpriv --reuid/--regid --clear-groups).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class LiveSystemTests(ITestOutputHelper output)
{
    private static string[] Fix(string key) => ["fix", "--user", "alice", "--key", key];

    [LabFact]
    public void Live_ssh_dir_link_to_root_ssh()
    {
        using var w = new HostileWorld("live ssh link");
        w.Tree.Cast().Remove("/home/alice/.ssh").Symlink("/home/alice/.ssh", "/root/.ssh");
        w.Arm();
        w.AssertHeld(w.RunLive(null, Fix(LabKeys.Main.PublicPath)), "home/alice/**");
    }

    [LabFact]
    public void Live_authorized_keys_link_to_etc_bash_bashrc_with_shell_code_comment()
    {
        using var w = new HostileWorld("live bashrc");
        var key = Path.Combine(LabRun.Dir, "keys", "shell-comment");
        if (!File.Exists(key)) LabRun.Exec("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key, "-C", "; touch /tmp/sshdoctor-pwned; #");
        w.Tree.Cast().Remove(AliceKeys).Symlink(AliceKeys, "/etc/bash.bashrc");
        w.Arm();
        w.AssertHeld(w.RunLive(null, Fix(key + ".pub")), "home/alice/**");
    }

    [LabFact]
    public void Live_authorized_keys_hard_linked_to_etc_shadow()
    {
        using var w = new HostileWorld("live shadow link");
        w.Tree.Cast().Remove(AliceKeys);
        w.Tree.Finish(22);
        File.SetUnixFileMode(w.Tree.HostPath("/etc/shadow"), Modes.Parse("0660"));
        LabRun.Exec("/usr/bin/ln", w.Tree.HostPath("/etc/shadow"), w.Tree.HostPath(AliceKeys));
        w.Arm();
        w.AssertHeld(w.RunLive(null, Fix(LabKeys.Main.PublicPath)), "home/alice", "home/alice/.ssh");
    }

    /// <summary>alice exchanges ~/.ssh with her link to /root/.ssh in a loop while root runs fix, N times in one namespace
/// (SSHDOCTOR_LIVE_RACE_TRIALS, CI default 5: each trial is a process start).</summary>
    [LabFact]
    public void Live_user_races_ssh_dir_swap_with_setpriv()
    {
        var trials = int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_LIVE_RACE_TRIALS"), out var n) && n > 0 ? n : 5;
        using var w = new HostileWorld("live race");
        w.Tree.Cast().Chown("/home/alice/.ssh", 0, 0).Chmod("/home/alice/.ssh", "0777")
            .Symlink("/home/alice/.ssh-evil", "/root/.ssh").Chown("/home/alice/.ssh-evil", Alice, Alice);
        w.Arm();
        var swap = RaceHelper.Path_;
        File.SetUnixFileMode(swap, Modes.Parse("0755"));
        var racer = $"setpriv --reuid {Alice} --regid {Alice} --clear-groups '{swap}' exchange /home/alice/.ssh /home/alice/.ssh-evil";
        // The loop runs in the namespace: the racer is stopped while the test re-breaks the tree (names are stable
        // then), continued while fix runs.
        var loop = $$"""
            {{racer}} &
            r=$!
            i=0; ok=0
            while [ $i -lt {{trials}} ]; do
              kill -STOP $r; while ! grep -q '^State:.*T' /proc/$r/status; do :; done
              for d in /home/alice/.ssh /home/alice/.ssh-evil; do if [ -d "$d" ] && [ ! -L "$d" ]; then chown 0:0 "$d"; chmod 0777 "$d"; fi; done
              rm -rf /var/backups/sshdoctor
              kill -CONT $r
              timeout -k 2 60 dotnet "$DLL" "$@" >/dev/null 2>&1 && ok=$((ok+1))
              i=$((i+1))
            done
            kill -TERM $r; wait $r
            echo "trials=$i ok=$ok"
            """;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Each trial starts sshdoctor (about 1 s, several on a loaded machine): the wait grows with the trials.
        var run = w.RunLiveScript(loop, TimeSpan.FromSeconds(60 + 20 * trials), Fix(LabKeys.Main.PublicPath));
        output.WriteLine($"live race: {run.Out.Trim()} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains($"trials={trials}", run.Out, StringComparison.Ordinal);
        w.AssertHeld(run with { Exit = 0 }, "home/alice/**");
    }
}
