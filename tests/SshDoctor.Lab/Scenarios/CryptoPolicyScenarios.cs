using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// G/V. Red Hat's crypto-policies back-end, as the Amazon Linux 2023 sample carries it: 50-redhat.conf includes
/// /etc/crypto-policies/back-ends/opensshserver.config, whose PubkeyAcceptedAlgorithms has no ssh-rsa. The same
/// two files as samples/al2023-shared-ami, judged by every sshd (the upstream builds stand in for RHEL/AL).
/// </summary>
public static class CryptoPolicyScenarios
{
    public const string BackEnd = "/etc/crypto-policies/back-ends/opensshserver.config";
    public const string Sha2Client = "crypto-policies: AL2023 back-end, RSA key, client signs rsa-sha2";
    public const string Sha1Client = "crypto-policies: AL2023 back-end, RSA key, client signs only ssh-rsa (as PuTTY 0.74)";

    /// <summary>The sample's file, read at test time (samples/al2023-shared-ami/...).</summary>
    public static string SampleFile(string path)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !Directory.Exists(Path.Combine(dir.FullName, "samples", "al2023-shared-ami"))) dir = dir.Parent;
        if (dir is null) throw new InvalidOperationException("samples/al2023-shared-ami not found above " + AppContext.BaseDirectory);
        return File.ReadAllText(Path.Combine(dir.FullName, "samples", "al2023-shared-ami", path.TrimStart('/')));
    }

    private static LabTree Al2023Policy(this LabTree t) =>
        t.WriteFile(AliceKeys, LabKeys.Rsa2048.Line + "\n", "0600", Alice, Alice)
            .DropIn("50-redhat.conf", SampleFile("/etc/ssh/sshd_config.d/50-redhat.conf"))
            .WriteFile(BackEnd, SampleFile(BackEnd));

    /// <summary>OpenSSH 8.4 knows PubkeyAcceptedKeyTypes only: the back-end's PubkeyAcceptedAlgorithms stops it.</summary>
    private static Scenario NoNewKeyword(this Scenario s) => s.Invalid(Bullseye, "Bad configuration option: PubkeyAcceptedAlgorithms");

    public static readonly Scenario[] All =
    [
        (Accepted(Sha2Client, t => t.Cast().Al2023Policy()) with { Key = () => LabKeys.Rsa2048 }).NoNewKeyword(),
        (Refused(Sha1Client, "RSA_SHA1_REFUSED",
            t => t.Cast().Al2023Policy().ClientArgs("-o", "PubkeyAcceptedAlgorithms=ssh-rsa"))
            with { Key = () => LabKeys.Rsa2048, Client = "putty-0.74", LogHas = "ssh-rsa not in PubkeyAcceptedAlgorithms" })
            // 10.0 leaves ssh-rsa out of server-sig-algs (the policy refuses it): the client finds no mutual
            // signature algorithm and never offers the key, so sshd logs no signature line (verified on both 10.0 judges).
            .On(Ten, s => s with { LogHas = "Connection closed by authenticating user alice" })
            .NoNewKeyword(),
    ];
}
