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

    private static int LiveTrials => int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_LIVE_RACE_TRIALS"), out var n) && n > 0 ? n : 5;

    /// <summary>alice exchanges ~/.ssh with her link to /root/.ssh in a loop while root runs fix
    /// (SSHDOCTOR_LIVE_RACE_TRIALS, CI default 5: each trial is a process start).</summary>
    [LabFact]
    public void Live_user_races_ssh_dir_swap_with_setpriv() => LiveRace("ssh-dir", "/root/.ssh", undo: false);

    /// <summary>The issue's case on a live system: ~/.ssh exchanged with alice's link to /etc/shadow during fix.</summary>
    [LabFact]
    public void Live_user_races_ssh_dir_swap_to_etc_shadow_with_setpriv() => LiveRace("ssh-dir-shadow", "/etc/shadow", undo: false);

    /// <summary>An honest fix (alice's racer stopped), then undo while alice exchanges ~/.ssh with her link to /etc.</summary>
    [LabFact]
    public void Live_user_races_ssh_dir_swap_between_fix_and_undo_with_setpriv() => LiveRace("fix-undo", "/etc", undo: true);

    /// <summary>alice watches her ~/.ssh (inotify) and exchanges every new name (the atomic writer's temp file) with a
    /// link to a root-owned program while root's fix appends her key.</summary>
    [LabFact]
    public void Live_user_races_temp_file_swap_with_setpriv()
    {
        using var w = new HostileWorld("live race temp");
        w.Tree.Cast().Chmod("/home/alice/.ssh", "0755").WriteFile(AliceKeys, "# ops\n", "0644", Alice, Alice);
        w.Arm();
        var program = w.CanaryPath("outside/program");
        var reset = $"rm -f /home/alice/.ssh/.evil* /home/alice/.ssh/.sshdoctor*; rm -f {AliceKeys}; printf '# ops\\n' > {AliceKeys}; chown {Alice}:{Alice} {AliceKeys}; chmod 0644 {AliceKeys}";
        RunLiveRace(w, "temp", $"temp /home/alice/.ssh '{program}'", reset, undo: false);
    }

    private void LiveRace(string name, string linkTo, bool undo)
    {
        using var w = new HostileWorld("live race " + name);
        w.Tree.Cast().Chown("/home/alice/.ssh", 0, 0).Chmod("/home/alice/.ssh", "0777")
            .Symlink("/home/alice/.ssh-evil", linkTo).Chown("/home/alice/.ssh-evil", Alice, Alice);
        if (undo) w.Tree.Chown("/home/alice/.ssh", Alice, Alice).Chmod(AliceKeys, "0666");
        w.Arm();
        var modes = undo ? $"chown {Alice}:{Alice} \"$d\"; chmod 0777 \"$d\"; [ -f \"$d/authorized_keys\" ] && chmod 0666 \"$d/authorized_keys\"" : "chown 0:0 \"$d\"; chmod 0777 \"$d\"";
        var reset = "if [ -L /home/alice/.ssh ]; then \"$SWAP\" once /home/alice/.ssh /home/alice/.ssh-evil; fi; "
            + $"for d in /home/alice/.ssh; do if [ -d \"$d\" ] && [ ! -L \"$d\" ]; then {modes}; fi; done";
        RunLiveRace(w, name, "exchange /home/alice/.ssh /home/alice/.ssh-evil", reset, undo);
    }

    /// <summary>
    /// The racer (swap.c as alice: setpriv --reuid/--regid --clear-groups) runs in the live namespace for every trial;
    /// it is stopped while the test re-breaks the tree (names are stable then) and continued while sshdoctor runs.
    /// With <paramref name="undo"/> each trial is an honest fix (racer stopped) and then undo (racer running).
    /// </summary>
    private void RunLiveRace(HostileWorld w, string name, string racerArgs, string reset, bool undo)
    {
        var trials = LiveTrials;
        var swap = RaceHelper.Path_;
        File.SetUnixFileMode(swap, Modes.Parse("0755"));
        var racer = $"setpriv --reuid {Alice} --regid {Alice} --clear-groups '{swap}' {racerArgs}";
        var raced = undo ? "undo" : "\"$@\"";
        var honestFix = undo ? "timeout -k 2 60 dotnet \"$DLL\" \"$@\" >/dev/null 2>&1 || fixfail=$((fixfail+1))" : ":";
        var loop = $$"""
            SWAP='{{swap}}'
            {{racer}} > /tmp/sshdoctor-racer.out &
            r=$!
            i=0; ok=0; fixfail=0
            while [ $i -lt {{trials}} ]; do
              kill -STOP $r; while ! grep -q '^State:.*T' /proc/$r/status; do :; done
              {{reset}}
              rm -rf /var/backups/sshdoctor
              {{honestFix}}
              kill -CONT $r
              timeout -k 2 60 dotnet "$DLL" {{raced}} >/dev/null 2>&1 && ok=$((ok+1))
              i=$((i+1))
            done
            kill -TERM $r; wait $r
            echo "trials=$i ok=$ok honest-fix-failed=$fixfail exchanges=$(cat /tmp/sshdoctor-racer.out)"
            """;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        // Each trial starts sshdoctor (about 1 s, several on a loaded machine; two with undo): the wait grows with the trials.
        var run = w.RunLiveScript(loop, TimeSpan.FromSeconds(60 + (undo ? 40 : 20) * trials), Fix(LabKeys.Main.PublicPath));
        output.WriteLine($"live race {name}: {run.Out.Trim()} in {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Contains($"trials={trials}", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("exchanges=0", run.Out, StringComparison.Ordinal);
        w.AssertHeld(run with { Exit = 0 }, "home/alice/**");
    }
}
