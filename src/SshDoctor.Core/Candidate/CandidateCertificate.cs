using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Candidate;

/// <summary>
/// The certificate a CA would give someone to log in as a principal, made only to be judged (never signed, never
/// written): an Ed25519 user certificate as `ssh-keygen -s CA -I ID -n PRINCIPAL` makes it, valid forever, with the
/// default extensions and no critical option. What decides sshd's verdict for it is its CA and its principal.
/// </summary>
public static class CandidateCertificate
{
    private const string Type = "ssh-ed25519-cert-v01@openssh.com";

    public static PublicKey For(PublicKey ca, string principal)
    {
        // A certified key of its own per (CA, principal), so each judgement is a distinct key in the report.
        var seed = SHA256.HashData([.. Encoding.UTF8.GetBytes("sshdoctor candidate certificate\n" + principal + "\n"), .. ca.Blob]);
        var principals = new SshWireWriter().String(principal).ToArray();
        var extensions = new SshWireWriter();
        foreach (var e in new[] { "permit-X11-forwarding", "permit-agent-forwarding", "permit-port-forwarding", "permit-pty", "permit-user-rc" })
            extensions.String(e).Bytes([]);
        var signature = new SshWireWriter().String(SignatureAlgorithm(ca.Type)).Bytes(new byte[64]).ToArray();
        var blob = new SshWireWriter()
            .String(Type)
            .Bytes(new byte[32])            // nonce
            .Bytes(seed)                    // the certified Ed25519 key
            .UInt32(0).UInt32(0)            // serial
            .UInt32((uint)CertificateKind.User)
            .String("sshdoctor-candidate-" + principal)
            .Bytes(principals)
            .UInt32(0).UInt32(0)            // valid after: always
            .UInt32(uint.MaxValue).UInt32(uint.MaxValue) // valid before: forever
            .Bytes([])                      // critical options
            .Bytes(extensions.ToArray())
            .Bytes([])                      // reserved
            .Bytes(ca.Blob)
            .Bytes(signature)
            .ToArray();
        var cert = Certificate.FromBlob(blob) ?? throw new InvalidOperationException("a candidate certificate did not parse");
        return PublicKey.FromCertificate(cert).WithComment($"certificate by CA {ca.Sha256Fingerprint} for {principal}");
    }

    /// <summary>What ssh-keygen signs with for each CA type (RSA CAs: rsa-sha2-512 since OpenSSH 8.2).</summary>
    private static string SignatureAlgorithm(string caType) => caType switch
    {
        "ssh-rsa" => "rsa-sha2-512",
        _ => caType,
    };
}
