using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SshDoctor.Lab.Harness;

/// <summary>
/// The judges: real sshd builds (<see cref="Judge"/>). One long-lived agent per judge (Harness/lab-agent.sh)
/// runs in its own mount and PID namespace; for each request it bind-mounts the tree over the judge's
/// /etc/passwd, shadow, group, /etc/ssh, /home, /root, /opt and /srv (inside the chroot for a chroot judge),
/// starts that sshd, logs in once with the machine's ssh, stops sshd (and every child) and unmounts.
/// Requests to one judge are serialized. Every wait is bounded; a hung agent is killed and replaced.
/// </summary>
public sealed class RealSshd(Judge judge)
{
    private static readonly Dictionary<string, RealSshd> Agents = [];
    private readonly Lock _gate = new();
    private Process? _agent;
    private int _port;
    private int _requests;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(40);

    public Judge Judge { get; } = judge;

    /// <summary>The agent of one judge (started on first use).</summary>
    public static RealSshd For(Judge judge)
    {
        lock (Agents)
        {
            if (!Agents.TryGetValue(judge.Name, out var agent)) Agents[judge.Name] = agent = new RealSshd(judge);
            return agent;
        }
    }

    /// <summary>Runs one login of <paramref name="user"/> with <paramref name="key"/> against the tree, judged by the tree's judge.</summary>
    public static SshdResult Run(LabTree tree, string user, LabKey key) => For(tree.Judge).Login(tree, user, key);

    /// <summary>Runs one login of <paramref name="user"/> with <paramref name="key"/> against the tree.</summary>
    public SshdResult Login(LabTree tree, string user, LabKey key)
    {
        LabGuard.Require();
        lock (_gate)
        {
            var result = RunOnce(tree, user, key);
            if (!result.Started && result.Log.Any(l => l.Contains("Address already in use", StringComparison.Ordinal)))
            {
                _port = FreePort(); // someone else took our port: once more on a fresh one
                result = RunOnce(tree, user, key);
            }
            LabCounter.Increment(Judge.Name);
            return result;
        }
    }

    /// <summary>
    /// Runs a shell script as root inside the lab's mount namespace with the tree bind-mounted (its passwd,
    /// group, /home, /root, os-release, /var/backups; /dev/console is the tree's file /dev/console), so the
    /// script's getent, chown and paths see the tree. Does not start sshd and does not count as a lab scenario.
    /// </summary>
    public static ScriptResult RunScript(LabTree tree, string scriptText) => For(Judge.Machine).Script(tree, scriptText);

    private ScriptResult Script(LabTree tree, string scriptText)
    {
        LabGuard.Require();
        lock (_gate)
        {
            var agent = EnsureAgent();
            tree.Finish(_port);
            var id = ++_requests;
            var dir = Path.GetDirectoryName(tree.Root)!;
            var script = Path.Combine(dir, $"script-{id}.sh");
            var output = Path.Combine(dir, $"script-{id}.out");
            File.WriteAllText(script, scriptText);
            agent.StandardInput.WriteLine($"SCRIPT {id} {tree.Root} {script} {output}");
            agent.StandardInput.Flush();
            var f = ReadReply(agent, id).Split(' ');
            return new ScriptResult(int.Parse(f[3]), File.Exists(output) ? File.ReadAllText(output) : "");
        }
    }

    private SshdResult RunOnce(LabTree tree, string user, LabKey key)
    {
        var agent = EnsureAgent();
        tree.Finish(_port);
        WriteServiceOptions(tree);
        var id = ++_requests;
        var log = Path.Combine(Path.GetDirectoryName(tree.Root)!, $"sshd-{id}.log");
        var clock = Stopwatch.StartNew();
        agent.StandardInput.WriteLine($"RUN {id} {tree.Root} {_port} {user} {key.PrivatePath} {log}");
        agent.StandardInput.Flush();
        var reply = ReadReply(agent, id);
        var f = reply.Split(' ');
        var lines = File.Exists(log) ? File.ReadAllLines(log) : [];
        var client = File.Exists(log + ".client") ? File.ReadAllText(log + ".client") : "";
        return new SshdResult(f[2] == "1", int.Parse(f[3]), lines, client, clock.Elapsed);
    }

    /// <summary>
    /// sshd is started with the `-o` options the tree's service manager gives it (systemd unit and drop-ins, SSHD_OPTS,
    /// OPTIONS), read by the model's own parser (ServiceOptions), so that the real sshd runs as the unit would run it.
    /// </summary>
    private static void WriteServiceOptions(LabTree tree)
    {
        var path = tree.Root + ".sshd-args";
        var options = SshDoctor.Core.Model.TargetContext.Load(tree.Root).Service.Options;
        if (options.Count == 0) { File.Delete(path); return; }
        File.WriteAllLines(path, options.SelectMany(o => new[] { "-o", o.Line }));
    }

    private string ReadReply(Process agent, int id)
    {
        var deadline = DateTime.UtcNow + RequestTimeout;
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var read = agent.StandardOutput.ReadLineAsync();
            if (left <= TimeSpan.Zero || !read.Wait(left))
            {
                Kill();
                throw new TimeoutException($"lab agent ({Judge.Name}) did not answer request {id} within {RequestTimeout.TotalSeconds} s (killed)");
            }
            var line = read.Result ?? throw Died($"lab agent ({Judge.Name}) exited while running request {id}");
            if (line.StartsWith($"DONE {id} ", StringComparison.Ordinal)) return line;
        }
    }

    private Process EnsureAgent()
    {
        if (_agent is { HasExited: false }) return _agent;
        _agent?.Dispose();
        var script = Path.Combine(AppContext.BaseDirectory, "Harness", "lab-agent.sh");
        var psi = new ProcessStartInfo("/usr/bin/unshare")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var a in new[] { "--mount", "--pid", "--fork", "--kill-child", "--mount-proc", "/bin/bash", script, Judge.Kind, Judge.Root, Judge.Sshd })
            psi.ArgumentList.Add(a);
        _agent = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the lab agent");
        lock (_agentErrors) _agentErrors.Clear();
        _agent.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (_agentErrors) _agentErrors.Add(e.Data); };
        _agent.BeginErrorReadLine();
        if (_port == 0) _port = FreePort();
        return _agent;
    }

    private readonly List<string> _agentErrors = [];

    private Exception Died(string what)
    {
        string errors;
        lock (_agentErrors) errors = string.Join('\n', _agentErrors);
        Kill();
        return new InvalidOperationException(what + (errors.Length > 0 ? ":\n" + errors : ""));
    }

    /// <summary>
    /// A free port BELOW the kernel's ephemeral range (ip_local_port_range starts at 32768): other tests that ask
    /// for port 0 can never be handed the port this sshd keeps reusing between runs.
    /// </summary>
    private static int FreePort()
    {
        var random = new Random();
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var port = random.Next(20000, 32000);
            try
            {
                var l = new TcpListener(IPAddress.Loopback, port);
                l.Start();
                l.Stop();
                return port;
            }
            catch (SocketException) { }
        }
        throw new InvalidOperationException("no free port in 20000-32000 on 127.0.0.1");
    }

    private void Kill()
    {
        try { _agent?.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
        _agent?.WaitForExit(5000);
        _agent?.Dispose();
        _agent = null;
    }

    /// <summary>Ends every agent (closing its stdin makes it exit; its PID namespace takes sshd along).</summary>
    public static void Shutdown()
    {
        RealSshd[] agents;
        lock (Agents) agents = [.. Agents.Values];
        foreach (var a in agents) a.Stop();
    }

    private void Stop()
    {
        lock (_gate)
        {
            if (_agent is null) return;
            try { _agent.StandardInput.Close(); } catch (IOException) { }
            if (!_agent.WaitForExit(3000)) Kill();
            else { _agent.Dispose(); _agent = null; }
        }
    }
}
