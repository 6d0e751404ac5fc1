using System.Diagnostics;
using System.Text;
using SshDoctor.Lab.Harness;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// One hostile-tree test: a target tree T and, beside it, a canary tree that stands for the host. sshdoctor runs
/// as a real process (the built sshdoctor.dll) inside a private mount namespace where the canary's pieces are
/// bound over the host paths an escape would reach (/root, /etc/profile.d, /etc/cron.d, /etc/bash.bashrc, /srv):
/// whatever escapes the root lands on a canary, never on the real host. <see cref="AssertHeld"/> compares
/// snapshots (content, mode, owner, inode) of the canary and of T taken by <see cref="Arm"/>.
/// </summary>
public sealed class HostileWorld : IDisposable
{
    public const string Marker = "CANARY-HOST-SECRET-7f3a";
    public const string AdminLine = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostAdminKeyThatMustSurviveEveryAttack00 " + Marker;

    /// <summary>Canary subdirectory → the host path it stands for inside the namespace.</summary>
    public static readonly (string Sub, string Host)[] HostBinds =
    [
        ("root", "/root"), ("etc/profile.d", "/etc/profile.d"), ("etc/cron.d", "/etc/cron.d"),
        ("etc/bash.bashrc", "/etc/bash.bashrc"), ("srv", "/srv"),
    ];

    public LabTree Tree { get; }
    /// <summary>The canary tree on the host: &lt;tree dir&gt;/canary.</summary>
    public string CanaryDir { get; }
    /// <summary>A canary reachable from T by relative links: T/../canary/outside.</summary>
    public string Outside => Path.Combine(CanaryDir, "outside");
    /// <summary>From T/home/alice (depth 2 in T) to the canary's outside/ by a relative link.</summary>
    public const string FromHomeToOutside = "../../../canary/outside";
    /// <summary>Enough ../ to climb from anywhere in T to the host's /.</summary>
    public static readonly string ToHostRoot = string.Concat(Enumerable.Repeat("../", 24));

    private SortedDictionary<string, string>? _canaryBefore, _treeBefore;
    private readonly string[] _treeIgnored;

    public HostileWorld(string name, string[]? treeIgnored = null)
    {
        Tree = LabTree.Create("hostile " + name);
        CanaryDir = Path.Combine(Path.GetDirectoryName(Tree.Root)!, "canary");
        _treeIgnored = treeIgnored ?? ["var/backups"];
        BuildCanary();
    }

    private void BuildCanary()
    {
        var shadowGid = File.ReadAllLines("/etc/group").Select(l => l.Split(':')).Where(f => f[0] == "shadow").Select(f => int.Parse(f[2])).FirstOrDefault();
        Dir("root", "0700");
        Dir("root/.ssh", "0700");
        Write("root/.ssh/authorized_keys", AdminLine + "\n", "0600");
        Write("root/.bashrc", "# host root bashrc " + Marker + "\n", "0644");
        Dir("etc", "0755");
        Dir("etc/profile.d", "0755");
        Write("etc/profile.d/host.sh", "# host profile " + Marker + "\n", "0644");
        Dir("etc/cron.d", "0755");
        Write("etc/cron.d/host", "# host cron " + Marker + "\n", "0644");
        Write("etc/bash.bashrc", "# host bash.bashrc " + Marker + "\n", "0644");
        Dir("srv", "0755");
        Dir("srv/X", "0755");
        Write("srv/X/data", "host data " + Marker + "\n", "0644");
        Dir("srv/X/sub", "0751");
        Write("srv/X/sub/keep", "keep " + Marker + "\n", "0600");
        Dir("outside", "0755");
        Dir("outside/.ssh", "0700");
        Write("outside/.ssh/authorized_keys", AdminLine + "\n", "0600");
        Write("outside/shadow", "root:$y$canary$" + Marker + ":19000:0:99999:7:::\n", "0640", 0, shadowGid);
        Write("outside/program", "#!/bin/sh\necho host program " + Marker + "\n", "0755");
        Dir("outside/dir", "0755");
        Write("outside/dir/file", "outside " + Marker + "\n", "0644");
    }

    private void Dir(string sub, string mode, int uid = 0, int gid = 0)
    {
        var p = Path.Combine(CanaryDir, sub);
        Directory.CreateDirectory(p);
        File.SetUnixFileMode(p, Modes.Parse(mode));
        Posix.Chown(p, uid, gid);
    }

    private void Write(string sub, string text, string mode, int uid = 0, int gid = 0)
    {
        var p = Path.Combine(CanaryDir, sub);
        File.WriteAllText(p, text);
        File.SetUnixFileMode(p, Modes.Parse(mode));
        Posix.Chown(p, uid, gid);
    }

    public string CanaryPath(string sub) => Path.Combine(CanaryDir, sub);

    /// <summary>Writes T's account files and sshd_config, then snapshots the canary and T.</summary>
    public HostileWorld Arm()
    {
        Tree.Finish(22);
        _canaryBefore = Canary.Take(CanaryDir);
        _treeBefore = Canary.Take(Tree.Root, _treeIgnored);
        return this;
    }

    /// <summary>Runs `sshdoctor ARGS` in the namespace; "{T}" in an argument is replaced by T's host path.</summary>
    public CliRun Run(params string[] args) => Jail.Run(JailScript(live: false), args.Select(a => a.Replace("{T}", Tree.Root)).ToArray());

    /// <summary>
    /// A live system: T's passwd, shadow, group, /etc/ssh, /home and /var/backups bound over the host's (with the
    /// canaries over /root, /etc/profile.d, …), sshdoctor run without --root. <paramref name="racer"/>, when
    /// given, is a shell command started in the background before sshdoctor and killed after it.
    /// </summary>
    public CliRun RunLive(string? racer, params string[] args) => Jail.Run(JailScript(live: true, racer), args);

    /// <summary>The live namespace, running <paramref name="body"/> (bash; $DLL is sshdoctor.dll, "$@" the arguments).</summary>
    public CliRun RunLiveScript(string body, TimeSpan wait, params string[] args)
    {
        var setup = JailScript(live: true);
        return Jail.Run(setup[..setup.IndexOf("set +e", StringComparison.Ordinal)] + "set +e\ncd /\n" + body + "\n", args, wait: wait);
    }

    private string JailScript(bool live, string? racer = null)
    {
        var sb = new StringBuilder("set -e\nmount --make-rprivate /\n");
        foreach (var (sub, host) in HostBinds)
            sb.Append($"mount --bind '{CanaryPath(sub)}' '{host}'\n");
        if (live)
        {
            Directory.CreateDirectory(Tree.HostPath("/var/backups"));
            foreach (var p in new[] { "etc/passwd", "etc/shadow", "etc/group", "etc/ssh", "home", "var/backups" })
                sb.Append($"mount --bind '{Tree.HostPath("/" + p)}' '/{p}'\n");
        }
        sb.Append("set +e\ncd /\n");
        if (racer != null) sb.Append($"( {racer} ) &\nracer=$!\n");
        sb.Append("timeout -k 2 ").Append(Jail.TimeoutSeconds).Append(" dotnet \"$DLL\" \"$@\"\nrc=$?\n");
        if (racer != null) sb.Append("kill -TERM $racer 2>/dev/null; pkill -TERM -P $racer 2>/dev/null; wait $racer 2>/dev/null\n");
        sb.Append("exit $rc\n");
        return sb.ToString();
    }

    /// <summary>
    /// Held: sshdoctor ended by itself (no hang, no stack trace, a contract exit code), nothing in the canary
    /// changed, and nothing in T changed except <paramref name="planned"/> (target paths; "dir/**" allows a subtree).
    /// </summary>
    public void AssertHeld(CliRun run, params string[] planned)
    {
        Assert.True(_canaryBefore != null, "Arm() was not called");
        var problems = new List<string>();
        if (run.TimedOut) problems.Add($"sshdoctor did not finish in {Jail.TimeoutSeconds} s (a hang)");
        else if (run.Exit is < 0 or > 3) problems.Add($"exit code {run.Exit} is not a contract code (0-3)");
        if (run.Out.Contains("   at ", StringComparison.Ordinal) || run.Err.Contains("   at ", StringComparison.Ordinal) || run.Err.Contains("Unhandled exception", StringComparison.Ordinal))
            problems.Add("a stack trace was printed");
        var canary = Canary.Diff(_canaryBefore!, Canary.Take(CanaryDir));
        if (canary.Length > 0) problems.Add("OUTSIDE THE TARGET (the host's canary) changed:\n" + canary);
        var inside = TreeChanges(planned);
        if (inside.Length > 0) problems.Add("inside the target, unplanned changes:\n" + inside);
        Assert.True(problems.Count == 0, string.Join("\n", problems) + "\n--- sshdoctor " + run);
    }

    /// <summary>fix, then undo: each must hold on its own (a change fix made and undo reverted still counts).</summary>
    public void AssertFixAndUndoHeld(string user, params string[] planned)
    {
        AssertHeld(Run("fix", "--root", "{T}", "--user", user, "--key", LabKeys.Main.PublicPath), planned);
        AssertHeld(Run("undo", "--root", "{T}"), planned);
    }

    /// <summary>Changes in T outside the planned paths ("" when none).</summary>
    public string TreeChanges(params string[] planned)
    {
        var after = Canary.Take(Tree.Root, _treeIgnored);
        var subtrees = planned.Where(p => p.EndsWith("/**", StringComparison.Ordinal)).Select(p => p.TrimStart('/')[..^3]).ToArray();
        var exact = planned.Where(p => !p.EndsWith("/**", StringComparison.Ordinal)).ToArray();
        var diff = Canary.Diff(_treeBefore!, after, exact);
        return string.Join('\n', diff.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(l => !subtrees.Any(s => l[2..].Split(' ')[0] == s || l[2..].StartsWith(s + "/", StringComparison.Ordinal))));
    }

    /// <summary>Files anywhere in T (backups included) that carry the host's secret marker.</summary>
    public string[] LeakedIntoTarget() =>
        Directory.EnumerateFiles(Tree.Root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 })
            .Where(f => Canary.Stat(f) is { Type: 0x8000 } && File.ReadAllText(f).Contains(Marker, StringComparison.Ordinal))
            .ToArray();

    public void Dispose()
    {
        Tree.Dispose();
        if (!LabRun.Keep)
            try { Directory.Delete(CanaryDir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

public sealed record CliRun(int Exit, string Out, string Err, TimeSpan Elapsed)
{
    public bool TimedOut => Exit is 124 or 137;
    public override string ToString() => $"exit {Exit} after {Elapsed.TotalMilliseconds:F0} ms\nstdout:\n{Out}\nstderr:\n{Err}";
}

/// <summary>Runs the built sshdoctor in a private mount namespace set up by a shell script.</summary>
public static class Jail
{
    public const int TimeoutSeconds = 60;
    public static string Dll => Path.Combine(AppContext.BaseDirectory, "sshdoctor.dll");

    public static CliRun Run(string script, string[] args, string? stdin = null, TimeSpan? wait = null)
    {
        LabGuard.Require();
        var home = Path.Combine(LabRun.Dir, "jail-home");
        Directory.CreateDirectory(home);
        var psi = new ProcessStartInfo("/usr/bin/unshare") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in new[] { "--mount", "--propagation", "private", "/bin/bash", "-c", script, "jail" }) psi.ArgumentList.Add(a);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["DLL"] = Dll;
        psi.Environment["HOME"] = home;
        psi.Environment["DOTNET_CLI_HOME"] = home;
        psi.Environment["DOTNET_NOLOGO"] = "1";
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["LANG"] = "C.UTF-8";
        psi.Environment.Remove("LC_ALL");
        psi.Environment.Remove("LC_MESSAGES");
        var clock = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (stdin != null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        if (!p.WaitForExit(wait ?? TimeSpan.FromSeconds(TimeoutSeconds + 30)))
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
            return new CliRun(137, stdout.IsCompleted ? stdout.Result : "", "the namespace did not finish", clock.Elapsed);
        }
        return new CliRun(p.ExitCode, stdout.Result, stderr.Result, clock.Elapsed);
    }
}
