using System.Text.Json;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Repair;
using Xunit.Abstractions;
using static SshDoctor.Lab.Harness.LabUsers;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2Fix;

/// <summary>
/// `ec2 fix` against the EC2 EMULATOR when things go wrong: the sshdoctor process killed with SIGKILL at a random
/// moment, then `ec2 fix --resume` or `ec2 undo` (the user data is never lost; the tree ends repaired, or exactly as it
/// was); a denied IAM action, throttling and an instance that never comes back give one clear line and exit 3.
/// </summary>
[Collection(SshDoctor.Lab.Ec2.EmulatorCollection.Name)]
public sealed class Ec2FixFaultTests(ITestOutputHelper output)
{
    private static LabTree BrokenTree(string name)
    {
        var t = LabTree.Create("ec2fix fault " + name).Listen(null).Cast();
        t.Chmod("/home/alice/.ssh", "0777").WriteFile(AliceKeys, "# ops\n" + LabKeys.Other.Line + " bob@laptop\n", "0666", Alice, Alice);
        return t;
    }

    public static int Trials => int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_EC2_KILL_TRIALS"), out var n) && n > 0 ? n : 3;

    public static TheoryData<string, string> KillCases() => new()
    {
        { "userdata", "resume" }, { "userdata", "undo" }, { "ssm", "resume" }, { "ssm", "undo" },
    };

    [LabTheory]
    [MemberData(nameof(KillCases))]
    public void Killed_at_a_random_moment_then_resume_or_undo(string via, string then)
    {
        var random = new Random(20261203 + via.Length * 7 + then.Length);
        // Trial 0 runs to the end and times the whole run; every later trial is killed at a random point inside that
        // time (5% to 95%), so the kills land in every phase of the run rather than after it.
        TimeSpan? full = null;
        var killed = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            using var emu = Emulator.Start();
            using var tree = BrokenTree($"{via} {then} {trial}");
            var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { DefaultUser = "alice", InstallKeyPairAtFirstBoot = false, UserData = Ec2FixScenarioTests.OriginalUserData }).Booted();
            var snapshot = TreeSnapshot.Take(tree.Root);
            var run = Ec2FixRun.For(emu);
            var fix = run.Start("ec2", "fix", instance.InstanceId, "--via", via, "-i", LabKeys.Main.PublicPath, "--user", "alice", "--yes");
            var delay = full is { } d ? d * (0.05 + 0.9 * random.NextDouble()) : TimeSpan.FromMinutes(4);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var exited = fix.WaitForExit(delay);
            if (exited) full ??= clock.Elapsed;
            else { fix.Kill(entireProcessTree: true); killed++; }
            var (killedExit, killedOut, killedErr) = Ec2FixRun.Finish(fix, TimeSpan.FromSeconds(30));
            // the run may end on its own in the instant between the timeout and the kill: then it was not killed
            if (!exited && killedExit == 0) { exited = true; killed--; }
            output.WriteLine($"trial {trial}: {(exited ? $"finished in {clock.ElapsedMilliseconds}" : $"killed after {(long)delay.TotalMilliseconds}")} ms (exit {killedExit})\n{killedOut}{killedErr}");

            var (exit, stdout, stderr) = then == "resume"
                ? run.Run("ec2", "fix", instance.InstanceId, "--resume", "--json")
                : run.Run("ec2", "undo", instance.InstanceId, "--json");
            output.WriteLine($"{then}: exit {exit}\n{stdout}{stderr}");
            var noRun = stderr.Contains("No unfinished run", StringComparison.Ordinal) || stderr.Contains("No sshdoctor ec2 fix run", StringComparison.Ordinal);
            if (exit == 2 && noRun && !exited)
            {
                // killed before the run's first journal entry (the plan printed, nothing saved yet): nothing may have
                // changed, the instance was never stopped
                Assert.True(instance.WaitFor(SshDoctor.Ec2Emulator.Instances.InstanceState.Running, TimeSpan.FromSeconds(5)), "the instance is not running although no run began");
                Assert.Equal(Ec2FixScenarioTests.OriginalUserData, instance.UserData);
                Assert.True(RelevantDiff(TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root))).Length == 0, "the tree changed without a journal");
                continue;
            }
            // a run that had finished before the kill leaves nothing to resume
            if (then == "resume" && exit == 2) Assert.True(exited, stderr);
            else Assert.True(exit == 0, $"{then} after the kill exited {exit}:\n{stdout}\n{stderr}\nconsole:\n{instance.ConsoleLog}");

            instance.WaitFor(SshDoctor.Ec2Emulator.Instances.InstanceState.Running, TimeSpan.FromSeconds(60));
            Assert.Equal(Ec2FixScenarioTests.OriginalUserData, instance.UserData);
            var login = EmulatorLab.Ssh(instance.PublicIpAddress!, "alice", LabKeys.Main);
            if (then == "resume")
                Assert.True(login.Exit == 0, $"resumed run did not repair:\n{login.Output}\n{instance.SshdLog}");
            else
            {
                var diff = TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root));
                Assert.True(RelevantDiff(diff).Length == 0, $"undo did not give the tree back:\n{diff}");
                Assert.True(login.Exit != 0, "after undo the broken tree should be refused again");
            }
            LabCounter.Increment();
        }
        output.WriteLine($"{killed} of {Trials} trials killed mid-run (a full run took {full?.TotalMilliseconds:F0} ms)");
        Assert.True(Trials < 3 || killed * 2 >= Trials - 1, $"only {killed} of {Trials - 1} trials were killed mid-run: the kill points missed the run");
    }

    /// <summary>The instance writes its own state (cloud-init's, the repair backups, logs) in the tree: only the user's files count.</summary>
    private static string RelevantDiff(string diff) =>
        string.Join('\n', diff.Split('\n').Where(l => l.Length > 2 && l[2..].StartsWith("home/", StringComparison.Ordinal)));

    [LabFact]
    public void Denied_action_is_named_and_nothing_changes()
    {
        using var emu = Emulator.Start();
        using var tree = BrokenTree("denied");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { DefaultUser = "alice", InstallKeyPairAtFirstBoot = false, UserData = Ec2FixScenarioTests.OriginalUserData }).Booted();
        emu.Faults.Deny("ec2:ModifyInstanceAttribute");
        var run = Ec2FixRun.For(emu);
        var (exit, stdout, stderr) = run.Run("ec2", "fix", instance.InstanceId, "--via", "userdata", "-i", LabKeys.Main.PublicPath, "--user", "alice", "--yes");
        output.WriteLine(stdout + stderr);
        Assert.Equal(3, exit);
        Assert.Contains("ec2:ModifyInstanceAttribute", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
        Assert.Equal(Ec2FixScenarioTests.OriginalUserData, instance.UserData);
        // the stop happened before the denial: once the permission is granted, undo brings the instance back as it was
        emu.Faults.Allow("ec2:ModifyInstanceAttribute");
        var undo = run.Run("ec2", "undo", instance.InstanceId);
        output.WriteLine(undo.Out + undo.Err);
        Assert.True(undo.Exit == 0, undo.Out + undo.Err);
        Assert.Equal(Ec2FixScenarioTests.OriginalUserData, instance.UserData);
        instance.Running();
    }

    [LabFact]
    public void Throttling_that_does_not_stop_is_a_clear_error()
    {
        using var emu = Emulator.Start();
        using var tree = BrokenTree("throttled");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { DefaultUser = "alice", InstallKeyPairAtFirstBoot = false }).Booted();
        emu.Faults.Throttle("ssm:SendCommand", 1000);
        var run = Ec2FixRun.For(emu);
        var (exit, stdout, stderr) = run.Run("ec2", "fix", instance.InstanceId, "--via", "ssm", "-i", LabKeys.Main.PublicPath, "--user", "alice", "--json");
        output.WriteLine(stdout + stderr);
        Assert.Equal(3, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("error", doc.RootElement.GetProperty("result").GetString());
        Assert.Equal("aws_throttled", doc.RootElement.GetProperty("error").GetProperty("id").GetString()); // the ID `ec2` gives
        Assert.Contains("ssm:SendCommand", stderr, StringComparison.Ordinal);
        Assert.True(EmulatorLab.Ssh(instance.PublicIpAddress!, "alice", LabKeys.Main).Exit != 0, "nothing should have been repaired");
    }

    [LabFact]
    public void Unknown_instance_is_bad_input_as_for_the_diagnosis()
    {
        using var emu = Emulator.Start();
        var run = Ec2FixRun.For(emu);
        var (exit, stdout, stderr) = run.Run("ec2", "fix", "i-0123456789abcdef0", "--via", "ssm", "-i", LabKeys.Main.PublicPath, "--user", "alice", "--json");
        output.WriteLine(stdout + stderr);
        Assert.Equal(2, exit);
        using var doc = JsonDocument.Parse(stdout);
        Assert.Equal("no_instance", doc.RootElement.GetProperty("error").GetProperty("id").GetString());
        Assert.Contains("no instance i-0123456789abcdef0 in region us-east-1", stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(run.StateDir, "ec2", "i-0123456789abcdef0")), "nothing may be journalled for an instance that does not exist");
    }

    [LabFact]
    public void Instance_that_never_comes_back_times_out_and_undo_restores_the_user_data()
    {
        using var emu = Emulator.Start();
        using var tree = BrokenTree("never running");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { DefaultUser = "alice", InstallKeyPairAtFirstBoot = false, UserData = Ec2FixScenarioTests.OriginalUserData }).Booted();
        emu.Faults.NeverRunning(instance.InstanceId);
        var run = Ec2FixRun.For(emu);
        var p = run.Start("ec2", "fix", instance.InstanceId, "--via", "userdata", "-i", LabKeys.Main.PublicPath, "--user", "alice", "--yes");
        var (exit, stdout, stderr) = Ec2FixRun.Finish(p, TimeSpan.FromMinutes(3));
        output.WriteLine(stdout + stderr);
        Assert.Equal(3, exit);
        Assert.Contains("--resume", stderr, StringComparison.Ordinal);
        Assert.Contains("running", stderr, StringComparison.Ordinal);
        Assert.NotEqual(Ec2FixScenarioTests.OriginalUserData, instance.UserData); // the repair document is still set
        var journal = Directory.GetFiles(run.StateDir, "userdata.orig", SearchOption.AllDirectories).Single();
        Assert.Equal(Ec2FixScenarioTests.OriginalUserData, File.ReadAllBytes(journal));
    }
}
