using System.Text;
using System.Text.Json;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Printed commands": check's commands, pasted on the rescue host. In a namespace the volume is at
/// /mnt/rescue (a tmpfs over /mnt) and the rescue host's /home, /etc/ssh, /root, /etc/profile.d, … are canaries;
/// systemctl and service are stubs that write into the canary. Every printed command runs through /bin/sh;
/// then the volume must be repaired (check says accepted, and the real sshd accepts), and nothing else changed.
/// </summary>
[Collection(LabCollection.Name)]
public sealed class PastingTests
{
    public sealed record Case(string Name, Action<LabTree> Break);

    private static Action<LabTree> Keys(string content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);

    public static readonly Case[] Cases =
    [
        new("home 0777", t => t.Cast().Chmod("/home/alice", "0777")),
        new("~/.ssh 0777", t => t.Cast().Chmod("/home/alice/.ssh", "0777")),
        new("authorized_keys 0666", t => t.Cast().Chmod(AliceKeys, "0666")),
        new("~/.ssh owned by root", t => t.Cast().Chown("/home/alice/.ssh", 0, 0)),
        new("authorized_keys owned by bob", t => t.Cast().Chown(AliceKeys, Bob, Bob)),
        new("authorized_keys missing", t => t.Cast().Remove(AliceKeys)),
        new("~/.ssh missing", t => t.Cast().Remove("/home/alice/.ssh")),
        new("key missing", Keys("# ops\n" + LabKeys.Other.Line + " bob\n")),
        new("CRLF, key missing", Keys("# ops\r\n" + LabKeys.Other.Line + " bob\r\n")),
        new("UTF-16 with BOM", t => t.Cast().WriteFile(AliceKeys,
            [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("# ops\r\n" + LabKeys.Main.Line + " lab\r\n")], "0600", Alice, Alice)),
        new("healthy", t => t.Cast()),
    ];

    public static TheoryData<string> HealthyOnly() => new() { "healthy" };

    public static TheoryData<string> Broken() { var d = new TheoryData<string>(); foreach (var c in Cases.Where(c => c.Name != "healthy")) d.Add(c.Name); return d; }

    [LabTheory]
    [MemberData(nameof(HealthyOnly))]
    public void Printed_commands_for_a_healthy_volume_change_nothing(string name) => Printed_commands_pasted_on_the_rescue_host_repair_the_volume_only(name);

    [LabTheory]
    [MemberData(nameof(Broken))]
    public void Printed_commands_pasted_on_the_rescue_host_repair_the_volume_only(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        using var w = new HostileWorld("paste " + name);
        c.Break(w.Tree);
        BuildRescueCanary(w);
        w.Tree.Finish(22);
        var before = RealSshd.Run(w.Tree, "alice", LabKeys.Main);
        w.Arm();

        var check = RescueHost(w, "dotnet \"$DLL\" check --root /mnt/rescue --user alice --key '" + LabKeys.Main.PublicPath + "' --json");
        var commands = Commands(check.Out);
        var log = new StringBuilder();
        foreach (var command in commands)
        {
            var r = RescueHost(w, "cd /tmp && /bin/sh -c \"$1\"", command);
            log.Append("$ ").Append(command).Append("\n  -> exit ").Append(r.Exit).Append(' ').Append(r.Err).Append('\n');
        }
        w.AssertHeld(check with { Out = check.Out + "\n--- pasted:\n" + log }, "home/alice/**");
        if (name == "healthy") Assert.True(w.TreeChanges().Length == 0, "pasting the commands for a healthy tree changed it:\n" + w.TreeChanges() + "\n" + log);
        var again = RescueHost(w, "dotnet \"$DLL\" check --root /mnt/rescue --user alice --key '" + LabKeys.Main.PublicPath + "'");
        var after = RealSshd.Run(w.Tree, "alice", LabKeys.Main);
        Assert.True(after.Verdict == "accepted",
            $"before: {before.Verdict}; after pasting, sshd still refuses.\n{log}\ncheck now:\n{again.Out}\n{after.Transcript}");
        Assert.True(again.Exit == 0, "check after pasting still finds a blocking problem:\n" + again + "\n" + log);
    }

    /// <summary>Every refused scenario of the lab table whose causes fix repairs (the set FixScenarioTests uses).</summary>
    public static TheoryData<string> TableScenarios() => SshDoctor.Lab.Repair.FixScenarioTests.Names();

    /// <summary>
    /// The lab table's repairable scenarios, pasted the same way: check's printed commands (a few rounds, as a repair
    /// can reveal the next blocker) run one by one through /bin/sh on the rescue host; then the real sshd accepts,
    /// check finds nothing blocking, the rescue host's canaries are unchanged, and in the volume only the user's home
    /// and the paths the findings named changed.
    /// </summary>
    [LabTheory]
    [MemberData(nameof(TableScenarios))]
    public void Table_scenario_commands_pasted_on_the_rescue_host_repair_the_volume_only(string name)
    {
        var s = ScenarioTable.Get(name);
        var key = s.Key();
        using var w = new HostileWorld("paste table " + name);
        s.Setup(w.Tree);
        BuildRescueCanary(w);
        var before = RealSshd.Run(w.Tree, s.User, key); // also writes the tree's account files and sshd_config
        Assert.True(before.Verdict == "refused", $"the broken tree should be refused by sshd:\n{before.Transcript}");
        w.Arm();
        var checkCommand = $"dotnet \"$DLL\" check --root /mnt/rescue --user '{s.User}' --key '{key.PublicPath}' --from 127.0.0.1 --json";
        var planned = new HashSet<string>(StringComparer.Ordinal) { "home/" + s.User + "/**" };
        var log = new StringBuilder();
        CliRun check = new(1, "", "", TimeSpan.Zero);
        for (var round = 0; round <= 3; round++)
        {
            check = RescueHost(w, checkCommand);
            if (check.Exit == 0 || round == 3) break;
            Assert.True(check.Exit == 1, $"check exited {check.Exit}:\n{check}");
            var commands = Commands(check.Out);
            Assert.True(commands.Count > 0, "a refused repairable scenario prints no command:\n" + check.Out);
            // A finding's path and what lies under it are planned (a HOME_MISSING home outside /home gets its .ssh created).
            foreach (var path in FindingPaths(check.Out)) { planned.Add(path.TrimStart('/')); planned.Add(path.TrimStart('/') + "/**"); }
            foreach (var command in commands)
            {
                Assert.DoesNotContain("systemctl", command);
                var r = RescueHost(w, "cd /tmp && /bin/sh -c \"$1\"", command);
                log.Append("$ ").Append(command).Append("\n  -> exit ").Append(r.Exit).Append(' ').Append(r.Err).Append('\n');
            }
        }
        w.AssertHeld(check with { Out = check.Out + "\n--- pasted:\n" + log }, [.. planned]);
        Assert.False(File.Exists(w.CanaryPath("outside/services.log")), "a pasted command reloaded a service on the rescue host:\n" + log);
        var after = RealSshd.Run(w.Tree, s.User, key);
        Assert.True(after.Verdict == "accepted", $"after pasting, sshd still refuses '{name}'.\n{log}\ncheck now:\n{check.Out}\n{after.Transcript}");
        Assert.True(check.Exit == 0, "check after pasting still finds a blocking problem:\n" + check + "\n" + log);
        LabCounter.Increment();
    }

    private static IEnumerable<string> FindingPaths(string json)
    {
        using var doc = JsonDocument.Parse(json);
        foreach (var f in doc.RootElement.GetProperty("findings").EnumerateArray())
            if (f.TryGetProperty("path", out var p) && p.ValueKind == JsonValueKind.String) yield return p.GetString()!;
    }

    /// <summary>The rescue host's own /home/ec2-user-like tree and sshd config, as canaries.</summary>
    internal static void BuildRescueCanary(HostileWorld w)
    {
        foreach (var d in new[] { "home", "home/alice", "home/alice/.ssh", "etc/ssh", "etc/ssh/sshd_config.d", "bin" })
            Directory.CreateDirectory(w.CanaryPath(d));
        File.WriteAllText(w.CanaryPath("home/alice/.ssh/authorized_keys"), HostileWorld.AdminLine + "\n");
        File.SetUnixFileMode(w.CanaryPath("home/alice/.ssh"), Modes.Parse("0700"));
        File.WriteAllText(w.CanaryPath("etc/ssh/sshd_config"), "# rescue host sshd_config " + HostileWorld.Marker + "\n");
        foreach (var stub in new[] { "systemctl", "service" })
        {
            File.WriteAllText(w.CanaryPath("bin/" + stub), $"#!/bin/sh\necho \"{stub} $*\" >> '{w.CanaryPath("outside/services.log")}'\n");
            File.SetUnixFileMode(w.CanaryPath("bin/" + stub), Modes.Parse("0755"));
        }
    }

    internal static CliRun RescueHost(HostileWorld w, string command, params string[] args)
    {
        var sb = new StringBuilder("set -e\nmount --make-rprivate /\n");
        foreach (var (sub, host) in HostileWorld.HostBinds) sb.Append($"mount --bind '{w.CanaryPath(sub)}' '{host}'\n");
        sb.Append($"mount --bind '{w.CanaryPath("home")}' /home\nmount --bind '{w.CanaryPath("etc/ssh")}' /etc/ssh\n");
        sb.Append($"mount --bind '{w.CanaryPath("bin/systemctl")}' /usr/bin/systemctl\nmount --bind '{w.CanaryPath("bin/service")}' /usr/sbin/service\n");
        sb.Append($"mount -t tmpfs -o mode=0755 tmpfs /mnt\nmkdir /mnt/rescue\nmount --bind '{w.Tree.Root}' /mnt/rescue\n");
        sb.Append("set +e\n").Append("timeout -k 2 ").Append(Jail.TimeoutSeconds).Append(' ').Append("/bin/sh -c '").Append(command.Replace("'", "'\\''")).Append("' sh \"$@\"\n");
        return Jail.Run(sb.ToString(), args);
    }

    /// <summary>Every fix command of every finding in a check --json document.</summary>
    public static List<string> Commands(string json)
    {
        var list = new List<string>();
        if (json.Trim().Length == 0) return list;
        using var doc = JsonDocument.Parse(json);
        if (!doc.RootElement.TryGetProperty("findings", out var findings)) return list;
        foreach (var f in findings.EnumerateArray())
            if (f.TryGetProperty("fix", out var fix) && fix.ValueKind == JsonValueKind.Object && fix.TryGetProperty("commands", out var cmds))
                foreach (var c in cmds.EnumerateArray()) list.Add(c.GetString() ?? "");
        return list;
    }
}
