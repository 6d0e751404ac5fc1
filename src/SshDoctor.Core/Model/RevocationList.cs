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
}
