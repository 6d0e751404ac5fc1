using System.Security.Cryptography;
using SshDoctor.Ec2Emulator.Instances;

namespace SshDoctor.Ec2Emulator.Keys;

/// <summary>
/// The KeyFingerprint DescribeKeyPairs returns, as the EC2 console shows it (EC2 User Guide, "Verify your key pair's
/// fingerprint"): an imported RSA key, the MD5 of its public key's DER (SubjectPublicKeyInfo); an RSA key EC2
/// created, the SHA-1 of its private key's PKCS#8 DER; ED25519 (either way), the base64 SHA-256 of the OpenSSH
/// public key blob, with its padding. The DER forms come from ssh-keygen (-e -m PKCS8, and -p -m PKCS8 on a copy).
/// </summary>
public static class KeyFingerprint
{
    public static string Compute(string publicKeyPath, bool imported, string? privateKeyPath)
    {
        var line = File.ReadAllText(publicKeyPath).Trim();
        var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length < 2) throw new ArgumentException($"{publicKeyPath}: not an OpenSSH public key");
        var type = fields[0];
        if (type == "ssh-ed25519")
            return Convert.ToBase64String(SHA256.HashData(Convert.FromBase64String(fields[1])));
        if (type != "ssh-rsa")
            throw new ArgumentException($"{publicKeyPath}: EC2 key pairs are RSA or ED25519, not {type}");
        if (imported)
            return Colons(MD5.HashData(PemBody(HostCommand.Must("ssh-keygen", "-e", "-m", "PKCS8", "-f", publicKeyPath))));
        if (privateKeyPath is null) throw new ArgumentException($"{publicKeyPath}: an RSA key pair EC2 created needs its private key for the fingerprint");
        var dir = Directory.CreateTempSubdirectory("sdemu-key-");
        try
        {
            var copy = Path.Combine(dir.FullName, "k");
            File.Copy(privateKeyPath, copy);
            File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            HostCommand.Must("ssh-keygen", "-q", "-p", "-m", "PKCS8", "-N", "", "-P", "", "-f", copy);
            return Colons(SHA1.HashData(PemBody(File.ReadAllText(copy))));
        }
        finally { dir.Delete(recursive: true); }
    }

    /// <summary>The base64 between a PEM's BEGIN and END lines, decoded.</summary>
    private static byte[] PemBody(string pem)
    {
        var lines = pem.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal));
        return Convert.FromBase64String(string.Concat(lines));
    }

    private static string Colons(byte[] hash) => string.Join(':', hash.Select(b => b.ToString("x2")));
}
