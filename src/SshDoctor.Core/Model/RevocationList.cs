using System.Text;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public enum Revocation { NotRevoked, Revoked, Error }

/// <summary>
/// A RevokedKeys file as sshkey_check_revoked reads it: a binary KRL when it starts with the KRL magic (a KRL
/// sshd cannot load refuses every key), else a flat list of public keys read by sshkey_in_file.
/// </summary>
public static class RevocationList
{
    public static Revocation Check(byte[] file, PublicKey key, OpenSshVersion version)
    {
        if (KeyRevocationList.IsKrl(file))
            return KeyRevocationList.Parse(file, version) is { } krl ? (krl.Revokes(key) ? Revocation.Revoked : Revocation.NotRevoked) : Revocation.Error;
        var found = InList(file, key, version);
        if (found != Revocation.NotRevoked || key.Certificate is not { } cert) return found;
        return InList(file, cert.SignatureKey, version);
    }

    /// <summary>
    /// sshkey_in_file(check_ca): line by line, leading blanks skipped, '#' and empty lines ignored; every other line
    /// must be "type base64 …" (sshkey_read): a line it cannot read (options, a stray word, a lone "\r" of a CRLF
    /// file, a type this build lacks such as ssh-dss from 9.8) ends the search with an error, and sshd then refuses
    /// every key. An RSA key below 1024 bits is skipped. A certificate line compares its certified key.
    /// </summary>
    private static Revocation InList(byte[] file, PublicKey key, OpenSshVersion version)
    {
        var text = Encoding.UTF8.GetString(file);
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var last = i == lines.Length - 1;
            if (last && line.Length == 0) break;
            var cp = line.TrimStart(' ', '\t');
            if (cp.Length == 0 || cp[0] == '#') continue;
            // getline keeps the '\n': a type followed only by it has no blank after it.
            var typeEnd = cp.IndexOfAny([' ', '\t']);
            if (typeEnd < 0) return Revocation.Error;
            var type = cp[..typeEnd];
            if (!KnownType(type, version)) return Revocation.Error;
            var rest = cp[typeEnd..].TrimStart(' ', '\t');
            if (rest.Length == 0 && last) return Revocation.Error;
            var blobEnd = rest.IndexOfAny([' ', '\t']);
            var b64 = blobEnd < 0 ? rest : rest[..blobEnd];
            byte[] blob;
            try { blob = Convert.FromBase64String(b64.Trim('\r', '\f', '\v')); }
            catch (FormatException) { return Revocation.Error; }
            PublicKey? pub;
            if (Certificate.IsCertificateType(type))
            {
                var cert = Certificate.FromBlob(blob);
                if (cert is null || cert.Type != type) return Revocation.Error;
                pub = cert.Key;
            }
            else
            {
                pub = PublicKey.FromBlob(blob);
                if (pub is null || pub.Type != type) return Revocation.Error;
            }
            if (pub.Type == "ssh-rsa" && pub.Bits < 1024) continue;
            if (pub.Equals(key)) return Revocation.Revoked;
        }
        return Revocation.NotRevoked;
    }

    private static bool KnownType(string type, OpenSshVersion version)
    {
        var plain = Certificate.IsCertificateType(type) ? Certificate.PlainType(type) : type;
        return plain switch
        {
            "ssh-rsa" or "ssh-ed25519" or "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521"
                or "sk-ssh-ed25519@openssh.com" or "sk-ecdsa-sha2-nistp256@openssh.com" => true,
            "ssh-dss" => !version.AtLeast(9, 8),
            _ => false,
        };
    }
}
