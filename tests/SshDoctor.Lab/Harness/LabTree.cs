using System.Text;

namespace SshDoctor.Lab.Harness;

/// <summary>
/// A target root tree T under /tmp/sshdoctor-lab/run-PID/: the host's account files plus test users, an
/// sshd_config (+ sshd_config.d/), homes with real numeric owners and modes, stub shells, os-release and
/// dpkg status, so that `check --root T` and the real sshd (with T bind-mounted over /) see the same world.
/// File operations apply at once; account files and sshd_config are written by <see cref="Finish"/>.
/// Paths are as seen from inside the target ("/home/alice").
/// </summary>
public sealed class LabTree : IDisposable
{
    private readonly List<LabAccount> _users = [];
    private readonly List<(string Name, int Gid, List<string> Members)> _groups = [];
    private readonly StringBuilder _config = new();

    public string Name { get; }
    /// <summary>The tree's directory on the host (what --root gets).</summary>
    public string Root { get; }
    public bool UsePam { get; private set; } = true;
    /// <summary>VERBOSE unless SSHDOCTOR_LAB_LOGLEVEL says otherwise (DEBUG3 shows why sshd skipped a line).</summary>
    public string LogLevel { get; private set; } = Environment.GetEnvironmentVariable("SSHDOCTOR_LAB_LOGLEVEL") is { Length: > 0 } l ? l : "VERBOSE";
    public int Port { get; private set; }
    /// <summary>The sshd build that judges this tree; the tree is dressed as its system (os-release, package version).</summary>
    public Judge Judge { get; }

    private LabTree(string name, Judge judge)
    {
        Name = name;
        Judge = judge;
        Root = Path.Combine(LabRun.NewTreeDir(name), "T");
        LabBase.Populate(this);
    }

    /// <summary>A tree judged by <paramref name="judge"/> (default: the machine's sshd).</summary>
    public static LabTree Create(string name, Judge? judge = null) => new(name, judge ?? Judge.Machine);

    /// <summary>Host path of a target path.</summary>
    public string HostPath(string targetPath) => Path.Combine(Root, targetPath.TrimStart('/'));

    // ---- accounts -------------------------------------------------------------------------------------------

    public LabTree AddUser(string name, int uid, int gid, string? home = null, string shell = "/bin/bash",
        string shadowHash = "*", long? expireDays = null, params string[] groups)
    {
        _users.RemoveAll(u => u.Name == name);
        _users.Add(new LabAccount(name, uid, gid, home ?? "/home/" + name, shell, shadowHash, expireDays));
        foreach (var g in groups) _groups.First(x => x.Name == g).Members.Add(name);
        return this;
    }

    public LabTree AddGroup(string name, int gid, params string[] members)
    {
        _groups.RemoveAll(g => g.Name == name);
        _groups.Add((name, gid, [.. members]));
        return this;
    }

    public LabAccount User(string name) => _users.First(u => u.Name == name);

    /// <summary>The test accounts added so far (the host's own accounts are not listed).</summary>
    public IReadOnlyList<LabAccount> Users => _users;

    // ---- files ----------------------------------------------------------------------------------------------

    public LabTree Mkdir(string path, string mode = "0755", int uid = 0, int gid = 0)
    {
        var host = HostPath(path);
        Directory.CreateDirectory(host);
        return Own(host, mode, uid, gid);
    }

    public LabTree WriteFile(string path, string content, string mode = "0644", int uid = 0, int gid = 0) =>
        WriteFile(path, Encoding.UTF8.GetBytes(content), mode, uid, gid);

    /// <summary>Writes bytes (rewrites content in place: never renames, so bind mounts stay valid).</summary>
    public LabTree WriteFile(string path, byte[] content, string mode = "0644", int uid = 0, int gid = 0)
    {
        var host = HostPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(host)!);
        using (var fs = new FileStream(host, FileMode.Create, FileAccess.Write)) fs.Write(content);
        return Own(host, mode, uid, gid);
    }

    public LabTree Chmod(string path, string mode)
    {
        File.SetUnixFileMode(HostPath(path), Modes.Parse(mode));
        return this;
    }

    public LabTree Chown(string path, int uid, int gid)
    {
        Posix.Chown(HostPath(path), uid, gid);
        return this;
    }

    public LabTree Symlink(string path, string target)
    {
        File.CreateSymbolicLink(HostPath(path), target);
        return this;
    }

    public LabTree Remove(string path)
    {
        var host = HostPath(path);
        if (Directory.Exists(host) && !File.GetAttributes(host).HasFlag(FileAttributes.ReparsePoint)) Directory.Delete(host, true);
        else if (File.Exists(host) || Directory.Exists(host)) File.Delete(host);
        return this;
    }

    private LabTree Own(string host, string mode, int uid, int gid)
    {
        File.SetUnixFileMode(host, Modes.Parse(mode));
        Posix.Chown(host, uid, gid);
        return this;
    }

    // ---- sshd configuration ---------------------------------------------------------------------------------

    /// <summary>Appends lines to the body of /etc/ssh/sshd_config (after the lab header).</summary>
    public LabTree Config(string text)
    {
        _config.Append(text.TrimEnd('\n')).Append('\n');
        return this;
    }

    /// <summary>Writes /etc/ssh/sshd_config.d/NAME (included at the top of sshd_config, as on Debian).</summary>
    public LabTree DropIn(string name, string text) => WriteFile("/etc/ssh/sshd_config.d/" + name, text.TrimEnd('\n') + "\n");

    public LabTree Pam(bool usePam) { UsePam = usePam; return this; }

    /// <summary>The header's ListenAddress (127.0.0.1 for the judges); null leaves it out, so sshd listens on every address
    /// as on a real host (an EC2 emulator instance in its own network namespace).</summary>
    public string? ListenAddress { get; private set; } = "127.0.0.1";
    public LabTree Listen(string? address) { ListenAddress = address; return this; }

    /// <summary>Options for the lab's ssh client (e.g. "-o", "PubkeyAcceptedAlgorithms=ssh-rsa" to sign as PuTTY 0.74 does).</summary>
    public LabTree ClientArgs(params string[] args)
    {
        File.WriteAllLines(Root + ".ssh-args", args);
        return this;
    }

    private readonly Dictionary<string, string?> _shadowFields = [];

    /// <summary>
    /// The user's shadow fields after the hash ("lastchg:min:max:warn:inactive:expire:"), or null for no shadow
    /// entry at all; written by <see cref="Finish"/>.
    /// </summary>
    public LabTree ShadowFields(string user, string? fields) { _shadowFields[user] = fields; return this; }
    public LabTree Log(string level) { LogLevel = level; return this; }

    /// <summary>/etc/nologin in the target (the lab mirrors it to /run/nologin for pam_nologin).</summary>
    public LabTree Nologin() => WriteFile("/etc/nologin", "System is going down for maintenance.\n");

    /// <summary>Writes the account files and sshd_config; called by the runner with the port sshd listens on.</summary>
    public void Finish(int port)
    {
        Port = port;
        LabBase.WriteAccounts(this, _users, _groups, _shadowFields);
        var header =
            $"# sshdoctor lab tree: {Name}\n" +
            "Include /etc/ssh/sshd_config.d/*.conf\n" +
            $"Port {port}\n{(ListenAddress is { } listen ? $"ListenAddress {listen}\n" : "")}HostKey /etc/ssh/ssh_host_ed25519_key\nPidFile none\n" +
            $"LogLevel {LogLevel}\n";
        // Debian's defaults go right after the header so that a trailing Match block in the body cannot
        // swallow them; UsePAM is therefore set with Pam(), not in the body (first value wins).
        var body = _config.ToString();
        var defaults = $"UsePAM {(UsePam ? "yes" : "no")}\nKbdInteractiveAuthentication no\n";
        WriteFile("/etc/ssh/sshd_config", header + defaults + body, "0644");
    }

    public void Dispose()
    {
        if (LabRun.Keep) return;
        try { Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

public sealed record LabAccount(string Name, int Uid, int Gid, string Home, string Shell, string ShadowHash, long? ExpireDays);
