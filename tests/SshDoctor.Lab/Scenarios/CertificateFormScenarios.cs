using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>P. The certificate forms CertificateScenarios leaves out: no principals, host certificates, several principals, principals files with options.</summary>
public static class CertificateFormScenarios
{
    private const string CaFile = "/etc/ssh/user_ca.pub";
    private static readonly Lock Gate = new();
    private static LabKey Ca => LabKeys.Get("user-ca", "ed25519");

    /// <summary>ssh-keygen -s CA -I ID [-n PRINCIPALS] [-h] [-O OPTION]: a key of its own with its certificate beside it.</summary>
    private static Func<LabKey> Cert(string name, string? principals, bool host = false, string? option = null) => () =>
    {
        lock (Gate)
        {
            var key = LabKeys.Get("certform-" + name, "ed25519");
            var cert = key.PrivatePath + "-cert.pub";
            if (!File.Exists(cert))
            {
                var args = new List<string> { "-q", "-s", Ca.PrivatePath, "-I", "form-" + name };
                if (principals is not null) args.AddRange(["-n", principals]);
                if (host) args.Add("-h");
                if (option is not null) args.AddRange(["-O", option]);
                args.Add(key.PublicPath);
                LabRun.Exec("/usr/bin/ssh-keygen", [.. args]);
            }
            return key with { PublicPath = cert };
        }
    };

    private static LabTree TrustCa(this LabTree t) => t.Cast().Config("TrustedUserCAKeys " + CaFile).WriteFile(CaFile, Ca.Line + "\n");
    private static LabTree CaLine(this LabTree t, string options = "cert-authority") =>
        t.Cast().WriteFile(AliceKeys, $"{options} {Ca.Line}\n", "0600", Alice, Alice);
    private static LabTree PrincipalsFile(this LabTree t, string content) =>
        t.TrustCa().Config("AuthorizedPrincipalsFile /etc/ssh/principals/%u").Mkdir("/etc/ssh/principals").WriteFile("/etc/ssh/principals/alice", content);

    public static readonly Scenario[] All =
    [
        Refused("CERT_PRINCIPAL_MISMATCH: TrustedUserCAKeys, certificate without principals", "CERT_PRINCIPAL_MISMATCH", t => t.TrustCa())
            with { Key = Cert("none", null) },
        Accepted("CERT: cert-authority line, certificate without principals (any name)", t => t.CaLine()) with { Key = Cert("none", null) },
        Accepted("CERT: TrustedUserCAKeys, principals ops,alice,dev", t => t.TrustCa()) with { Key = Cert("several", "ops,alice,dev") },
        Refused("CERT_PRINCIPAL_MISMATCH: principal al* is not a pattern", "CERT_PRINCIPAL_MISMATCH", t => t.TrustCa())
            with { Key = Cert("pattern", "al*") },
        Refused("CERT_VALIDITY: a host certificate (-h) offered as a user certificate", "CERT_VALIDITY", t => t.TrustCa())
            with { Key = Cert("host", "alice", host: true) },
        Accepted("CERT: certificate with no-pty (-O no-pty)", t => t.TrustCa()) with { Key = Cert("nopty", "alice", option: "no-pty") },
        Refused("CERT_CA_UNTRUSTED: TrustedUserCAKeys names a missing file", "CERT_CA_UNTRUSTED",
            t => t.Cast().Config("TrustedUserCAKeys /etc/ssh/nosuch_ca.pub")) with { Key = Cert("alice", "alice") },
        Accepted("CERT: AuthorizedPrincipalsFile line with options (from=, command=)",
            t => t.PrincipalsFile("from=\"127.0.0.1\",command=\"true\" ops\n")) with { Key = Cert("ops", "ops") },
        Accepted("CERT: AuthorizedPrincipalsFile none falls back to the user name",
            t => t.TrustCa().Config("AuthorizedPrincipalsFile none")) with { Key = Cert("alice", "alice") },
        Accepted("CERT: AuthorizedPrincipalsFile %h/.ssh/principals (alice's, 0600)",
            t => t.TrustCa().Config("AuthorizedPrincipalsFile %h/.ssh/principals")
                .WriteFile("/home/alice/.ssh/principals", "ops\n", "0600", Alice, Alice)) with { Key = Cert("ops", "ops") },
        Accepted("CERT: cert-authority principals=\"dev,ops\"", t => t.CaLine("cert-authority,principals=\"dev,ops\"")) with { Key = Cert("ops", "ops") },
        Refused("KEY_ALGORITHM_REFUSED: CASignatureAlgorithms without ssh-ed25519", "KEY_ALGORITHM_REFUSED",
            t => t.TrustCa().Config("CASignatureAlgorithms rsa-sha2-512,rsa-sha2-256")) with { Key = Cert("alice", "alice") },
    ];
}
