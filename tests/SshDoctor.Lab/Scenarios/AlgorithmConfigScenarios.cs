using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>G/C. Algorithms per version (+/-/^ forms, wildcards, key sizes, DSA) and configurations sshd refuses to start with.</summary>
public static class AlgorithmConfigScenarios
{
    private static Action<LabTree> With(LabKey key, string config) =>
        t => t.Cast().WriteFile(AliceKeys, key.Line + "\n", "0600", Alice, Alice).Config(config);

    private static LabKey Ecdsa384 => LabKeys.Get("ecdsa384", "ecdsa", "384");
    private static LabKey Ecdsa521 => LabKeys.Get("ecdsa521", "ecdsa", "521");
    private static LabKey Dsa => LabKeys.Get("dsa", "dsa");

    /// <summary>sshd refuses to start: check must say the configuration is invalid.</summary>
    private static Scenario Invalid(string what, Action<LabTree> setup, string? log = null) =>
        Refused("SSHD_CONFIG_INVALID: " + what, "SSHD_CONFIG_INVALID", setup) with { SshdStarts = false, LogHas = log };

    private static Scenario NewKeyword(this Scenario s, string keyword) => s.Invalid(Bullseye, $"Bad configuration option: {keyword}");

    public static readonly Scenario[] All =
    [
        Accepted("trap: ECDSA P-384 key", With(Ecdsa384, "")) with { Key = () => Ecdsa384 },
        Accepted("trap: ECDSA P-521 key", With(Ecdsa521, "")) with { Key = () => Ecdsa521 },
        (Refused("KEY_ALGORITHM_REFUSED: P-384 key, PubkeyAcceptedKeyTypes ecdsa-sha2-nistp256 only", "KEY_ALGORITHM_REFUSED",
            With(Ecdsa384, "PubkeyAcceptedKeyTypes ecdsa-sha2-nistp256")) with { Key = () => Ecdsa384 }),
        Accepted("trap: PubkeyAcceptedKeyTypes with a wildcard ssh-ed25519*", t => t.Cast().Config("PubkeyAcceptedKeyTypes ssh-ed25519*")),
        Accepted("trap: PubkeyAcceptedKeyTypes ^ssh-ed25519 (prepend)", t => t.Cast().Config("PubkeyAcceptedKeyTypes ^ssh-ed25519")),
        Refused("KEY_ALGORITHM_REFUSED: PubkeyAcceptedKeyTypes lists only certificate types", "KEY_ALGORITHM_REFUSED",
            t => t.Cast().Config("PubkeyAcceptedKeyTypes ssh-ed25519-cert-v01@openssh.com")),
        (Refused("KEY_ALGORITHM_REFUSED: RSA key, PubkeyAcceptedKeyTypes -rsa-sha2-512,rsa-sha2-256 leaves only ssh-rsa", "KEY_ALGORITHM_REFUSED",
            With(LabKeys.Rsa2048, "PubkeyAcceptedKeyTypes -rsa-sha2-512,rsa-sha2-256")) with { Key = () => LabKeys.Rsa2048 }),
        (Accepted("trap: RSA key, PubkeyAcceptedKeyTypes rsa-sha2-512 only", With(LabKeys.Rsa2048, "PubkeyAcceptedKeyTypes rsa-sha2-512"))
            with { Key = () => LabKeys.Rsa2048 }),
        (Accepted("trap: RequiredRSASize 1024 with a 1024-bit key", With(LabKeys.Rsa1024, "RequiredRSASize 1024"))
            with { Key = () => LabKeys.Rsa1024 }).NewKeyword("RequiredRSASize"),
        (Accepted("trap: RequiredRSASize 2048 with a 2048-bit key", With(LabKeys.Rsa2048, "RequiredRSASize 2048"))
            with { Key = () => LabKeys.Rsa2048 }).NewKeyword("RequiredRSASize"),
        // The lab's client (OpenSSH 9.2) does not offer DSA keys by default; 9.8+ servers have no DSA at all.
        (Refused("KEY_ALGORITHM_REFUSED: DSA key, default configuration", "KEY_ALGORITHM_REFUSED", With(Dsa, ""))
            with { Key = () => Dsa }),
        Invalid("PubkeyAcceptedKeyTypes names an unknown algorithm", t => t.Cast().Config("PubkeyAcceptedKeyTypes ssh-ed25519,ssh-foo"),
            "Bad key types"),

        Invalid("unknown keyword", t => t.Cast().Config("FrobnicateKeys yes"), "Bad configuration option"),
        Invalid("bad yes/no value", t => t.Cast().Config("PubkeyAuthentication maybe")),
        Invalid("non-numeric MaxAuthTries", t => t.Cast().Config("MaxAuthTries many")),
        Invalid("missing argument", t => t.Cast().Config("PubkeyAuthentication")),
        Invalid("UsePAM inside a Match block", t => t.Cast().Config("Match User alice\n    UsePAM no"), "not allowed within a Match block"),
        Invalid("Port inside a Match block", t => t.Cast().Config("Match User alice\n    Port 2222"), "not allowed within a Match block"),
        Invalid("unknown Match criterion", t => t.Cast().Config("Match Colour blue\n    PubkeyAuthentication no")),
        Invalid("Match User without a value", t => t.Cast().Config("Match User\n    PubkeyAuthentication no")),
        Invalid("Match all combined with User", t => t.Cast().Config("Match all User alice\n    PubkeyAuthentication no")),
        Invalid("unknown keyword inside a Match block", t => t.Cast().Config("Match User bob\n    FrobnicateKeys yes"), "Bad configuration option"),
        Invalid("bad LogLevel", t => t.Cast().DropIn("50-log.conf", "LogLevel LOUD")),
        Invalid("PermitRootLogin with an unknown value in a drop-in", t => t.Cast().DropIn("50-root.conf", "PermitRootLogin sometimes")),
        Invalid("RevokedKeys with two files (one file only before 10.3)",
            t => t.Cast().Config("RevokedKeys /etc/ssh/revoked_a /etc/ssh/revoked_b").WriteFile("/etc/ssh/revoked_a", "").WriteFile("/etc/ssh/revoked_b", "")),

        Refused("PUBKEY_AUTH_DISABLED: Keyword=value form (PubkeyAuthentication=no)", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("PubkeyAuthentication=no")),
        Refused("PUBKEY_AUTH_DISABLED: keyword in lower case", "PUBKEY_AUTH_DISABLED", t => t.Cast().Config("pubkeyauthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: value in upper case (NO)", "PUBKEY_AUTH_DISABLED", t => t.Cast().Config("PubkeyAuthentication NO")),
        Accepted("trap: deprecated keyword (RSAAuthentication) only warns", t => t.Cast().Config("RSAAuthentication yes")),
        Accepted("trap: deprecated UsePrivilegeSeparation only warns", t => t.Cast().Config("UsePrivilegeSeparation sandbox")),
        Accepted("trap: quoted AuthorizedKeysFile value", t => t.Cast().Config("AuthorizedKeysFile \".ssh/authorized_keys\"")),
        Accepted("trap: leading blanks and a tab before the value", t => t.Cast().Config("   PubkeyAuthentication\tyes")),
    ];
}
