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

        if (cfg.UsePam.Value) PamAccountStage(ctx, account, ev);

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

    /// <summary>
    /// pam_unix's account stage (check_shadow_expiry), after the key is accepted: an expired account or an
    /// inactive password refuses; a password that must change lets the key in and needs a terminal.
    /// </summary>
    private static void PamAccountStage(TargetContext ctx, Account account, Evidence ev)
    {
        var user = account.Name;
        var shadow = ctx.Accounts.Shadow(user);
        if (shadow is null)
        {
            // "x" makes pam_unix look the account up in shadow; without an entry it cannot vouch for it.
            if (account.PasswordField == "x")
                ev.Add(FindingId.PAM_ACCOUNT_DENIED, Severity.Blocking, "/etc/shadow", [], ("user", user), ("reason", "@pam.reason.no_shadow"));
            return;
        }
        var today = ctx.Now.ToUnixTimeSeconds() / 86400;
        if (shadow.Expire is { } expire && today >= expire)
        {
            ev.Add(FindingId.USER_EXPIRED, Severity.Blocking, null, [ctx.Shell.ClearExpiry(user)], ("user", user), ("date", AccountGate.DayToDate(expire)));
            return;
        }
        // The command is written only into a finding: made when one is reported (most accounts have none).
        string ChangeNow() => ctx.Shell.SetLastChange(user, ctx.Now);
        if (shadow.LastChange == 0)
        {
            ev.Add(FindingId.PASSWORD_CHANGE_REQUIRED, Severity.Warning, null, [ChangeNow()], ("user", user), ("reason", "@pam.reason.lastchg_zero"));
            return;
        }
        // -1 or an empty field: no limit.
        if (shadow.LastChange is not { } last || today < last || shadow.MaxAge is not ({ } max and >= 0)) return;
        var age = today - last;
        if (shadow.Inactive is { } inactive && inactive >= 0 && age > max + inactive)
            ev.Add(FindingId.PAM_ACCOUNT_DENIED, Severity.Blocking, null, [ChangeNow()], ("user", user), ("reason", "@pam.reason.inactive"));
        else if (age > max)
            ev.Add(FindingId.PASSWORD_CHANGE_REQUIRED, Severity.Warning, null, [ChangeNow()], ("user", user), ("reason", "@pam.reason.max_age"));
    }

    [GeneratedRegex("Please login as the user \\\\?\"?([A-Za-z0-9._-]+)")]
    private static partial Regex CloudInitMessage();
}
