using SshDoctor.Core.Findings;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>SELinux: when the target enforces it, ~/.ssh and authorized_keys need the ssh_home_t label.</summary>
public static class SecurityContext
{
    private static readonly string[] WrongTypes = ["admin_home_t", "user_tmp_t", "default_t", "unlabeled_t", "tmp_t", "user_home_t"];

    public static void Run(TargetContext ctx, Account account, Evidence ev)
    {
        if (!ctx.SelinuxEnforcing) return;
        var ssh = account.Home.TrimEnd('/') + "/.ssh";
        foreach (var path in new[] { ssh, ssh + "/authorized_keys" })
        {
            var real = ctx.Root.RealPath(path);
            if (real is null || ctx.Root.Door.Xattr(real, "security.selinux") is not { } label) continue;
            var type = label.Split(':').ElementAtOrDefault(2) ?? "";
            if (WrongTypes.Contains(type))
            {
                ev.Add(FindingId.SELINUX_LABEL, Severity.Blocking, path, [ctx.Shell.RestoreLabels(ssh)], ("label", label));
                return;
            }
        }
    }

    internal static bool Enforcing(TargetRoot root)
    {
        var config = root.ReadText("/etc/selinux/config", 64 * 1024);
        if (config is null) return false;
        return config.Split('\n').Any(l => l.Trim().Replace(" ", "").Equals("SELINUX=enforcing", StringComparison.OrdinalIgnoreCase));
    }
}
