using SshDoctor.Core.Findings;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>Checks about the server itself, independent of the user: config validity, host keys, disk.</summary>
public static class ServerState
{
    private static readonly string[] DefaultHostKeys =
        ["/etc/ssh/ssh_host_rsa_key", "/etc/ssh/ssh_host_ecdsa_key", "/etc/ssh/ssh_host_ed25519_key"];

    public static IReadOnlyList<Finding> Run(TargetContext ctx)
    {
        var ev = new Evidence();
        foreach (var error in ctx.Config.Errors)
            ev.Add(FindingId.SSHD_CONFIG_INVALID, Severity.Blocking, error.Source.File, [ctx.Shell.OnRescueHost ? ctx.Shell.ShowLine(error.Source.Line, error.Source.File) : "sshd -t"],
                ("line", error.Source.Line.ToString()), ("problem", error.Problem));

        var configured = ctx.Config.Entries.Where(e => e.Keyword == "hostkey" && e.Block == -1).Select(e => e.Args[0]).ToList();
        var hostKeys = configured.Count > 0 ? configured : DefaultHostKeys.ToList();
        if (!hostKeys.Any(k => UsableHostKey(ctx.Root, k)))
        {
            // Fedora/RHEL/Amazon Linux run sshd-keygen before sshd and create missing host keys at boot.
            var regenerated = ctx.Root.Stat("/usr/libexec/openssh/sshd-keygen").Kind == FileKind.Regular;
            if (!regenerated)
                ev.Add(FindingId.SSHD_HOST_KEYS_MISSING, Severity.Blocking, hostKeys[0], [ctx.Shell.HostKeys, .. ctx.Shell.Reload]);
        }

        foreach (var path in new[] { "/home", "/var" })
            if (IsFull(ctx.Root, path))
            {
                ev.Add(FindingId.DISK_FULL, Severity.Warning, path, [$"df -h {ctx.Shell.Path(path)}"]);
                break;
            }
        return ev.Findings;
    }

    /// <summary>sshd ignores a private host key that others can read (sshkey_perm_ok).</summary>
    private static bool UsableHostKey(TargetRoot root, string path)
    {
        var meta = root.Stat(path);
        return meta.Kind == FileKind.Regular && meta.Size > 0 && !(meta.Uid == 0 && (meta.Mode & 0x3F) != 0);
    }

    private static bool IsFull(TargetRoot root, string path)
    {
        var real = root.RealPath(path);
        // fstatfs on the directory's descriptor, opened through the door.
        return real is not null && root.Door.Space(real) is { Total: > 0, Available: 0 };
    }
}
