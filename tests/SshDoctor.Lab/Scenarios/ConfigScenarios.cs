using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K/G. sshd_config: where keys are looked up, algorithms, methods, and what the session does.</summary>
public static class ConfigScenarios
{
    /// <summary>alice's file holds <paramref name="key"/>; the config adds <paramref name="config"/>.</summary>
    private static Action<LabTree> Rsa(LabKey key, string config) =>
        t => t.Cast().WriteFile(AliceKeys, key.Line + "\n", "0600", Alice, Alice).Config(config);

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

        Refused("PUBKEY_AUTH_DISABLED: drop-ins in lexical order, 10-off.conf before 20-on.conf", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().DropIn("20-on.conf", "PubkeyAuthentication yes").DropIn("10-off.conf", "PubkeyAuthentication no")),
        Refused("AUTHKEYS_FILE_CONFIG: Match User alice moves AuthorizedKeysFile to authorized_keys2", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("Match User alice\n    AuthorizedKeysFile .ssh/authorized_keys2")),
        Refused("KEY_OPTION_FROM: from=\"!127.0.0.1,*\" negates the client", "KEY_OPTION_FROM",
            t => t.Cast().WriteFile(AliceKeys, $"from=\"!127.0.0.1,*\" {LabKeys.Main.Line}\n", "0600", Alice, Alice)),
        Refused("KEY_ALGORITHM_REFUSED: PubkeyAcceptedAlgorithms without ed25519", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256"))
            with { LogHas = "not in PubkeyAcceptedAlgorithms" },
        Refused("KEY_ALGORITHM_REFUSED: '-ssh-ed25519' removes it from the default list", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms -ssh-ed25519*")),

        Refused("KEY_RSA_TOO_SMALL: RequiredRSASize 4096, 2048-bit key", "KEY_RSA_TOO_SMALL",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Rsa2048.Line + "\n", "0600", Alice, Alice).Config("RequiredRSASize 4096"))
            with { Key = () => LabKeys.Rsa2048 },

        Refused("KEY_RSA_TOO_SMALL: RequiredRSASize 2048, 1024-bit key", "KEY_RSA_TOO_SMALL", Rsa(LabKeys.Rsa1024, "RequiredRSASize 2048"))
            with { Key = () => LabKeys.Rsa1024, LogHas = "Invalid key length" },
        Accepted("trap: 1024-bit RSA key with the default RequiredRSASize (1024)", Rsa(LabKeys.Rsa1024, ""))
            with { Key = () => LabKeys.Rsa1024 },
        // sshd 9.2 advertises a fixed server-sig-algs (not filtered by PubkeyAcceptedAlgorithms): the client signs
        // with rsa-sha2-512, is refused, and does not retry with rsa-sha2-256.
        Refused("KEY_ALGORITHM_REFUSED: RSA key, '-rsa-sha2-512' (the client does not fall back to rsa-sha2-256)", "KEY_ALGORITHM_REFUSED",
            Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms -rsa-sha2-512"))
            with { Key = () => LabKeys.Rsa2048, LogHas = "rsa-sha2-512 not in PubkeyAcceptedAlgorithms" },
        Refused("KEY_ALGORITHM_REFUSED: RSA key, server accepts only ssh-rsa (SHA-1), the 9.2 client will not sign with it", "KEY_ALGORITHM_REFUSED",
            Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms ssh-rsa"))
            with { Key = () => LabKeys.Rsa2048 },
        Accepted("trap: RSA key, 'PubkeyAcceptedAlgorithms +ssh-rsa' keeps the SHA-2 ones", Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms +ssh-rsa"))
            with { Key = () => LabKeys.Rsa2048 },
        Refused("KEY_ALGORITHM_REFUSED: ECDSA key, '-ecdsa*'", "KEY_ALGORITHM_REFUSED", Rsa(LabKeys.Ecdsa, "PubkeyAcceptedAlgorithms -ecdsa*"))
            with { Key = () => LabKeys.Ecdsa, LogHas = "not in PubkeyAcceptedAlgorithms" },

        Refused("AUTH_METHODS_REQUIRED: AuthenticationMethods publickey,password", "AUTH_METHODS_REQUIRED",
            t => t.Cast().Config("AuthenticationMethods publickey,password"))
            with { LogHas = "Partial publickey" },

        Accepted("SHELL_NOLOGIN (warning): nologin shell, key accepted, session refused", t => t.Cast(shell: "/usr/sbin/nologin"))
            with { SessionFails = true },
        Accepted("SHELL_NOLOGIN (warning): /bin/false shell", t => t.Cast(shell: "/bin/false"))
            with { SessionFails = true },
    ];
}
