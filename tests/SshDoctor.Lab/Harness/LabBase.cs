using System.Text;

namespace SshDoctor.Lab.Harness;

/// <summary>What every tree starts with, copied from (or modelled on) the host that runs the real sshd.</summary>
internal static class LabBase
{
    /// <summary>Shells that exist and are executable on the host, so T carries executable stubs for them.</summary>
    public static readonly string[] HostShells = ["/usr/bin/bash", "/usr/bin/sh", "/usr/bin/dash", "/usr/bin/false", "/usr/bin/true", "/usr/sbin/nologin"];

    private static readonly Lazy<string> DpkgStanza = new(() =>
    {
        var text = File.ReadAllText("/var/lib/dpkg/status");
        var stanza = text.Split("\n\n").FirstOrDefault(s => s.StartsWith("Package: openssh-server\n", StringComparison.Ordinal));
        return (stanza ?? "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2+deb12u10").TrimEnd('\n') + "\n\n";
    });

    public static void Populate(LabTree t)
    {
        Directory.CreateDirectory(t.Root);
        File.SetUnixFileMode(t.Root, Modes.Parse("0755"));
        foreach (var d in new[] { "/etc", "/usr", "/usr/bin", "/usr/sbin", "/var", "/var/lib", "/var/lib/dpkg", "/home", "/opt", "/run", "/tmp" })
            t.Mkdir(d);
        t.Chmod("/tmp", "1777");
        t.Mkdir("/root", "0700");
        t.Symlink("/bin", "usr/bin").Symlink("/sbin", "usr/sbin").Symlink("/lib", "usr/lib");
        foreach (var shell in HostShells)
            if (File.Exists(shell)) t.WriteFile(shell, "#!/bin/sh\n# stub: the host's real file is what sshd sees\n", "0755");
        t.WriteFile("/etc/os-release", File.ReadAllBytes("/etc/os-release"));
        t.WriteFile("/var/lib/dpkg/status", DpkgStanza.Value);
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
