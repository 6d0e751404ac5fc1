using System.Diagnostics;
using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Repair;

/// <summary>
/// For every refused scenario whose causes fix repairs: the commands `check --root` prints are pasted on this
/// host, as an operator of a rescue host would. They parse with sh -n, succeed, make the real sshd accept, and
/// a second paste changes nothing in the tree.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class PastedCommandsTests(ITestOutputHelper output)
{
    public static TheoryData<string> Names() => FixScenarioTests.Names();

    [LabTheory]
    [MemberData(nameof(Names))]
    public void Printed_commands_repair_and_are_idempotent(string name)
    {
        var s = ScenarioTable.Get(name);
        using var tree = LabTree.Create("paste " + s.Name);
        s.Setup(tree);
        var key = s.Key();
        var before = RealSshd.Run(tree, s.User, key); // also writes the tree's account files and sshd_config
        Assert.True(before.Verdict == "refused", $"the broken tree should be refused by sshd:\n{before.Transcript}");
        var pasted = new List<string>();
        // A repair can reveal the next blocker (a created home is then walked by StrictModes): a few rounds, as fix does.
        for (var round = 0; round < 3; round++)
        {
            var (exit, json, err) = LabCli.Run("check", "--root", tree.Root, "--user", s.User, "--key", key.PublicPath, "--from", "127.0.0.1", "--json");
            if (exit == 0) break;
            Assert.True(exit == 1, $"check exited {exit}: {err}");
            var commands = BlockingCommands(json);
            Assert.True(commands.Count > 0, "a refused repairable scenario prints no command:\n" + json);
            foreach (var c in commands)
            {
                Assert.DoesNotContain("systemctl", c);
                Assert.Equal(0, Sh("-nc", c).Code);
            }
            var (code, text) = Sh("-ec", string.Join("\n", commands));
            output.WriteLine(string.Join("\n", commands) + "\n" + text);
            Assert.True(code == 0, $"pasted commands failed ({code}):\n{string.Join("\n", commands)}\n{text}");
            pasted.AddRange(commands);
        }
        var after = RealSshd.Run(tree, s.User, key);
        Assert.True(after.Verdict == "accepted", $"after pasting the printed commands sshd still refuses '{name}':\n{after.Transcript}\n{string.Join("\n", pasted)}");

        var snapshot = TreeSnapshot.Take(tree.Root);
        var again = Sh("-ec", string.Join("\n", pasted));
        Assert.True(again.Code == 0, $"second paste failed: {again.Out}");
        var diff = TreeSnapshot.Diff(snapshot, TreeSnapshot.Take(tree.Root));
        Assert.True(diff.Length == 0, $"a second paste changed the tree of '{name}':\n{diff}");
        LabCounter.Increment();
    }

    private static List<string> BlockingCommands(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<string>();
        foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
            if (f.GetProperty("severity").GetString() == "blocking" && f.TryGetProperty("fix", out var fix) && fix.TryGetProperty("commands", out var cs))
                list.AddRange(cs.EnumerateArray().Select(c => c.GetString()!));
        return list;
    }

    private static (int Code, string Out) Sh(string flags, string script)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = LabRun.Dir };
        psi.ArgumentList.Add(flags);
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, o + err.Result);
    }
}
