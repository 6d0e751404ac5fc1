using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

public enum KeyTarget { OpenSsh, Pem, Ppk }

/// <summary>Writes a private key in a format ssh-keygen and puttygen load.</summary>
public static class KeyWriter
{
    /// <summary>
    /// The file text; <paramref name="ppkVersion"/> is 2 or 3 (PuTTY 0.75+ reads 3; older PuTTY and WinSCP
    /// need 2). With a non-empty <paramref name="passphrase"/> the key is encrypted the way ssh-keygen
    /// (OpenSSH: aes256-ctr + bcrypt; PEM: AES-128-CBC) or puttygen (aes256-cbc, Argon2id for v3) would.
    /// </summary>
    public static string Write(PrivateKey key, KeyTarget target, int ppkVersion = 3, string? passphrase = null) => target switch
    {
        KeyTarget.OpenSsh => key.ToOpenSsh(passphrase),
        KeyTarget.Pem => key.Algorithm == KeyAlgorithm.Ed25519
            ? throw new KeyFormatException("keys.error.pem_ed25519")
            : key.ToPem(passphrase),
        _ => ToPpk(key, ppkVersion, passphrase),
    };

    /// <summary>Argon2id parameters for new PPK v3 files (PuTTY's default memory; passes for roughly PuTTY's default cost).</summary>
    internal const uint PpkArgon2Memory = 8192, PpkArgon2Passes = 8, PpkArgon2Lanes = 1;

    /// <summary>A PuTTY key file (version 2 or 3), encrypted with aes256-cbc when a passphrase is given.</summary>
    public static string ToPpk(PrivateKey key, int version, string? passphrase = null)
    {
        if (version is not (2 or 3)) throw new ArgumentOutOfRangeException(nameof(version));
        var encrypt = !string.IsNullOrEmpty(passphrase);
        var pass = Encoding.UTF8.GetBytes(passphrase ?? "");
        var pub = key.Public;
        var comment = pub.Comment;
        var encryption = encrypt ? "aes256-cbc" : "none";
        var privateBlob = key.PpkPrivateBlob();
        if (encrypt && privateBlob.Length % 16 != 0)
            privateBlob = [.. privateBlob, .. RandomNumberGenerator.GetBytes(16 - privateBlob.Length % 16)];

        byte[] macKey, cipherKey = [], iv = [];
        var headers = new List<string>();
        if (version == 2)
        {
            macKey = SHA1.HashData([.. "putty-private-key-file-mac-key"u8, .. pass]);
            if (encrypt)
            {
                cipherKey = [.. SHA1.HashData([0, 0, 0, 0, .. pass]), .. SHA1.HashData([0, 0, 0, 1, .. pass])];
                cipherKey = cipherKey[..32];
                iv = new byte[16];
            }
        }
        else if (encrypt)
        {
            var salt = RandomNumberGenerator.GetBytes(16);
            var material = Argon2.Hash(Argon2Type.Argon2id, pass, salt, PpkArgon2Passes, PpkArgon2Memory, PpkArgon2Lanes, 80);
            (cipherKey, iv, macKey) = (material[..32], material[32..48], material[48..80]);
            headers.Add("Key-Derivation: Argon2id");
            headers.Add($"Argon2-Memory: {PpkArgon2Memory}");
            headers.Add($"Argon2-Passes: {PpkArgon2Passes}");
            headers.Add($"Argon2-Parallelism: {PpkArgon2Lanes}");
            headers.Add("Argon2-Salt: " + Convert.ToHexStringLower(salt));
        }
        else
            macKey = [];

        var macData = new SshWireWriter().String(pub.Type).String(encryption).String(comment)
            .Bytes(pub.Blob).Bytes(privateBlob).ToArray();
        var mac = version == 2 ? HMACSHA1.HashData(macKey, macData) : HMACSHA256.HashData(macKey, macData);
        var stored = privateBlob;
        if (encrypt)
        {
            using var aes = Aes.Create();
            aes.Key = cipherKey;
            stored = aes.EncryptCbc(privateBlob, iv, PaddingMode.None);
        }

        var sb = new StringBuilder();
        sb.Append("PuTTY-User-Key-File-").Append(version).Append(": ").Append(pub.Type).Append('\n');
        sb.Append("Encryption: ").Append(encryption).Append('\n');
        sb.Append("Comment: ").Append(comment).Append('\n');
        AppendLines(sb, "Public-Lines", pub.Blob);
        foreach (var h in headers) sb.Append(h).Append('\n');
        AppendLines(sb, "Private-Lines", stored);
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
