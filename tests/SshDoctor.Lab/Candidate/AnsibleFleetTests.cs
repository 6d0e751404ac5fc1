using System.Diagnostics;
using System.Text.Json;
using SshDoctor.Lab.Claim;
using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Candidate;

/// <summary>
/// docs/ansible/preflight.yml run by Debian's ansible-playbook against lab hosts: each host is a real sshd in its own
/// network namespace (its own address, made by the test; traffic stays on this machine), judging its own lab tree.
/// One host would lock bob out: the play must stop everywhere and install nothing; with nobody locked out it installs
/// the drop-in on every host. `sshdoctor report` over the collected documents names the host and the account.
/// The play runs with docs/ansible/ansible.cfg, as a user would (forks, pipelining, ssh without -C).
/// </summary>
[Collection(LabCollection.Name)]
public sealed class AnsibleFleetTests(ITestOutputHelper output)
{
    private static int Hosts => int.TryParse(Environment.GetEnvironmentVariable("SSHDOCTOR_ANSIBLE_HOSTS"), out var n) && n is > 0 and <= 50 ? n : 6;

    [LabFact]
    public void The_preflight_stops_the_play_when_one_host_would_lock_someone_out()
    {
        var setup = Stopwatch.StartNew();
        using var fleet = AnsibleFleet.Start(Hosts, losingHost: 2);
        setup.Stop();
        var (rc, log, elapsed) = fleet.Play();
        output.WriteLine(log);
        Assert.True(rc != 0, "the play must fail when a host would lose access:\n" + log);
        Assert.All(fleet.Trees, t => Assert.False(File.Exists(t.HostPath(AnsibleFleet.DropIn)), $"the drop-in reached {t.Name} although the pre-flight failed"));

        Assert.Equal(fleet.Names, AnsibleFleet.HostsOf(fleet.ResultsFile));
        var report = Stopwatch.StartNew();
        var (exit, json, err) = LabCli.Run(["report", "--json", fleet.ResultsFile]);
        output.WriteLine($"{Hosts} hosts: set up in {setup.Elapsed.TotalSeconds:F1} s, play took {elapsed.TotalSeconds:F1} s, report {report.Elapsed.TotalSeconds:F1} s");
        Assert.True(exit == 1, $"report exit {exit}: {err}\n{json}");
        using var doc = JsonDocument.Parse(json);
        var losing = Assert.Single(doc.RootElement.GetProperty("losing_access").EnumerateArray());
        Assert.Equal("host02", losing.GetProperty("host").GetString());
        Assert.Equal(["bob"], losing.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Equal(Hosts, doc.RootElement.GetProperty("judged").GetInt32());
    }

    [LabFact]
    public void With_nobody_locked_out_the_play_installs_the_drop_in_everywhere()
    {
        var setup = Stopwatch.StartNew();
        using var fleet = AnsibleFleet.Start(Hosts, losingHost: null);
        setup.Stop();
        var (rc, log, elapsed) = fleet.Play();
        output.WriteLine(log);
        Assert.True(rc == 0, "the play must pass when nobody loses access:\n" + log);
        var expected = File.ReadAllText(Path.Combine(AnsibleFleet.DocsDir, "files/90-hardening.conf"));
        Assert.All(fleet.Trees, t => Assert.Equal(expected, File.ReadAllText(t.HostPath(AnsibleFleet.DropIn)).TrimEnd('\n') + "\n"));
        Assert.Equal(fleet.Names, AnsibleFleet.HostsOf(fleet.ResultsFile));
        var report = Stopwatch.StartNew();
        var (exit, _, err) = LabCli.Run(["report", fleet.ResultsFile]);
        output.WriteLine($"{Hosts} hosts: set up in {setup.Elapsed.TotalSeconds:F1} s, play took {elapsed.TotalSeconds:F1} s, report {report.Elapsed.TotalSeconds:F1} s");
        Assert.True(exit == 0, "report: " + err);
    }
}

/// <summary>N lab hosts: a lab tree each (alice and bob with keys, group admins) and an sshd in a network namespace.</summary>
internal sealed class AnsibleFleet : IDisposable
{
    public const string DropIn = "/etc/ssh/sshd_config.d/90-hardening.conf";
    private readonly List<Process> _sshds = [];
    private readonly List<string> _namespaces = [];
    private readonly string _dir;
    public List<LabTree> Trees { get; } = [];
    public string ResultsFile => Path.Combine(_dir, "play", "sshdoctor-results", "preflight.jsonl");
    public IEnumerable<string> Names => Enumerable.Range(1, Trees.Count).Select(Name);

    /// <summary>The host of each line of the play's results file, in order (the play writes one line per host).</summary>
    public static string[] HostsOf(string jsonl) =>
        File.ReadAllLines(jsonl).Where(l => l.Length > 0).Select(l =>
        {
            using var doc = JsonDocument.Parse(l);
            return doc.RootElement.GetProperty("host").GetProperty("name").GetString() ?? "";
        }).ToArray();

    public static string DocsDir
    {
        get
        {
            for (var d = AppContext.BaseDirectory; d is not null; d = Path.GetDirectoryName(d))
                if (Directory.Exists(Path.Combine(d, "docs", "ansible"))) return Path.Combine(d, "docs", "ansible");
            throw new InvalidOperationException("docs/ansible not found above " + AppContext.BaseDirectory);
        }
    }

    private AnsibleFleet(string dir) => _dir = dir;

    public static AnsibleFleet Start(int hosts, int? losingHost)
    {
        LabGuard.Require();
        foreach (var tool in new[] { "/usr/bin/ansible-playbook", "/usr/bin/python3", "/usr/sbin/ip", "/usr/bin/unshare" })
            if (!File.Exists(tool)) throw new InvalidOperationException($"the Ansible lab test needs {tool} (apt-get install ansible iproute2; scripts/install-lab-tools.sh does)");
        var fleet = new AnsibleFleet(Path.Combine(LabRun.Dir, $"ansible-{Guid.NewGuid():N}"[..20]));
        try
        {
            fleet.Build(hosts, losingHost);
            return fleet;
        }
        catch
        {
            fleet.Dispose();
            throw;
        }
    }

    private static string Name(int i) => $"host{i:D2}";
    private static readonly int Net = 200 + Environment.ProcessId % 50;
    private static string Address(int i) => $"10.{Net}.{i}.2";

    private void Build(int hosts, int? losingHost)
    {
        Directory.CreateDirectory(_dir);
        var play = Directory.CreateDirectory(Path.Combine(_dir, "play")).FullName;
        Directory.CreateDirectory(Path.Combine(play, "library"));
        Directory.CreateDirectory(Path.Combine(play, "files"));
        File.Copy(Path.Combine(DocsDir, "preflight.yml"), Path.Combine(play, "preflight.yml"));
        File.Copy(Path.Combine(DocsDir, "ansible.cfg"), Path.Combine(play, "ansible.cfg"));
        File.Copy(Path.Combine(DocsDir, "files/90-hardening.conf"), Path.Combine(play, "files/90-hardening.conf"));
        // A self-contained build (SSHDOCTOR_BIN) is shipped as a binary module; otherwise the wrapper runs this build.
        var bin = Environment.GetEnvironmentVariable("SSHDOCTOR_BIN");
        var module = bin is { Length: > 0 } ? Path.Combine(play, "library/sshdoctor_check") : Path.Combine(play, "library/sshdoctor_check.sh");
        File.Copy(bin is { Length: > 0 } ? bin : Path.Combine(DocsDir, "library/sshdoctor_check.sh"), module);
        File.SetUnixFileMode(module, Modes.Parse("0755"));
        var sshdoctor = Path.Combine(AppContext.BaseDirectory, "sshdoctor");

        var keys = Path.Combine(_dir, "authorized_keys");
        File.WriteAllText(keys, LabKeys.Main.Line + " ansible-controller\n");
        var inventory = new System.Text.StringBuilder("[fleet]\n");
        for (var i = 1; i <= hosts; i++)
        {
            var tree = LabTree.Create("ansible " + Name(i));
            Trees.Add(tree);
            tree.StandardUser("alice", LabUsers.Alice, LabKeys.Main).StandardUser("bob", LabUsers.Bob, LabKeys.Other);
            tree.AddGroup("admins", 3100, i == losingHost ? ["alice"] : ["alice", "bob"]);
            tree.WriteFile("/etc/hostname", Name(i) + "\n");
            tree.Finish(22);
            StartSshd(i, keys);
            inventory.Append($"{Name(i)} ansible_host={Address(i)} sshdoctor_root={tree.Root}\n");
        }
        inventory.Append("[fleet:vars]\nansible_user=root\n")
            .Append($"ansible_ssh_private_key_file={LabKeys.Main.PrivatePath}\n")
            .Append("ansible_ssh_common_args='-o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o IdentitiesOnly=yes -o BatchMode=yes'\n")
            .Append("ansible_python_interpreter=/usr/bin/python3\n")
            .Append($"sshdoctor_path={sshdoctor}\n");
        File.WriteAllText(Path.Combine(play, "inventory"), inventory.ToString());
    }

    private void StartSshd(int i, string keys)
    {
        var ns = $"sdoc{Environment.ProcessId}h{i}";
        var hostSide = $"sd{Environment.ProcessId % 100000}h{i}a";
        var nsSide = $"sd{Environment.ProcessId % 100000}h{i}b";
        LabRun.Exec("/usr/sbin/ip", "netns", "add", ns);
        _namespaces.Add(ns);
        LabRun.Exec("/usr/sbin/ip", "link", "add", hostSide, "type", "veth", "peer", "name", nsSide);
        LabRun.Exec("/usr/sbin/ip", "link", "set", nsSide, "netns", ns);
        LabRun.Exec("/usr/sbin/ip", "addr", "add", $"10.{Net}.{i}.1/30", "dev", hostSide);
        LabRun.Exec("/usr/sbin/ip", "link", "set", hostSide, "up");
        LabRun.Exec("/usr/sbin/ip", "-n", ns, "addr", "add", $"{Address(i)}/30", "dev", nsSide);
        LabRun.Exec("/usr/sbin/ip", "-n", ns, "link", "set", nsSide, "up");
        LabRun.Exec("/usr/sbin/ip", "-n", ns, "link", "set", "lo", "up");

        // The controller's way in (not the tree being judged): root with the lab key, StrictModes off for /tmp.
        // Root's shell is this machine's: its ~/.bashrc (a developer's, pyenv init and the like) would run for every
        // command Ansible sends, about 0.1 s of CPU each; a lab host is a fresh machine, so its sshd sees an empty one.
        var config = Path.Combine(_dir, $"sshd-{i}.conf");
        File.WriteAllText(config,
            $"Port 22\nListenAddress {Address(i)}\nHostKey {LabKeys.Host.PrivatePath}\nPidFile none\nAuthorizedKeysFile {keys}\n" +
            "StrictModes no\nPermitRootLogin prohibit-password\nUsePAM no\nLogLevel INFO\nMaxStartups 50\nSubsystem sftp /usr/lib/openssh/sftp-server\n");
        var psi = new ProcessStartInfo("/usr/sbin/ip") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", ns, "/usr/bin/unshare", "--mount", "--propagation", "private", "/bin/sh", "-c",
                     "mount -t tmpfs none /run && mkdir -p /run/sshd && { [ ! -f /root/.bashrc ] || mount --bind /dev/null /root/.bashrc; } && " +
                     $"exec /usr/sbin/sshd -D -e -f {config}" })
            psi.ArgumentList.Add(a);
        var sshd = Process.Start(psi)!;
        _sshds.Add(sshd);
        var started = new TaskCompletionSource<bool>();
        sshd.ErrorDataReceived += (_, e) => { if (e.Data?.Contains("Server listening", StringComparison.Ordinal) == true) started.TrySetResult(true); };
        sshd.Exited += (_, _) => started.TrySetResult(false);
        sshd.EnableRaisingEvents = true;
        sshd.BeginErrorReadLine();
        if (!started.Task.Wait(TimeSpan.FromSeconds(20)) || !started.Task.Result)
            throw new InvalidOperationException($"the sshd of {Name(i)} did not start in its namespace");
    }

    public (int Rc, string Log, TimeSpan Elapsed) Play()
    {
        var play = Path.Combine(_dir, "play");
        var psi = new ProcessStartInfo("/usr/bin/ansible-playbook") { WorkingDirectory = play, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-i", "inventory", "preflight.yml" }) psi.ArgumentList.Add(a);
        psi.Environment["ANSIBLE_HOST_KEY_CHECKING"] = "False";
        psi.Environment["ANSIBLE_CONFIG"] = Path.Combine(play, "ansible.cfg");
        psi.Environment["ANSIBLE_NOCOLOR"] = "1";
        psi.Environment["ANSIBLE_LOCAL_TEMP"] = Path.Combine(_dir, "ansible-local");
        psi.Environment["ANSIBLE_REMOTE_TMP"] = Path.Combine(_dir, "ansible-remote");
        psi.Environment["ANSIBLE_SSH_RETRIES"] = "2";
        psi.Environment["ANSIBLE_TIMEOUT"] = "30";
        psi.Environment["HOME"] = _dir;
        var watch = Stopwatch.StartNew();
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException("ansible-playbook did not finish in 5 minutes:\n" + stdout.Result + stderr.Result);
        }
        return (p.ExitCode, stdout.Result + stderr.Result, watch.Elapsed);
    }

    public void Dispose()
    {
        foreach (var p in _sshds)
        {
            try { p.Kill(entireProcessTree: true); p.WaitForExit(5000); } catch (InvalidOperationException) { }
            p.Dispose();
        }
        foreach (var ns in _namespaces)
            try { LabRun.Exec("/usr/sbin/ip", "netns", "delete", ns); } catch (InvalidOperationException) { }
        foreach (var t in Trees) t.Dispose();
    }
}
