using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// P. User certificates made with `ssh-keygen -s`, judged by the machine's sshd 9.2p1. Each scenario has its
/// own key with its certificate beside it (ssh -i loads KEY-cert.pub), and check is given that -cert.pub.
/// </summary>
public static class CertificateScenarios
{
    private const string CaFile = "/etc/ssh/user_ca.pub";
    private static readonly Lock Gate = new();

    private static LabKey Ca => LabKeys.Get("user-ca", "ed25519");
    private static LabKey OtherCa => LabKeys.Get("other-ca", "ed25519");

    /// <summary>A key of its own, signed once per run: ssh-keygen -s CA -I ID -n PRINCIPALS [-V …] [-O …].</summary>
    private static Func<LabKey> Cert(string name, string principals, string? validity = null, string? option = null,
        string type = "ed25519", LabKey? ca = null) => () =>
    {
        lock (Gate)
        {
            var key = LabKeys.Get("cert-" + name, type, type == "rsa" ? "2048" : null);
            var cert = key.PrivatePath + "-cert.pub";
            if (!File.Exists(cert))
            {
                var args = new List<string> { "-q", "-s", (ca ?? Ca).PrivatePath, "-I", "lab-" + name };
                if (principals.Length > 0) args.AddRange(["-n", principals]);
                if (validity is not null) args.Add("-V" + validity);
                if (option is not null) args.AddRange(["-O", option]);
                args.Add(key.PublicPath);
                LabRun.Exec("/usr/bin/ssh-keygen", [.. args]);
            }
            return key with { PublicPath = cert };
        }
    };

    private static LabTree TrustCa(this LabTree t, LabKey? ca = null) =>
        t.Cast().Config("TrustedUserCAKeys " + CaFile).WriteFile(CaFile, (ca ?? Ca).Line + "\n");

    private static LabTree CertAuthorityLine(this LabTree t, string options = "cert-authority") =>
        t.Cast().WriteFile(AliceKeys, $"{options} {Ca.Line}\n", "0600", Alice, Alice);

    private static LabTree Principals(this LabTree t, string? content) =>
        content is null
            ? t.TrustCa().Config("AuthorizedPrincipalsFile /etc/ssh/principals/%u").Mkdir("/etc/ssh/principals")
            : t.TrustCa().Config("AuthorizedPrincipalsFile /etc/ssh/principals/%u").Mkdir("/etc/ssh/principals")
                .WriteFile("/etc/ssh/principals/alice", content);

    public static readonly Scenario[] All =
    [
        Accepted("CERT: valid certificate, CA in TrustedUserCAKeys, principal alice", t => t.TrustCa())
            with { Key = Cert("valid", "alice"), LogHas = "Accepted certificate ID" },
        Accepted("CERT: RSA key certificate (rsa-sha2-512-cert) through TrustedUserCAKeys", t => t.TrustCa())
            with { Key = Cert("rsa", "alice", type: "rsa"), LogHas = "Accepted certificate ID" },
        Accepted("CERT: ECDSA key certificate through TrustedUserCAKeys", t => t.TrustCa())
            with { Key = Cert("ecdsa", "alice", type: "ecdsa"), LogHas = "Accepted certificate ID" },
        Accepted("CERT: source-address admits 127.0.0.1", t => t.TrustCa())
            with { Key = Cert("source-ok", "alice", option: "source-address=127.0.0.0/8") },
        Accepted("CERT: force-command in the certificate (accepted; the session runs the command)", t => t.TrustCa())
            with { Key = Cert("force", "alice", option: "force-command=/bin/true") },

        Refused("CERT_PRINCIPAL_MISMATCH: certificate for bob, login as alice", "CERT_PRINCIPAL_MISMATCH", t => t.TrustCa())
            with { Key = Cert("wrong-principal", "bob"), LogHas = "name is not a listed principal" },
        Refused("CERT_VALIDITY: expired certificate", "CERT_VALIDITY", t => t.TrustCa())
            with { Key = Cert("expired", "alice", validity: "-2d:-1d"), LogHas = "expired" },
        Refused("CERT_VALIDITY: certificate not yet valid", "CERT_VALIDITY", t => t.TrustCa())
            with { Key = Cert("future", "alice", validity: "+1d:+2d"), LogHas = "not yet valid" },
        Refused("CERT_CA_UNTRUSTED: signed by a CA the server does not list", "CERT_CA_UNTRUSTED", t => t.TrustCa())
            with { Key = Cert("other-ca", "alice", ca: OtherCa) },
        Refused("CERT_CA_UNTRUSTED: no TrustedUserCAKeys and no cert-authority line", "CERT_CA_UNTRUSTED", t => t.Cast())
            with { Key = Cert("valid", "alice") },
        Refused("KEY_REVOKED: the CA is in RevokedKeys", "KEY_REVOKED",
            t => t.TrustCa().Config("RevokedKeys /etc/ssh/revoked_keys").WriteFile("/etc/ssh/revoked_keys", Ca.Line + "\n"))
            with { Key = Cert("valid", "alice"), LogHas = "revoked" },
        Refused("CERT_SOURCE_ADDRESS: source-address 10.0.0.0/8, client 127.0.0.1", "CERT_SOURCE_ADDRESS", t => t.TrustCa())
            with { Key = Cert("source-other", "alice", option: "source-address=10.0.0.0/8"), LogHas = "source address" },

        Refused("CERT_PRINCIPAL_MISMATCH: AuthorizedPrincipalsFile missing", "CERT_PRINCIPAL_MISMATCH", t => t.Principals(null))
            with { Key = Cert("valid", "alice"), LogHas = "does not contain an authorized principal" },
        Refused("CERT_PRINCIPAL_MISMATCH: AuthorizedPrincipalsFile without the certificate's principal", "CERT_PRINCIPAL_MISMATCH",
                t => t.Principals("ops\n# alice is not here\n"))
            with { Key = Cert("valid", "alice"), LogHas = "does not contain an authorized principal" },
        Accepted("CERT: AuthorizedPrincipalsFile lists the certificate's principal ops", t => t.Principals("ops\n"))
            with { Key = Cert("ops", "ops") },
        Refused("CERT_PRINCIPAL_MISMATCH: AuthorizedPrincipalsFile group-writable (StrictModes)", "CERT_PRINCIPAL_MISMATCH",
                t => t.Principals("ops\n").Chmod("/etc/ssh/principals/alice", "0666"))
            with { Key = Cert("ops", "ops") },

        Accepted("CERT: cert-authority line in authorized_keys, principal alice", t => t.CertAuthorityLine())
            with { Key = Cert("valid", "alice"), LogHas = "Accepted certificate ID" },
        Accepted("CERT: cert-authority principals=\"ops\" admits a certificate for ops", t => t.CertAuthorityLine("cert-authority,principals=\"ops\""))
            with { Key = Cert("ops", "ops") },
        Refused("CERT_PRINCIPAL_MISMATCH: cert-authority principals=\"ops\", certificate for alice", "CERT_PRINCIPAL_MISMATCH",
                t => t.CertAuthorityLine("cert-authority,principals=\"ops\""))
            with { Key = Cert("valid", "alice") },
        Refused("CERT_PRINCIPAL_MISMATCH: cert-authority line, certificate for bob", "CERT_PRINCIPAL_MISMATCH", t => t.CertAuthorityLine())
            with { Key = Cert("wrong-principal", "bob") },
        Refused("CERT_VALIDITY: cert-authority line, expired certificate", "CERT_VALIDITY", t => t.CertAuthorityLine())
            with { Key = Cert("expired", "alice", validity: "-2d:-1d") },
        Refused("STRICTMODES_MODE: cert-authority line in a world-writable authorized_keys", "STRICTMODES_MODE",
                t => t.CertAuthorityLine().Chmod(AliceKeys, "0666"))
            with { Key = Cert("valid", "alice") },
        // OpenSSH 8.4 (bullseye) does not know PubkeyAcceptedAlgorithms (8.5): it refuses to start.
        (Refused("KEY_ALGORITHM_REFUSED: PubkeyAcceptedAlgorithms without certificate algorithms", "KEY_ALGORITHM_REFUSED",
                t => t.TrustCa().Config("PubkeyAcceptedAlgorithms ssh-ed25519,rsa-sha2-512"))
            with { Key = Cert("valid", "alice") }).Invalid(Judge.Bullseye, "Bad configuration option: PubkeyAcceptedAlgorithms"),
    ];
}
