using System.Diagnostics;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Races": while fix runs (in-process), swap.c exchanges ~/.ssh, authorized_keys, or every new name in
/// ~/.ssh (the atomic writer's temp file) with a symlink to a canary outside the root, with
/// renameat2(RENAME_EXCHANGE) in a tight loop. The canary must never change. Trials per race:
/// SSHDOCTOR_RACE_TRIALS (CI default 200; run 1000 or more outside CI).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class RaceTests(ITestOutputHelper output)
{
    public static int Trials => int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_RACE_TRIALS"), out var n) && n > 0 ? n : 200;

    private const string Ssh = "/home/alice/.ssh";

    [LabFact]
    public void Ssh_dir_exchanged_with_a_link_during_fix() => Race("ssh-dir",
        t => t.Chown(Ssh, 0, 0).Chmod(Ssh, "0777"),
        w => RaceHelper.Start("exchange", w.Tree.HostPath(Ssh), w.Tree.HostPath(Ssh + "-evil")),
        w => File.CreateSymbolicLink(w.Tree.HostPath(Ssh + "-evil"), w.CanaryPath("outside/.ssh")));

    [LabFact]
    public void Authorized_keys_exchanged_with_a_link_during_fix() => Race("authorized-keys",
        t => t.WriteFile(AliceKeys, "# ops\n", "0666", Bob, Bob),
        w => RaceHelper.Start("exchange", w.Tree.HostPath(AliceKeys), w.Tree.HostPath(Ssh + "/evil")),
        w => File.CreateSymbolicLink(w.Tree.HostPath(Ssh + "/evil"), w.CanaryPath("outside/shadow")));

    /// <summary>The issue's own case: ~/.ssh exchanged with a link to a shadow file, so a chmod/chown meant for ~/.ssh
    /// would land on it.</summary>
    [LabFact]
    public void Ssh_dir_exchanged_with_a_link_to_a_shadow_file_during_fix() => Race("ssh-dir-shadow",
        t => t.Chown(Ssh, 0, 0).Chmod(Ssh, "0777"),
        w => RaceHelper.Start("exchange", w.Tree.HostPath(Ssh), w.Tree.HostPath(Ssh + "-evil")),
        w => File.CreateSymbolicLink(w.Tree.HostPath(Ssh + "-evil"), w.CanaryPath("outside/shadow")));

    /// <summary>Between fix and undo: an honest fix (no racer) widened nothing; while undo restores the old modes
    /// (0777 on ~/.ssh, 0666 on authorized_keys) ~/.ssh is exchanged with a link to a host directory (standing for
    /// /etc), so undo's chmod would land there.</summary>
    [LabFact]
    public void Ssh_dir_exchanged_with_a_link_between_fix_and_undo() => Race("fix-undo",
        t => t.Chmod(Ssh, "0777").Chmod(AliceKeys, "0666"),
        w => RaceHelper.Start("exchange", w.Tree.HostPath(Ssh), w.Tree.HostPath(Ssh + "-evil")),
        w => File.CreateSymbolicLink(w.Tree.HostPath(Ssh + "-evil"), w.CanaryPath("outside/dir")),
        undo: true);

    [LabFact]
    public void Temp_file_name_exchanged_with_a_link_during_fix() => Race("temp-name",
        t => t.WriteFile(AliceKeys, "# ops\n", "0644", Alice, Alice).Chmod(Ssh, "0755"),
        w => RaceHelper.Start("temp", w.Tree.HostPath(Ssh), w.CanaryPath("outside/program")),
        _ => { });

    /// <summary>After a trial (racer stopped): the real ~/.ssh and authorized_keys back under their names, no link left
    /// where the reset below writes, so the test itself never writes through a planted link.</summary>
    private static void Normalize(HostileWorld w)
    {
        string ssh = w.Tree.HostPath(Ssh), evil = ssh + "-evil";
        if (Canary.Stat(ssh) is { Type: 0xA000 } && Canary.Stat(evil) is { Type: 0x4000 }) RaceHelper.Once(ssh, evil);
        if (Canary.Stat(ssh) is { Type: 0xA000 }) File.Delete(ssh);
        if (Canary.Stat(ssh) is null) w.Tree.Mkdir(Ssh, "0700", Alice, Alice);
        foreach (var name in new[] { w.Tree.HostPath(AliceKeys), ssh + "/evil" })
            if (Canary.Stat(name) is { Type: 0xA000 }) File.Delete(name);
    }

    /// <summary>N trials: re-break, plant, (with <paramref name="undo"/>: an honest fix first), start the racer, run
    /// fix (or undo) in-process, stop the racer, compare the canary.</summary>
    private void Race(string name, Action<LabTree> breakIt, Func<HostileWorld, Process> racer, Action<HostileWorld> plant, bool undo = false)
    {
        using var w = new HostileWorld("race " + name);
        w.Tree.Cast();
        w.Arm();
        var canary = Canary.Take(w.CanaryDir);
        var clock = Stopwatch.StartNew();
        long swaps = 0;
        int ok = 0, failed = 0;
        for (var i = 0; i < Trials; i++)
        {
            Normalize(w);
            breakIt(w.Tree);
            foreach (var extra in Directory.EnumerateFileSystemEntries(w.Tree.HostPath(Ssh), ".evil*")) File.Delete(extra);
            var backups = w.Tree.HostPath("/var/backups/sshdoctor");
            if (Directory.Exists(backups)) Directory.Delete(backups, true);
            if (!File.Exists(w.Tree.HostPath(Ssh + "-evil")) && Canary.Stat(w.Tree.HostPath(Ssh + "-evil")) is null && Canary.Stat(w.Tree.HostPath(Ssh + "/evil")) is null) plant(w);
            if (undo)
            {
                var (fixed_, fixOut, fixErr) = LabCli.Run("fix", "--root", w.Tree.Root, "--user", "alice", "--key", LabKeys.Main.PublicPath);
                Assert.True(fixed_ == 0, $"trial {i}: the honest fix before undo failed: {fixOut}{fixErr}");
            }
            var p = racer(w);
            var (exit, _, _) = undo
                ? LabCli.Run("undo", "--root", w.Tree.Root)
                : LabCli.Run("fix", "--root", w.Tree.Root, "--user", "alice", "--key", LabKeys.Main.PublicPath);
            swaps += RaceHelper.Stop(p);
            if (exit == 0) ok++; else failed++;
            var diff = Canary.Diff(canary, Canary.Take(w.CanaryDir));
            Assert.True(diff.Length == 0, $"trial {i} of race {name}: the canary outside the root changed:\n{diff}");
        }
        output.WriteLine($"race {name}: {Trials} trials in {clock.Elapsed.TotalSeconds:F1} s, {swaps} exchanges, {(undo ? "undo" : "fix")} exit 0 in {ok}, non-zero in {failed}");
        Assert.True(swaps > 0, "the racer never exchanged anything: the race did not run");
    }
}
