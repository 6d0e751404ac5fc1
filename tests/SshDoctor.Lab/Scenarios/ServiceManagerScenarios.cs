using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// C/V. What the service manager starts sshd with is configuration: a systemd drop-in's ExecStart `-o`, Debian's
/// /etc/default/ssh SSHD_OPTS. The lab starts the real sshd with the options the tree's unit gives (read with the
/// model's own ServiceOptions, RealSshd.WriteServiceOptions), so sshd and check see the same command line.
/// </summary>
public static class ServiceManagerScenarios
{
    private const string Unit = "/lib/systemd/system/ssh.service";
    private const string DropIns = "/etc/systemd/system/ssh.service.d";

    /// <summary>Debian's unit: EnvironmentFile=-/etc/default/ssh, ExecStart=/usr/sbin/sshd -D $SSHD_OPTS.</summary>
    private static LabTree DebianUnit(this LabTree t, string sshdOpts = "") =>
        t.WriteFile(Unit, "[Unit]\nDescription=OpenBSD Secure Shell server\n\n[Service]\nEnvironmentFile=-/etc/default/ssh\n" +
                          "ExecStartPre=/usr/sbin/sshd -t\nExecStart=/usr/sbin/sshd -D $SSHD_OPTS\nType=notify\n\n[Install]\nWantedBy=multi-user.target\n")
            .WriteFile("/etc/default/ssh", $"# Options to pass to sshd\nSSHD_OPTS={sshdOpts}\n");

    private static LabTree DropIn(this LabTree t, string execStart) =>
        t.WriteFile(DropIns + "/override.conf", $"[Service]\nExecStart=\nExecStart={execStart}\n");

    public static readonly Scenario[] All =
    [
        Refused("service: drop-in ExecStart -o PubkeyAuthentication=no", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DebianUnit().DropIn("/usr/sbin/sshd -D $SSHD_OPTS -o PubkeyAuthentication=no")),
        Refused("service: drop-in -o \"AuthorizedKeysFile .ssh/authorized_keys2\", key in authorized_keys", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().DebianUnit().DropIn("/usr/sbin/sshd -D -o \"AuthorizedKeysFile .ssh/authorized_keys2\"")),
        Refused("service: /etc/default/ssh SSHD_OPTS=\"-o PubkeyAuthentication=no\"", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DebianUnit("\"-o PubkeyAuthentication=no\"")),
        // -o comes before the config file: its value wins over sshd_config's own AuthorizedKeysFile line.
        Accepted("trap: sshd_config names authorized_keys2, the unit's -o AuthorizedKeysFile names authorized_keys",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/authorized_keys2").DebianUnit()
                .DropIn("/usr/sbin/sshd -D $SSHD_OPTS -oAuthorizedKeysFile=%%h/.ssh/authorized_keys")),
    ];
}
