using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K/G. sshd_config: where keys are looked up, algorithms, methods, and what the session does.</summary>
public static class ConfigScenarios
{
    /// <summary>alice's file holds <paramref name="key"/>; the config adds <paramref name="config"/>.</summary>
    private static Action<LabTree> Rsa(LabKey key, string config) =>
        t => t.Cast().WriteFile(AliceKeys, key.Line + "\n", "0600", Alice, Alice).Config(config);

    /// <summary>OpenSSH 8.4 knows neither PubkeyAcceptedAlgorithms (8.5) nor RequiredRSASize (9.1): it will not start.</summary>
    private static Scenario NewKeyword(this Scenario s, string keyword) =>
        s.Invalid(Bullseye, $"Bad configuration option: {keyword}");

    public static readonly Scenario[] All =
    [
        Refused("AUTHKEYS_FILE_CONFIG: absolute /etc/ssh/authorized_keys/%u, key only in ~/.ssh", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile /etc/ssh/authorized_keys/%u")),
        Refused("AUTHKEYS_FILE_CONFIG: unknown %-token in AuthorizedKeysFile", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/authorized_keys_%z"))
            with { LogHas = "percent_expand" },
        Refused("AUTHKEYS_FILE_CONFIG: AuthorizedKeysFile none", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile none")),

        // AuthorizedKeysFile globs are expanded from 10.0; before, the pattern is a file name that does not exist.
        Accepted("AuthorizedKeysFile glob .ssh/authorized_keys.d/* (expanded from 10.0 only)",
            t => t.Cast().Remove(AliceKeys).Mkdir("/home/alice/.ssh/authorized_keys.d", "0700", Alice, Alice)
                .WriteFile("/home/alice/.ssh/authorized_keys.d/laptop", LabKeys.Main.Line + "\n", "0600", Alice, Alice)
                .Config("AuthorizedKeysFile .ssh/authorized_keys.d/*"))
            .On([Bookworm, Bullseye, Upstream92], s => s with { Verdict = "refused", Blocking = ["AUTHKEYS_FILE_CONFIG"] }),
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
        (Refused("KEY_ALGORITHM_REFUSED: PubkeyAcceptedAlgorithms without ed25519", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256"))
            with { LogHas = "not in PubkeyAcceptedAlgorithms" }).NewKeyword("PubkeyAcceptedAlgorithms"),
        Refused("KEY_ALGORITHM_REFUSED: the old name PubkeyAcceptedKeyTypes without ed25519", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedKeyTypes rsa-sha2-512,rsa-sha2-256,ecdsa-sha2-nistp256"))
            with { LogHas = "not in PubkeyAccepted" },
        Refused("KEY_ALGORITHM_REFUSED: '-ssh-ed25519' removes it from the default list", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedAlgorithms -ssh-ed25519*")).NewKeyword("PubkeyAcceptedAlgorithms"),

        (Refused("KEY_RSA_TOO_SMALL: RequiredRSASize 4096, 2048-bit key", "KEY_RSA_TOO_SMALL",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Rsa2048.Line + "\n", "0600", Alice, Alice).Config("RequiredRSASize 4096"))
            with { Key = () => LabKeys.Rsa2048 }).NewKeyword("RequiredRSASize"),

        (Refused("KEY_RSA_TOO_SMALL: RequiredRSASize 2048, 1024-bit key", "KEY_RSA_TOO_SMALL", Rsa(LabKeys.Rsa1024, "RequiredRSASize 2048"))
            with { Key = () => LabKeys.Rsa1024, LogHas = "Invalid key length" }).NewKeyword("RequiredRSASize"),
        Accepted("trap: 1024-bit RSA key with the default RequiredRSASize (1024)", Rsa(LabKeys.Rsa1024, ""))
            with { Key = () => LabKeys.Rsa1024 },
        // sshd advertises a fixed server-sig-algs in its first EXT_INFO (not filtered by PubkeyAcceptedAlgorithms):
        // the client signs with rsa-sha2-512, is refused, and does not retry with rsa-sha2-256. 10.0 too: its
        // filtered list (9.6+) goes only to clients ≥ 9.6 (ext-info-in-auth); the lab's client is 9.2.
        (Refused("KEY_ALGORITHM_REFUSED: RSA key, '-rsa-sha2-512' (the client does not fall back to rsa-sha2-256)", "KEY_ALGORITHM_REFUSED",
            Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms -rsa-sha2-512"))
            with { Key = () => LabKeys.Rsa2048, LogHas = "rsa-sha2-512 not in PubkeyAcceptedAlgorithms" })
            .NewKeyword("PubkeyAcceptedAlgorithms"),
        (Refused("KEY_ALGORITHM_REFUSED: RSA key, server accepts only ssh-rsa (SHA-1), the 9.2 client will not sign with it", "KEY_ALGORITHM_REFUSED",
            Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms ssh-rsa"))
            with { Key = () => LabKeys.Rsa2048 }).NewKeyword("PubkeyAcceptedAlgorithms"),
        (Accepted("trap: RSA key, 'PubkeyAcceptedAlgorithms +ssh-rsa' keeps the SHA-2 ones", Rsa(LabKeys.Rsa2048, "PubkeyAcceptedAlgorithms +ssh-rsa"))
            with { Key = () => LabKeys.Rsa2048 }).NewKeyword("PubkeyAcceptedAlgorithms"),
        // DSA is compiled out of 9.8+: naming it is a configuration error there.
        Accepted("trap: PubkeyAcceptedKeyTypes +ssh-dss (ed25519 key still accepted where DSA exists)",
            t => t.Cast().Config("PubkeyAcceptedKeyTypes +ssh-dss"))
            .Invalid(Ten, "Bad key types '+ssh-dss'"),
        (Refused("KEY_ALGORITHM_REFUSED: ECDSA key, '-ecdsa*'", "KEY_ALGORITHM_REFUSED", Rsa(LabKeys.Ecdsa, "PubkeyAcceptedAlgorithms -ecdsa*"))
            with { Key = () => LabKeys.Ecdsa, LogHas = "not in PubkeyAcceptedAlgorithms" }).NewKeyword("PubkeyAcceptedAlgorithms"),

        Refused("AUTH_METHODS_REQUIRED: AuthenticationMethods publickey,password", "AUTH_METHODS_REQUIRED",
            t => t.Cast().Config("AuthenticationMethods publickey,password"))
            with { LogHas = "Partial publickey" },

        Accepted("SHELL_NOLOGIN (warning): nologin shell, key accepted, session refused", t => t.Cast(shell: "/usr/sbin/nologin"))
            with { SessionFails = true },
        Accepted("SHELL_NOLOGIN (warning): /bin/false shell", t => t.Cast(shell: "/bin/false"))
            with { SessionFails = true },
    ];
}
