using System.Collections.Concurrent;
using System.Diagnostics;

namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>
/// One boot of an instance: Boot/instance-agent.sh as PID 1 of a PID + mount namespace inside the instance's network
/// namespace. It reports "SSHD 0|1", "BOOTED rc" (cloud-init's final stage done) and "DONE id rc" for SSM commands;
/// it takes "CMD id timeout workdir" and "STOP". Stopping closes the boot: every process of the instance ends with it.
/// </summary>
internal sealed class InstanceAgent : IDisposable
{
    private readonly Process _process;
    private readonly ConcurrentDictionary<int, TaskCompletionSource<int>> _commands = new();
    private readonly TaskCompletionSource<bool> _sshd = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource<int> _booted = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<string> _errors = [];
    private readonly Lock _stdin = new();

    public Task<bool> SshdStarted => _sshd.Task;
    public Task<int> Booted => _booted.Task;
    public bool Alive => !_process.HasExited;
    public string Errors { get { lock (_errors) return string.Join('\n', _errors); } }

    public InstanceAgent(string netns, string tree, string runDir, string instanceId, string defaultUser)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Boot", "instance-agent.sh");
        var psi = new ProcessStartInfo("ip")
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        // A clean environment, as systemd gives services: nothing of the test process leaks into the instance.
        psi.Environment.Clear();
        psi.Environment["PATH"] = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
        psi.Environment["LANG"] = "C.UTF-8";
        foreach (var a in new[] { "netns", "exec", netns, "unshare", "--mount", "--pid", "--fork", "--kill-child", "--mount-proc",
                     "/bin/bash", script, tree, runDir, instanceId, defaultUser })
            psi.ArgumentList.Add(a);
        _process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start the instance agent");
        _process.OutputDataReceived += (_, e) => { if (e.Data is { } line) OnLine(line); else OnExit(); };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is { } line) lock (_errors) _errors.Add(line); };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private void OnLine(string line)
    {
        var f = line.Split(' ');
        switch (f[0])
        {
            case "SSHD" when f.Length > 1: _sshd.TrySetResult(f[1] == "1"); break;
            case "BOOTED" when f.Length > 1 && int.TryParse(f[1], out var rc): _booted.TrySetResult(rc); break;
            case "DONE" when f.Length > 2 && int.TryParse(f[1], out var id) && int.TryParse(f[2], out var code):
                if (_commands.TryRemove(id, out var tcs)) tcs.TrySetResult(code);
                break;
        }
    }

    private void OnExit()
    {
        _sshd.TrySetResult(false);
        _booted.TrySetResult(-1);
        foreach (var id in _commands.Keys)
            if (_commands.TryRemove(id, out var tcs)) tcs.TrySetResult(-1);
    }

    /// <summary>
    /// Runs RUN/io/cmd-ID.sh as root in the instance, as WORKDIR/_script.sh from WORKDIR (the SSM agent's orchestration
    /// directory; no HOME, as under the agent); completes with its exit code (-1: the instance went away).
    /// </summary>
    public Task<int> RunCommand(int id, int timeoutSeconds, string workDir)
    {
        var tcs = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        _commands[id] = tcs;
        if (!Send($"CMD {id} {timeoutSeconds} {workDir}")) { _commands.TryRemove(id, out _); tcs.TrySetResult(-1); }
        return tcs.Task;
    }

    private bool Send(string line)
    {
        lock (_stdin)
        {
            try
            {
                if (_process.HasExited) return false;
                _process.StandardInput.WriteLine(line);
                _process.StandardInput.Flush();
                return true;
            }
            catch (IOException) { return false; }
            catch (InvalidOperationException) { return false; }
        }
    }

    /// <summary>Shuts the boot down (SIGTERM to the instance's processes, then SIGKILL), bounded.</summary>
    public void Stop(TimeSpan grace)
    {
        Send("STOP");
        if (!_process.WaitForExit(grace))
        {
            try { _process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            _process.WaitForExit(5000);
        }
        _process.WaitForExit(); // drains the redirected streams
    }

    public void Dispose()
    {
        if (!_process.HasExited) Stop(TimeSpan.FromSeconds(5));
        _process.Dispose();
    }
}
