using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Model;

/// <summary>A RevokedKeys file: a binary KRL (searched for the key's blob or hashes) or public key lines.</summary>
public static class RevocationList
{
    private static readonly byte[] KrlMagic = "SSHKRL\n\0"u8.ToArray();

    public static bool Contains(byte[] file, PublicKey key)
    {
        if (file.AsSpan().StartsWith(KrlMagic))
        {
            var span = file.AsSpan();
            return span.IndexOf(key.Blob) >= 0 || span.IndexOf(SHA256.HashData(key.Blob)) >= 0
                   || span.IndexOf(SHA1.HashData(key.Blob)) >= 0;
        }
        foreach (var line in AuthorizedKeysParser.Parse(Encoding.UTF8.GetString(file)))
            if (line.Key is not null && line.Key.Equals(key)) return true;
        return false;
    }

    /// <summary>The certificate itself: a text line with it (sshd compares its public key), or a KRL naming it.</summary>
    public static bool ContainsCertificate(byte[] file, Certificate cert)
    {
        if (file.AsSpan().StartsWith(KrlMagic)) return file.AsSpan().IndexOf(cert.Blob) >= 0;
        foreach (var raw in Encoding.UTF8.GetString(file).Split('\n'))
            if (Certificate.FromOpenSshLine(raw) is { } c && c.Key.Equals(cert.Key)) return true;
        return false;
    }
}
