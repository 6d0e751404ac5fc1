using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>A. Shadow and passwd variants under UsePAM yes and no, shells, uid-0 aliases, PermitRootLogin forms.</summary>
public static class AccountVariantScenarios
{
    /// <summary>toor: uid 0 under another name, home /home/toor (root's), the main key.</summary>
    private static LabTree Toor(this LabTree t) =>
        t.Cast().AddUser("toor", 0, 0, "/home/toor").Mkdir("/home/toor").Mkdir("/home/toor/.ssh", "0700")
            .WriteFile("/home/toor/.ssh/authorized_keys", LabKeys.Main.Line + "\n", "0600");

    private static Action<LabTree> Root(string permit, string keyOptions = "") => t =>
    {
        t.Cast().RootUser().Config("PermitRootLogin " + permit);
        if (keyOptions.Length > 0) t.WriteFile("/root/.ssh/authorized_keys", $"{keyOptions} {LabKeys.Main.Line}\n", "0600");
    };

    private static Scenario RootRefused(string name, Action<LabTree> setup) =>
        Refused("ROOT_LOGIN_REFUSED: " + name, "ROOT_LOGIN_REFUSED", setup) with { User = "root", LogHas = "ROOT LOGIN REFUSED" };

    private static Scenario RootAccepted(string name, Action<LabTree> setup) => Accepted("trap: root, " + name, setup) with { User = "root" };

    public static readonly Scenario[] All =
    [
        Refused("USER_LOCKED: UsePAM no, shadow '!!' (never set, Red Hat style)", "USER_LOCKED", t => t.Pam(false).Cast(shadowHash: "!!"))
            with { LogHas = "account is locked" },
        Accepted("trap: UsePAM yes, shadow '!!'", t => t.Cast(shadowHash: "!!")),
        Accepted("trap: UsePAM no, shadow '*LK*' (not a Linux lock)", t => t.Pam(false).Cast(shadowHash: "*LK*")),
        Accepted("trap: UsePAM no, empty password hash", t => t.Pam(false).Cast(shadowHash: "")),
        Accepted("trap: UsePAM yes, empty password hash", t => t.Cast(shadowHash: "")),
        Accepted("trap: UsePAM no, password inactive (sshd checks only the account expiry)",
            t => t.Pam(false).Cast().ShadowFields("alice", "19000:0:10:7:5::")),
        Accepted("trap: UsePAM no, last change 0 (only password logins are made to change it)",
            t => t.Pam(false).Cast().ShadowFields("alice", "0:0:99999:7:::")),
        Refused("USER_EXPIRED: UsePAM no, expired yesterday-ish (expire 20000)", "USER_EXPIRED",
            t => t.Pam(false).Cast().ShadowFields("alice", "19000:0:99999:7::20000:")) with { LogHas = "has expired" },
        Refused("USER_EXPIRED: UsePAM yes, expire day 1 with a '!' hash", "USER_EXPIRED", t => t.Cast(shadowHash: "!", expireDays: 1))
            with { LogHas = "by PAM account configuration" },
        Refused("USER_LOCKED: UsePAM no, '!' hash and an account expiry in the future", "USER_LOCKED",
            t => t.Pam(false).Cast(shadowHash: "!", expireDays: 40000)) with { LogHas = "account is locked" },

        Accepted("trap: shell not listed in /etc/shells (sshd does not read it)",
            t => t.Cast(shell: "/opt/lab/myshell").WriteFile("/opt/lab/myshell", "#!/bin/sh\nexec /bin/sh \"$@\"\n", "0755")
                .WriteFile("/etc/shells", "/bin/sh\n/bin/bash\n")),
        Refused("USER_SHELL_INVALID: relative shell path 'bash'", "USER_SHELL_INVALID", t => t.Cast(shell: "bash")),
        Accepted("trap: empty shell field (sshd uses /bin/sh)", t => t.Cast(shell: "")),
        Refused("USER_SHELL_INVALID: the shell is a directory", "USER_SHELL_INVALID",
            t => t.Cast(shell: "/opt/lab/shelldir").Mkdir("/opt/lab").Mkdir("/opt/lab/shelldir")),
        Accepted("SHELL_NOLOGIN (warning): /sbin/nologin (the judge's path)", t => t.Cast(shell: "/usr/sbin/nologin"))
            with { SessionFails = true },
        Refused("USER_UNKNOWN: user name in another case (Alice)", "USER_UNKNOWN", t => t.Cast()) with { User = "Alice", LogHas = "Invalid user Alice" },
        Accepted("trap: a second name for alice's uid (alice2, same home)",
            t => t.Cast().AddUser("alice2", Alice, Alice, "/home/alice")) with { User = "alice2" },

        RootAccepted("PermitRootLogin yes", Root("yes")),
        RootAccepted("PermitRootLogin prohibit-password", Root("prohibit-password")),
        RootAccepted("PermitRootLogin forced-commands-only, restrict,command=", Root("forced-commands-only", "restrict,command=\"true\"")),
        RootRefused("PermitRootLogin NO (values are case-insensitive)", Root("NO")),
        RootRefused("PermitRootLogin no inside Match User root", t => t.Cast().RootUser().Config("Match User root\n    PermitRootLogin no")),
        RootAccepted("PermitRootLogin no inside Match Address 10.0.0.0/8",
            t => t.Cast().RootUser().Config("Match Address 10.0.0.0/8\n    PermitRootLogin no")),
        RootAccepted("drop-in PermitRootLogin prohibit-password before sshd_config's no",
            t => Root("no")(t.DropIn("10-root.conf", "PermitRootLogin prohibit-password"))),
        Accepted("trap: PermitRootLogin no does not concern alice", t => t.Cast().Config("PermitRootLogin no")),
        Refused("ROOT_LOGIN_REFUSED: uid-0 alias toor, PermitRootLogin no", "ROOT_LOGIN_REFUSED",
            t => t.Toor().Config("PermitRootLogin no")) with { User = "toor", LogHas = "ROOT LOGIN REFUSED" },
        Accepted("trap: uid-0 alias toor, default PermitRootLogin", t => t.Toor()) with { User = "toor" },
        Refused("ROOT_LOGIN_REFUSED: uid-0 alias toor, forced-commands-only without command=", "ROOT_LOGIN_REFUSED",
            t => t.Toor().Config("PermitRootLogin forced-commands-only")) with { User = "toor", LogHas = "ROOT LOGIN REFUSED" },
        RootAccepted("/etc/nologin with UsePAM no", t => Root("yes")(t.Pam(false).Nologin())),
    ];
}
