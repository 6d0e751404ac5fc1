using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

public enum KeyTarget { OpenSsh, Pem, Ppk }

/// <summary>Writes a private key in a format ssh-keygen and puttygen load.</summary>
public static class KeyWriter
{
    /// <summary>The file text; <paramref name="ppkVersion"/> is 2 or 3 (PuTTY 0.75+ reads 3; older PuTTY and WinSCP need 2).</summary>
    public static string Write(PrivateKey key, KeyTarget target, int ppkVersion = 3) => target switch
    {
        KeyTarget.OpenSsh => key.ToOpenSsh(),
        KeyTarget.Pem => key.Algorithm == KeyAlgorithm.Ed25519
            ? throw new KeyFormatException("keys.error.pem_ed25519")
            : key.ToPem(),
        _ => ToPpk(key, ppkVersion),
    };

    /// <summary>An unencrypted PuTTY key file (version 2 or 3).</summary>
    public static string ToPpk(PrivateKey key, int version)
    {
        if (version is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(version));
        var pub = key.Public;
        var comment = pub.Comment;
        var privateBlob = key.PpkPrivateBlob();
        var macData = new SshWireWriter().String(pub.Type).String("none").String(comment)
            .Bytes(pub.Blob).Bytes(privateBlob).ToArray();
        var mac = version == 2
            ? HMACSHA1.HashData(SHA1.HashData("putty-private-key-file-mac-key"u8), macData)
            : HMACSHA256.HashData(Array.Empty<byte>(), macData);
        var sb = new StringBuilder();
        sb.Append("PuTTY-User-Key-File-").Append(version).Append(": ").Append(pub.Type).Append('\n');
        sb.Append("Encryption: none\n");
        sb.Append("Comment: ").Append(comment).Append('\n');
        AppendLines(sb, "Public-Lines", pub.Blob);
        AppendLines(sb, "Private-Lines", privateBlob);
        sb.Append("Private-MAC: ").Append(Convert.ToHexStringLower(mac)).Append('\n');
        return sb.ToString();
    }

    private static void AppendLines(StringBuilder sb, string header, byte[] data)
    {
        var b64 = Convert.ToBase64String(data);
        var lines = (b64.Length + 63) / 64;
        sb.Append(header).Append(": ").Append(lines).Append('\n');
        PrivateKey.AppendWrapped(sb, b64, 64);
    }
}
