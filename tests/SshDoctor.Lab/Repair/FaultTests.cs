using System.Diagnostics;
using System.Text;
using SshDoctor.Cli;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Repair;

/// <summary>
/// fix killed with SIGKILL at random moments: authorized_keys is always the old or the new content, never
/// empty or partial, and undo restores the rest. A full disk: fix fails with one clear line and changes nothing.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class FaultTests(ITestOutputHelper output)
{
    private const string Keys = "/home/alice/.ssh/authorized_keys";
    private const int Kills = 25;

    /// <summary>Several faults at once, so that a fix touches several paths and files.</summary>
    private static void Break(LabTree t)
    {
        t.Cast();
        var lines = Encoding.UTF8.GetBytes(LabKeys.Other.Line + " first\n# a comment\n" + LabKeys.Rsa2048.Line + " third\n");
        t.WriteFile(Keys, [0xEF, 0xBB, 0xBF, .. lines], "0666", LabUsers.Alice, LabUsers.Alice);
        t.Chmod("/home/alice", "0777").Chown("/home/alice/.ssh", 0, 0).Chmod("/home/alice/.ssh", "0755");
        t.Finish(22);
    }

    [LabFact]
    public void Sigkill_during_fix_never_leaves_a_partial_file_and_undo_restores()
    {
        // The expected result of a complete fix, from a twin tree.
        byte[] fixedContent;
        using (var twin = LabTree.Create("fault twin"))
        {
            Break(twin);
            var (exit, _, err) = Cli("fix", "--root", twin.Root, "--user", "alice", "--key", LabKeys.Main.PublicPath);
            Assert.True(exit == 0, "the complete fix must succeed: " + err);
            fixedContent = File.ReadAllBytes(twin.HostPath(Keys));
        }

        var random = new Random(20261121);
        int midRun = 0, beforeRun = 0, afterRun = 0;
        for (var i = 0; i < Kills; i++)
        {
            using var tree = LabTree.Create("fault " + i);
            Break(tree);
            var snapshot = TreeSnapshot.Take(tree.Root);
            var original = File.ReadAllBytes(tree.HostPath(Keys));
            // Every other kill waits for the journal to appear, then up to 250 ms more: that lands inside the
            // window where files are being changed (each step is fsynced). The others use a random absolute delay.
            var afterJournal = i % 2 == 0;
            var delay = afterJournal ? random.Next(0, 250) : random.Next(0, 900);
            var status = RunAndKill(tree.Root, delay, afterJournal);
            output.WriteLine($"kill #{i}: {(afterJournal ? "after the journal appeared +" : "at")} {delay} ms -> journal {status}; {LastOutput}");

            var now = File.ReadAllBytes(tree.HostPath(Keys));
            Assert.True(now.AsSpan().SequenceEqual(original) || now.AsSpan().SequenceEqual(fixedContent),
                $"kill #{i} after {delay} ms left authorized_keys neither old nor new ({now.Length} bytes):\n{Encoding.UTF8.GetString(now)}");

            var (undoExit, _, undoErr) = Cli("undo", "--root", tree.Root);
            if (status == "none")
            {
                beforeRun++;
                Assert.True(undoExit == 2, $"no run was recorded, undo should say so: {undoErr}");
            }
            else
            {
                if (status == "applying") midRun++; else afterRun++;
                Assert.True(undoExit == 0, $"undo after kill #{i} ({status}) failed: {undoErr}");
            }
            var diff = TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root));
            Assert.True(diff.Length == 0, $"after kill #{i} ({delay} ms, journal {status}) and undo the tree differs:\n{diff}");
        }
        output.WriteLine($"{Kills} kills: {beforeRun} before the journal, {midRun} in the middle of a run, {afterRun} after it completed");
        Assert.True(midRun > 0, "no kill landed in the middle of a run: the delays do not cover the fix. Last child output: " + LastOutput);
        LabCounter.Increment();
    }

    [LabFact]
    public void Full_disk_fails_cleanly_and_changes_nothing()
    {
        var mount = Path.Combine(LabRun.Dir, "tmpfs-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(mount);
        LabRun.Exec("/usr/bin/mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", mount);
        try
        {
            using var source = LabTree.Create("full disk");
            Break(source);
            var root = Path.Combine(mount, "root");
            LabRun.Exec("/usr/bin/cp", "-a", source.Root, root);
            var filler = Path.Combine(mount, "filler");
            try
            {
                using var f = File.OpenWrite(filler);
                var block = new byte[4096];
                while (true) f.Write(block);
            }
            catch (IOException) { } // ENOSPC: the disk is full
            var snapshot = TreeSnapshot.Take(root);

            var (exit, stdout, stderr) = Cli("fix", "--root", root, "--user", "alice", "--key", LabKeys.Main.PublicPath);
            output.WriteLine(stdout + stderr);
            Assert.Equal(3, exit);
            Assert.Single(stderr.Trim().Split('\n'));
            Assert.DoesNotContain("   at ", stderr, StringComparison.Ordinal);
            var diff = TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(root));
            Assert.True(diff.Length == 0, "a failed fix on a full disk changed the tree:\n" + diff);
            LabCounter.Increment();
        }
        finally
        {
            LabRun.Exec("/usr/bin/umount", "-l", mount);
        }
    }

    /// <summary>Starts fix as a real process, SIGKILLs it after <paramref name="delayMs"/>, returns the journal status.</summary>
    private static string RunAndKill(string root, int delayMs, bool afterJournal)
    {
        var cli = Path.Combine(AppContext.BaseDirectory, "sshdoctor.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { cli, "fix", "--root", root, "--user", "alice", "--key", LabKeys.Main.PublicPath }) psi.ArgumentList.Add(a);
        var watchAll = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        var backups = Path.Combine(root, "var/backups/sshdoctor");
        if (afterJournal)
        {
            var watch = Stopwatch.StartNew();
            while (!JournalWritten(backups) && !p.HasExited && watch.ElapsedMilliseconds < 20000) Thread.Sleep(1);
            Thread.Sleep(delayMs);
            if (!p.HasExited) p.Kill();
        }
        else if (!p.WaitForExit(delayMs)) p.Kill();
        p.WaitForExit();
        LastOutput = $"child exit {p.ExitCode} after {watchAll.ElapsedMilliseconds} ms";
        if (!Directory.Exists(backups))
        {
            if (p.ExitCode != 137 && p.ExitCode != -1) LastOutput += $": {stdout.Result}{stderr.Result}";
            return "none";
        }
        var journal = Directory.GetDirectories(backups).Select(d => Path.Combine(d, "journal.json")).FirstOrDefault(File.Exists);
        if (journal is null) return "none";
        var text = File.ReadAllText(journal);
        return text.Contains("\"applied\"", StringComparison.Ordinal) ? "applied" : "applying";
    }

    private static string LastOutput = "";

    private static bool JournalWritten(string backups) =>
        Directory.Exists(backups) && Directory.GetDirectories(backups).Any(d => File.Exists(Path.Combine(d, "journal.json")));

    private static (int Exit, string Out, string Err) Cli(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
