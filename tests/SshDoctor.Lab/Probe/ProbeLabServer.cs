using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SshDoctor.Lab.Probe;

/// <summary>A test account in the lab tree. <see cref="AuthorizedKeys"/> null: no ~/.ssh at all.</summary>
public sealed record ProbeLabUser(string Name, int Uid, string? AuthorizedKeys, string ShadowExpire = "", string Shell = "/bin/sh");

/// <summary>
/// A real OpenSSH sshd on 127.0.0.1:PORT with test accounts, without changing the host: a tree T with
/// passwd/shadow/group (host's + test users), sshd_config, host key and homes is bind-mounted over /etc
/// and /home inside a private mount namespace (unshare --mount); only that sshd sees it.
/// </summary>
public sealed class ProbeLabServer : IAsyncDisposable
{
    public const string Sshd = "/usr/sbin/sshd";
    private readonly Process _process;
    private readonly StringBuilder _log = new();

    public string Root { get; }
    public int Port { get; }
    public string HostPublicKeyLine { get; }

    private ProbeLabServer(string root, int port, Process process, string hostPub)
    {
        Root = root;
        Port = port;
        _process = process;
        HostPublicKeyLine = hostPub;
    }

    public string Log { get { lock (_log) return _log.ToString(); } }

    /// <summary>True when the lab cannot run and SSHDOCTOR_LAB_SKIP=1 says to skip; throws when it cannot run otherwise.</summary>
    public static bool SkipRequested(Xunit.Abstractions.ITestOutputHelper? output = null)
    {
        var why = !File.Exists(Sshd) ? $"{Sshd} is missing (install openssh-server)"
            : Environment.UserName != "root" && geteuid() != 0 ? "the lab needs root (unshare --mount, bind mounts)"
            : !File.Exists("/usr/bin/unshare") ? "unshare is missing (util-linux)"
            : null;
        if (why is null) return false;
        if (Environment.GetEnvironmentVariable("SSHDOCTOR_LAB_SKIP") == "1")
        {
            output?.WriteLine($"LAB SKIPPED (SSHDOCTOR_LAB_SKIP=1): {why}");
            return true;
        }
        throw new InvalidOperationException($"probe lab cannot run: {why}. Set SSHDOCTOR_LAB_SKIP=1 to skip lab tests explicitly.");
    }

    [System.Runtime.InteropServices.DllImport("libc")]
    private static extern uint geteuid();

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public static async Task<ProbeLabServer> StartAsync(IEnumerable<ProbeLabUser> users, string extraConfig = "", bool usePam = false,
        string? rootAuthorizedKeys = null, bool allHostKeyTypes = false)
    {
        var root = Directory.CreateTempSubdirectory("sshdoctor-probe-lab-").FullName;
        var etc = Path.Combine(root, "etc");
        var ssh = Path.Combine(etc, "ssh");
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(ssh);
        Directory.CreateDirectory(home);

        var passwd = new StringBuilder();
        foreach (var line in File.ReadAllLines("/etc/passwd"))
            // root's home moves into the tree so a test can give root an authorized_keys without touching /root.
            passwd.AppendLine(line.StartsWith("root:", StringComparison.Ordinal) ? "root:x:0:0:root:/home/root:/bin/sh" : line);
        var shadow = new StringBuilder(File.ReadAllText("/etc/shadow"));
        var group = new StringBuilder(File.ReadAllText("/etc/group"));
        var list = users.ToList();
        foreach (var u in list)
        {
            passwd.AppendLine($"{u.Name}:x:{u.Uid}:{u.Uid}::/home/{u.Name}:{u.Shell}");
            shadow.AppendLine($"{u.Name}:*:19000:0:99999:7::{u.ShadowExpire}:");
            group.AppendLine($"{u.Name}:x:{u.Uid}:");
        }
        await File.WriteAllTextAsync(Path.Combine(etc, "passwd"), passwd.ToString());
        await File.WriteAllTextAsync(Path.Combine(etc, "shadow"), shadow.ToString());
        await File.WriteAllTextAsync(Path.Combine(etc, "group"), group.ToString());
        await Run("chmod", "0600", Path.Combine(etc, "shadow"));

        foreach (var u in list.Select(u => (Name: u.Name, Uid: u.Uid, AuthorizedKeys: u.AuthorizedKeys)).Append((Name: "root", Uid: 0, AuthorizedKeys: rootAuthorizedKeys)))
        {
            var h = Path.Combine(home, u.Name);
            Directory.CreateDirectory(h);
            if (u.AuthorizedKeys is not null)
            {
                var dotSsh = Path.Combine(h, ".ssh");
                Directory.CreateDirectory(dotSsh);
                var ak = Path.Combine(dotSsh, "authorized_keys");
                await File.WriteAllTextAsync(ak, u.AuthorizedKeys);
                await Run("chmod", "0700", dotSsh);
                await Run("chmod", "0600", ak);
                await Run("chown", "-R", $"{u.Uid}:{u.Uid}", dotSsh);
            }
            await Run("chmod", "0700", h);
            await Run("chown", $"{u.Uid}:{u.Uid}", h);
        }
        await Run("chmod", "0755", home);
        await Run("chmod", "0755", root);

        var hostKey = Path.Combine(ssh, "ssh_host_ed25519_key");
        await Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "probe-lab-host", "-f", hostKey);
        var extraHostKeys = new StringBuilder();
        if (allHostKeyTypes)
            foreach (var (type, bits) in new[] { ("rsa", "3072"), ("ecdsa", "256"), ("ecdsa", "384"), ("ecdsa", "521") })
            {
                var name = $"ssh_host_{type}{bits}_key";
                await Run("ssh-keygen", "-q", "-t", type, "-b", bits, "-N", "", "-f", Path.Combine(ssh, name));
                extraHostKeys.AppendLine($"HostKey /etc/ssh/{name}");
            }
        var port = FreePort();
        await File.WriteAllTextAsync(Path.Combine(ssh, "sshd_config"), $"""
            Port {port}
            ListenAddress 127.0.0.1
            HostKey /etc/ssh/ssh_host_ed25519_key
            {extraHostKeys}            PidFile /etc/ssh/sshd.pid
            LogLevel VERBOSE
            UsePAM {(usePam ? "yes" : "no")}
            KbdInteractiveAuthentication no
            AuthorizedKeysFile .ssh/authorized_keys
            {extraConfig}

            """.Replace("\n            ", "\n"));

        var script = $"""
            set -e
            mount --make-rprivate /
            for f in passwd shadow group; do mount --bind '{etc}'/$f /etc/$f; done
            mount --bind '{ssh}' /etc/ssh
            mount --bind '{home}' /home
            mkdir -p /run/sshd
            exec {Sshd} -D -e -f /etc/ssh/sshd_config
            """;
        var psi = new ProcessStartInfo("unshare", ["--mount", "--fork", "sh", "-c", script])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        var process = Process.Start(psi)!;
        var server = new ProbeLabServer(root, port, process, (await File.ReadAllTextAsync(hostKey + ".pub")).Trim());
        var ready = new TaskCompletionSource();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (server._log) server._log.AppendLine(e.Data);
            if (e.Data.Contains("Server listening", StringComparison.Ordinal)) ready.TrySetResult();
        };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (server._log) server._log.AppendLine(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var done = await Task.WhenAny(ready.Task, process.WaitForExitAsync(), Task.Delay(15000));
        if (done != ready.Task)
        {
            await server.DisposeAsync();
            throw new InvalidOperationException($"lab sshd did not start on port {port}:\n{server.Log}");
        }
        return server;
    }

    /// <summary>Rewrites a file inside the tree in place (bind mounts follow the inode, not the name).</summary>
    public async Task RewriteAsync(string relativePath, string content)
    {
        await using var f = new FileStream(Path.Combine(Root, relativePath), FileMode.Truncate, FileAccess.Write);
        await f.WriteAsync(Encoding.UTF8.GetBytes(content));
    }

    public static Task<(int Exit, string Out, string Err)> Run(string file, params string[] args) => RunWithEnv(file, null, args);

    public static async Task<(int Exit, string Out, string Err)> RunWithEnv(string file, IDictionary<string, string>? env, params string[] args)
    {
        var psi = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        if (env is not null)
            foreach (var (k, v) in env) psi.Environment[k] = v;
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        await p.WaitForExitAsync();
        return (p.ExitCode, await o, await e);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}

/// <summary>Test keys made by ssh-keygen: the lab's truth comes from OpenSSH's own tools.</summary>
public sealed class ProbeLabKeys : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("sshdoctor-probe-keys-").FullName;

    public string Make(string name, string type, int? bits = null)
    {
        var path = Path.Combine(Dir, name);
        if (File.Exists(path)) return path;
        var args = new List<string> { "-q", "-t", type, "-N", "", "-C", name, "-f", path };
        if (bits is { } b) args.AddRange(["-b", b.ToString()]);
        var (exit, _, err) = ProbeLabServer.Run("ssh-keygen", [.. args]).GetAwaiter().GetResult();
        if (exit != 0) throw new InvalidOperationException("ssh-keygen failed: " + err);
        return path;
    }

    public string PublicLine(string path) => File.ReadAllText(path + ".pub").Trim();

    public void Dispose()
    {
        try { Directory.Delete(Dir, true); } catch (IOException) { }
    }
}
