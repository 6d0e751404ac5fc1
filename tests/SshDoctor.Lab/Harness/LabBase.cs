using System.Text;

namespace SshDoctor.Lab.Harness;

/// <summary>What every tree starts with, copied from (or modelled on) the host that runs the real sshd.</summary>
internal static class LabBase
{
    /// <summary>Login shells the scenarios use; a tree carries an executable stub for each one its judge has.</summary>
    private static readonly string[] Shells =
        ["/bin/bash", "/bin/sh", "/bin/dash", "/bin/false", "/bin/true", "/usr/bin/bash", "/usr/bin/sh", "/usr/bin/dash",
         "/usr/bin/false", "/usr/bin/true", "/usr/sbin/nologin", "/sbin/nologin"];

    private static readonly Dictionary<string, string> DpkgStanzas = [];

    /// <summary>The judge's openssh-server entry of dpkg's status (what `check` reads to know the version).</summary>
    private static string DpkgStanza(Judge judge)
    {
        lock (DpkgStanzas)
        {
            if (DpkgStanzas.TryGetValue(judge.Name, out var cached)) return cached;
            var text = File.ReadAllText(judge.FsPath("/var/lib/dpkg/status"));
            var stanza = text.Split("\n\n").FirstOrDefault(s => s.StartsWith("Package: openssh-server\n", StringComparison.Ordinal))
                ?? throw new InvalidOperationException($"judge {judge.Name}: no openssh-server in its dpkg status");
            return DpkgStanzas[judge.Name] = stanza.TrimEnd('\n') + "\n\n";
        }
    }

    /// <summary>
    /// An upstream build stands for a system without Debian's patches and without a package database: the tree's
    /// os-release names no distribution (systemd's default ID "linux") and its /usr/sbin/sshd is the judge's binary,
    /// whose "OpenSSH_X.YpZ" string is how `check` learns the version.
    /// </summary>
    private static string UpstreamOsRelease(Judge judge) =>
        $"NAME=\"Linux\"\nID=linux\nPRETTY_NAME=\"Linux (upstream OpenSSH {judge.Version}, sshdoctor lab)\"\n";

    public static void Populate(LabTree t)
    {
        var judge = t.Judge;
        Directory.CreateDirectory(t.Root);
        File.SetUnixFileMode(t.Root, Modes.Parse("0755"));
        foreach (var d in new[] { "/etc", "/usr", "/usr/bin", "/usr/sbin", "/usr/lib", "/var", "/var/lib", "/home", "/opt", "/run", "/tmp", "/srv" })
            t.Mkdir(d);
        t.Chmod("/tmp", "1777");
        t.Mkdir("/root", "0700");
        // The judge's layout: merged /usr (bookworm, trixie: /bin is a link) or not (bullseye's chroot).
        if (new DirectoryInfo(judge.FsPath("/bin")).LinkTarget is not null)
            t.Symlink("/bin", "usr/bin").Symlink("/sbin", "usr/sbin").Symlink("/lib", "usr/lib");
        else
            t.Mkdir("/bin").Mkdir("/sbin").Mkdir("/lib");
        foreach (var shell in Shells)
            if (File.Exists(judge.FsPath(shell)) && !File.Exists(t.HostPath(shell)))
                t.WriteFile(shell, "#!/bin/sh\n# stub: the judge's real file is what sshd sees\n", "0755");
        if (judge.IsUpstream)
        {
            t.WriteFile("/etc/os-release", UpstreamOsRelease(judge));
            t.WriteFile("/usr/sbin/sshd", File.ReadAllBytes(judge.Sshd), "0755");
        }
        else
        {
            t.WriteFile("/etc/os-release", File.ReadAllBytes(judge.FsPath("/etc/os-release")));
            t.Mkdir("/var/lib/dpkg").WriteFile("/var/lib/dpkg/status", DpkgStanza(judge));
        }
        t.Mkdir("/etc/ssh").Mkdir("/etc/ssh/sshd_config.d");
        t.WriteFile("/etc/ssh/ssh_host_ed25519_key", File.ReadAllBytes(LabKeys.Host.PrivatePath), "0600");
        t.WriteFile("/etc/ssh/ssh_host_ed25519_key.pub", File.ReadAllBytes(LabKeys.Host.PublicPath));
    }

    public static void WriteAccounts(LabTree t, List<LabAccount> users, List<(string Name, int Gid, List<string> Members)> groups,
        IReadOnlyDictionary<string, string?>? shadowFields = null)
    {
        var names = users.Select(u => u.Name).ToHashSet();
        var gnames = groups.Select(g => g.Name).ToHashSet();
        var passwd = new StringBuilder();
        foreach (var line in HostLines("/etc/passwd")) if (!names.Contains(line.Split(':')[0])) passwd.Append(line).Append('\n');
        foreach (var u in users) passwd.Append($"{u.Name}:x:{u.Uid}:{u.Gid}:lab user:{u.Home}:{u.Shell}\n");

        var shadow = new StringBuilder();
        foreach (var line in HostLines("/etc/shadow")) if (!names.Contains(line.Split(':')[0])) shadow.Append(line).Append('\n');
        // last change 19000 days (2022): never "must change password now"; expire field in days since 1970.
        foreach (var u in users)
        {
            if (shadowFields is not null && shadowFields.TryGetValue(u.Name, out var fields))
            {
                if (fields is not null) shadow.Append($"{u.Name}:{u.ShadowHash}:{fields}\n");
                continue;
            }
            shadow.Append($"{u.Name}:{u.ShadowHash}:19000:0:99999:7::{u.ExpireDays?.ToString() ?? ""}:\n");
        }

        var group = new StringBuilder();
        foreach (var line in HostLines("/etc/group")) if (!gnames.Contains(line.Split(':')[0])) group.Append(line).Append('\n');
        foreach (var g in groups) group.Append($"{g.Name}:x:{g.Gid}:{string.Join(',', g.Members)}\n");

        t.WriteFile("/etc/passwd", passwd.ToString(), "0644");
        t.WriteFile("/etc/shadow", shadow.ToString(), "0640", 0, ShadowGid);
        t.WriteFile("/etc/group", group.ToString(), "0644");
    }

    private static int ShadowGid =>
        HostLines("/etc/group").Select(l => l.Split(':')).Where(f => f[0] == "shadow").Select(f => int.Parse(f[2])).FirstOrDefault();

    private static IEnumerable<string> HostLines(string path) =>
        File.ReadAllLines(path).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
