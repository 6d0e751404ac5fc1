using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K/C. AuthorizedKeysCommand, a server that cannot start, and cloud-init's root key prefix.</summary>
public static class ServerScenarios
{
    private const string Akc = "/opt/lab/akc";

    /// <summary>alice's file holds another key; the command (run as nobody) is the only way the key can come.</summary>
    private static LabTree Command(this LabTree t, string? script, string mode = "0755", string runAs = "nobody", int gid = 0) =>
        (script is null ? t : t.Mkdir("/opt/lab").WriteFile(Akc, script, mode, 0, gid))
            .Cast().WriteFile(AliceKeys, LabKeys.Other.Line + "\n", "0600", Alice, Alice)
            .Config($"AuthorizedKeysCommand {Akc} %u\nAuthorizedKeysCommandUser {runAs}");

    private const string Output = Gaps.AuthorizedKeysCommandOutput;

    private static string Prints(LabKey key) => $"#!/bin/sh\necho '{key.Line}'\n";

    public static readonly Scenario[] All =
    [
        Accepted("trap: AuthorizedKeysCommand supplies the key", t => t.Command(Prints(LabKeys.Main))) with { KnownGap = Output },
        (Accepted("trap: AuthorizedKeysCommand root:root 0775 (Debian group rule: root's group has only root)",
            t => t.Command(Prints(LabKeys.Main), "0775")) with { KnownGap = Output })
            .On(Judge.Upstream, s => s with { Verdict = "refused", Blocking = ["AUTHKEYS_COMMAND"], KnownGap = null, LogHas = "Unsafe AuthorizedKeysCommand" }),
        Refused("AUTHKEYS_COMMAND: command does not exist", "AUTHKEYS_COMMAND", t => t.Command(null)),
        Refused("AUTHKEYS_COMMAND: command group-writable, group staff2", "AUTHKEYS_COMMAND",
            t => t.Command(Prints(LabKeys.Main), "0775", gid: SharedGid))
            with { LogHas = "Unsafe AuthorizedKeysCommand" },
        Refused("AUTHKEYS_COMMAND: command world-writable", "AUTHKEYS_COMMAND", t => t.Command(Prints(LabKeys.Main), "0757"))
            with { LogHas = "Unsafe AuthorizedKeysCommand" },
        Refused("AUTHKEYS_COMMAND: command fails (exit 1)", "AUTHKEYS_COMMAND", t => t.Command("#!/bin/sh\nexit 1\n"))
            with { LogHas = "failed, status 1", KnownGap = Output },
        Refused("AUTHKEYS_COMMAND: AuthorizedKeysCommandUser does not exist", "AUTHKEYS_COMMAND",
            t => t.Command(Prints(LabKeys.Main), runAs: "nosuchuser")),

        Refused("SSHD_CONFIG_INVALID: misspelt directive, sshd will not start", "SSHD_CONFIG_INVALID",
            t => t.Cast().DropIn("50-typo.conf", "PubkeyAuthenticaton yes"))
            with { SshdStarts = false, LogHas = "Bad configuration option" },
        Refused("SSHD_CONFIG_INVALID: a drop-in includes itself three times (sshd stops at 16 levels)", "SSHD_CONFIG_INVALID",
            t => t.Cast().DropIn("50-loop.conf", string.Concat(Enumerable.Repeat("Include /etc/ssh/sshd_config.d/50-loop.conf\n", 3))))
            with { SshdStarts = false, LogHas = "Too many recursive configuration includes" },
        Refused("SSHD_CONFIG_INVALID: two drop-ins include each other", "SSHD_CONFIG_INVALID",
            t => t.Cast().DropIn("60-a.conf", "Include /etc/ssh/sshd_config.d/*.conf\n").DropIn("61-b.conf", "Include /etc/ssh/sshd_config.d/60-a.conf\n"))
            with { SshdStarts = false, LogHas = "Too many recursive configuration includes" },
        Refused("SSHD_CONFIG_INVALID: bad value, sshd will not start", "SSHD_CONFIG_INVALID",
            t => t.Cast().Config("PermitRootLogin maybe"))
            with { SshdStarts = false },
        Refused("SSHD_HOST_KEYS_MISSING: no host key, sshd will not start", "SSHD_HOST_KEYS_MISSING",
            t => t.Cast().Remove("/etc/ssh/ssh_host_ed25519_key").Remove("/etc/ssh/ssh_host_ed25519_key.pub"))
            with { SshdStarts = false, LogHas = "no hostkeys available" },

        Accepted("CLOUD_INIT_ROOT_DISABLED: root's key carries cloud-init's command= (key accepted, session exits 142)",
            t => t.Cast().RootUser().WriteFile("/root/.ssh/authorized_keys",
                "no-port-forwarding,no-agent-forwarding,no-X11-forwarding,command=\"echo 'Please login as the user \\\"admin\\\" rather than the user \\\"root\\\".';echo;sleep 1;exit 142\" " +
                LabKeys.Main.Line + "\n", "0600"))
            with { User = "root", SessionFails = true },

        Accepted("trap: ChrootDirectory set, missing shell is not checked (session fails)",
            t => t.Cast(shell: "/bin/nosuchshell").Chown("/home/alice", 0, 0).Config("ChrootDirectory /home/alice"))
            with { SessionFails = true },
        Refused("USER_DENIED: Match Group staff2 sets DenyUsers", "USER_DENIED",
            t => t.Cast().AddGroup("staff2", SharedGid, "bob", "carol", "alice").Config("Match Group staff2\n    DenyUsers alice")),
        Accepted("trap: Match Group staff2 disables pubkey, alice not in staff2",
            t => t.Cast().Config("Match Group staff2\n    PubkeyAuthentication no")),
    ];
}
