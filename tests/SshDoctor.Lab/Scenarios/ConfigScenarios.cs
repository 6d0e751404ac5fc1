using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K/G. sshd_config: where keys are looked up, algorithms, methods, and what the session does.</summary>
public static class ConfigScenarios
{
    public static readonly Scenario[] All =
    [
        Refused("AUTHKEYS_FILE_CONFIG: absolute /etc/ssh/authorized_keys/%u, key only in ~/.ssh", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile /etc/ssh/authorized_keys/%u")),
        Refused("AUTHKEYS_FILE_CONFIG: unknown %-token in AuthorizedKeysFile", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/authorized_keys_%z"))
            with { LogHas = "percent_expand" },
        Refused("AUTHKEYS_FILE_CONFIG: AuthorizedKeysFile none", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile none")),

        Refused("PUBKEY_AUTH_DISABLED: PubkeyAuthentication no", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("PubkeyAuthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: in Match User alice", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("Match User alice\n    PubkeyAuthentication no")),

        Refused("KEY_ALGORITHM_REFUSED: PubkeyAcceptedAlgorithms without ed25519", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256"))
            with { LogHas = "not in PubkeyAcceptedAlgorithms" },
        Refused("KEY_ALGORITHM_REFUSED: '-ssh-ed25519' removes it from the default list", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms -ssh-ed25519*")),

        Refused("KEY_RSA_TOO_SMALL: RequiredRSASize 4096, 2048-bit key", "KEY_RSA_TOO_SMALL",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Rsa2048.Line + "\n", "0600", Alice, Alice).Config("RequiredRSASize 4096"))
            with { Key = () => LabKeys.Rsa2048 },

        Refused("AUTH_METHODS_REQUIRED: AuthenticationMethods publickey,password", "AUTH_METHODS_REQUIRED",
            t => t.Cast().Config("AuthenticationMethods publickey,password"))
            with { LogHas = "Partial publickey" },

        Accepted("SHELL_NOLOGIN (warning): nologin shell, key accepted, session refused", t => t.Cast(shell: "/usr/sbin/nologin"))
            with { SessionFails = true },
        Accepted("SHELL_NOLOGIN (warning): /bin/false shell", t => t.Cast(shell: "/bin/false"))
            with { SessionFails = true },
    ];
}
