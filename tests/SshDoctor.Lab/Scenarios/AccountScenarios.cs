using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>A. The account gate: sshd treats the user as invalid or not allowed.</summary>
public static class AccountScenarios
{
    public static readonly Scenario[] All =
    [
        Accepted("baseline: healthy account, key in ~/.ssh/authorized_keys", t => t.Cast()),

        Refused("USER_UNKNOWN: typo in the user name", "USER_UNKNOWN", t => t.Cast())
            with { User = "alcie", LogHas = "Invalid user alcie" },

        Refused("USER_LOCKED: UsePAM no, shadow '!'", "USER_LOCKED", t => t.Pam(false).Cast(shadowHash: "!"))
            with { LogHas = "account is locked" },
        Refused("USER_LOCKED: UsePAM no, shadow '!$6$…'", "USER_LOCKED", t => t.Pam(false).Cast(shadowHash: "!$6$salt$hash"))
            with { LogHas = "account is locked" },

        Refused("USER_EXPIRED: UsePAM no, account expired", "USER_EXPIRED", t => t.Pam(false).Cast(expireDays: 1))
            with { LogHas = "has expired" },
        Refused("USER_EXPIRED: UsePAM yes, key accepted then PAM account stage refuses", "USER_EXPIRED", t => t.Cast(expireDays: 1))
            with { LogHas = "by PAM account configuration" },

        Refused("USER_SHELL_INVALID: shell does not exist", "USER_SHELL_INVALID", t => t.Cast(shell: "/bin/nosuchshell"))
            with { LogHas = "does not exist" },
        Refused("USER_SHELL_INVALID: shell not executable", "USER_SHELL_INVALID",
            t => t.Cast(shell: "/opt/lab/shell").WriteFile("/opt/lab/shell", "#!/bin/sh\n", "0644"))
            with { LogHas = "is not executable" },

        Refused("USER_DENIED: DenyUsers alice (drop-in)", "USER_DENIED", t => t.Cast().DropIn("50-deny.conf", "DenyUsers alice"))
            with { LogHas = "listed in DenyUsers" },
        Refused("USER_DENIED: AllowUsers lists only bob (drop-in)", "USER_DENIED", t => t.Cast().DropIn("50-allow.conf", "AllowUsers bob"))
            with { LogHas = "not listed in AllowUsers" },
        Refused("USER_DENIED: AllowUsers alice@10.9.8.7 (other host)", "USER_DENIED",
            t => t.Cast().DropIn("50-allow.conf", "AllowUsers alice@10.9.8.7 bob"))
            with { LogHas = "not listed in AllowUsers" },
        Refused("USER_DENIED: DenyUsers *@127.0.0.1", "USER_DENIED", t => t.Cast().DropIn("50-deny.conf", "DenyUsers *@127.0.0.1"))
            with { LogHas = "listed in DenyUsers" },
        Refused("USER_DENIED: DenyGroups with a supplementary group", "USER_DENIED",
            t => t.Cast().AddGroup("staff2", LabUsers.SharedGid, "bob", "carol", "alice").DropIn("50-deny.conf", "DenyGroups staff2"))
            with { LogHas = "DenyGroups" },
        Refused("USER_DENIED: AllowGroups without alice's groups", "USER_DENIED",
            t => t.Cast().DropIn("50-allow.conf", "AllowGroups staff2"))
            with { LogHas = "AllowGroups" },

        Refused("ROOT_LOGIN_REFUSED: PermitRootLogin no", "ROOT_LOGIN_REFUSED",
            t => t.Cast().RootUser().Config("PermitRootLogin no"))
            with { User = "root", LogHas = "ROOT LOGIN REFUSED" },
        Refused("ROOT_LOGIN_REFUSED: forced-commands-only without command=", "ROOT_LOGIN_REFUSED",
            t => t.Cast().RootUser().Config("PermitRootLogin forced-commands-only"))
            with { User = "root", LogHas = "ROOT LOGIN REFUSED" },

        Refused("NOLOGIN_FILE: /etc/nologin with UsePAM yes", "NOLOGIN_FILE", t => t.Cast().Nologin())
            with { LogHas = "by PAM account configuration" },
        Refused("NOLOGIN_FILE: /run/nologin with UsePAM yes", "NOLOGIN_FILE", t => t.Cast().WriteFile("/run/nologin", "maintenance\n"))
            with { LogHas = "by PAM account configuration" },
        Accepted("trap: /etc/nologin with UsePAM no: the key is accepted, the session ends", t => t.Pam(false).Cast().Nologin())
            with { SessionFails = true },
    ];
}
