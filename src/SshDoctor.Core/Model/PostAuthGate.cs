using System.Text.RegularExpressions;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>After the key is accepted: PermitRootLogin, the PAM account stage, nologin, what the session does.</summary>
public static partial class PostAuthGate
{
    public static void Run(TargetContext ctx, EffectiveConfig cfg, Account account, AuthorizedKeyLine? line, Evidence ev)
    {
        if (account.Uid == 0)
        {
            var permit = cfg.PermitRootLogin;
            var forced = line?.Options.Command is not null;
            var refused = permit.Value.ToLowerInvariant() switch
            {
                "no" => true,
                "forced-commands-only" => line is not null && !forced,
                _ => false,
            };
            if (refused)
                ev.Add(FindingId.ROOT_LOGIN_REFUSED, Severity.Blocking, permit.Source?.File, [],
                    ("user", account.Name), ("value", permit.Value));
            if (line?.Options.Command is { } command && CloudInitMessage().Match(command) is { Success: true } m)
                // The key is accepted; the forced command ends the session (exit 142), like a nologin shell.
                ev.Add(FindingId.CLOUD_INIT_ROOT_DISABLED, Severity.Warning, null, [],
                    ("user", m.Groups[1].Value), ("path", account.Home.TrimEnd('/') + "/.ssh/authorized_keys"));
        }

        var today = ctx.Now.ToUnixTimeSeconds() / 86400;
        var shadow = ctx.Accounts.Shadow(account.Name);
        if (cfg.UsePam.Value && shadow is not null)
        {
            // pam_unix's account stage: expired on the expiry day itself; lastchg 0 forces a password change
            // that a non-interactive session cannot do.
            if (shadow.Expire is { } expire && today >= expire)
                ev.Add(FindingId.USER_EXPIRED, Severity.Blocking, null, [ctx.Shell.ClearExpiry(account.Name)],
                    ("user", account.Name), ("date", AccountGate.DayToDate(expire)));
            else if (shadow.LastChange == 0)
                ev.Add(FindingId.USER_EXPIRED, Severity.Blocking, null, [ctx.Shell.SetLastChange(account.Name, ctx.Now)],
                    ("user", account.Name), ("date", "1970-01-01"));
        }

        if (account.Uid != 0)
        {
            var nologin = cfg.UsePam.Value ? new[] { "/etc/nologin", "/run/nologin", "/var/run/nologin" } : ["/etc/nologin"];
            foreach (var path in nologin)
                if (ctx.Root.Stat(path).Exists)
                {
                    // With PAM, pam_nologin refuses the login; without it sshd accepts the key and the session
                    // prints the file and exits 254, like a nologin shell.
                    ev.Add(FindingId.NOLOGIN_FILE, cfg.UsePam.Value ? Severity.Blocking : Severity.Warning, path, [ctx.Shell.Remove(path)], ("user", account.Name));
                    break;
                }
        }

        var shell = Shells.Of(account);
        if (Shells.IsNoLogin(shell) && Shells.IsUsable(ctx.Root, shell, out _))
            ev.Add(FindingId.SHELL_NOLOGIN, Severity.Warning, null, [ctx.Shell.UserMod("-s " + HostShell.Quote(Shells.Preferred(ctx.Root)), account.Name)],
                ("user", account.Name), ("shell", shell));
    }

    [GeneratedRegex("Please login as the user \\\\?\"?([A-Za-z0-9._-]+)")]
    private static partial Regex CloudInitMessage();
}
