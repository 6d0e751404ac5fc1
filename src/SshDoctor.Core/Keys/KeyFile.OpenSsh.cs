using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>
/// `-----BEGIN OPENSSH PRIVATE KEY-----` (openssh-key-v1, PROTOCOL.key): the public keys are stored in
/// clear before the (optionally bcrypt_pbkdf + AES encrypted) private section.
/// </summary>
public static partial class KeyFile
{
    private static ReadOnlySpan<byte> OpenSshMagic => "openssh-key-v1\0"u8;

    private static KeyFileInfo ParseOpenSshPrivate(byte[] data, string? passphrase)
    {
        if (!data.AsSpan().StartsWith(OpenSshMagic))
            throw new KeyFormatException("keys.error.damaged", ("detail", "no openssh-key-v1 magic"));
        var r = new SshWireReader(data.AsSpan(OpenSshMagic.Length));
        if (!r.TryReadString(out var cipher) || !r.TryReadString(out var kdf) || !r.TryReadBytes(out var kdfOptions)
            || !r.TryReadUInt32(out var count))
            throw Truncated("OPENSSH PRIVATE KEY");
        if (count != 1)
            throw new KeyFormatException("keys.error.damaged", ("detail", $"{count} keys in one file"));
        if (!r.TryReadBytes(out var publicBlob) || !r.TryReadBytes(out var privateSection))
            throw Truncated("OPENSSH PRIVATE KEY");
        var tail = r.Rest; // the AEAD tag for aes-gcm / chacha20-poly1305
        var pub = PublicKey.FromBlob(publicBlob)
                  ?? throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", BlobType(publicBlob)));

        var encrypted = cipher != "none";
        var info = new KeyFileInfo(KeyFormat.OpenSshPrivate, pub, encrypted, "")
        {
            KeyType = pub.Type,
            Cipher = encrypted ? cipher : null,
            Kdf = encrypted ? kdf : null,
        };
        if (encrypted && passphrase is null) return info;

        byte[] plain;
        if (!encrypted)
            plain = privateSection.ToArray();
        else
        {
            if (kdf != "bcrypt")
                throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", kdf));
            var k = new SshWireReader(kdfOptions);
            if (!k.TryReadBytes(out var salt) || !k.TryReadUInt32(out var rounds))
                throw new KeyFormatException("keys.error.damaged", ("detail", "bcrypt options"));
            KdfLimits.CheckBcrypt(rounds);
            plain = DecryptOpenSsh(cipher, passphrase!, salt, (int)rounds, privateSection, tail);
        }

        var p = new SshWireReader(plain);
        if (!p.TryReadUInt32(out var check1) || !p.TryReadUInt32(out var check2))
            throw Truncated("OPENSSH PRIVATE KEY");
        if (check1 != check2)
            throw encrypted ? new KeyFormatException("keys.error.bad_passphrase")
                            : new KeyFormatException("keys.error.damaged", ("detail", "check bytes differ"));
        if (!p.TryReadString(out var type) || type != pub.Type)
            throw new KeyFormatException("keys.error.inconsistent");
        var key = ReadOpenSshPrivateFields(ref p, pub);
        if (!p.TryReadString(out var comment))
            throw Truncated("OPENSSH PRIVATE KEY");
        // What follows is padding 1, 2, 3 …; ssh-keygen checks it, and so do we.
        var padding = p.Rest;
        for (var i = 0; i < padding.Length; i++)
            if (padding[i] != (byte)(i + 1))
                throw new KeyFormatException("keys.error.damaged", ("detail", "bad padding"));
        return info with
        {
            Public = pub.WithComment(comment),
            Comment = comment,
            Private = key?.WithComment(comment),
        };
    }

    /// <summary>Reads the type-specific private fields; null for security-key (sk-*) keys, whose secret lives in hardware.</summary>
    private static PrivateKey? ReadOpenSshPrivateFields(ref SshWireReader p, PublicKey pub)
    {
        switch (pub.Type)
        {
            case "ssh-rsa":
            {
                if (!p.TryReadBytes(out var n) || !p.TryReadBytes(out var e) || !p.TryReadBytes(out var d)
                    || !p.TryReadBytes(out _) || !p.TryReadBytes(out var pp) || !p.TryReadBytes(out var q))
                    throw Truncated("OPENSSH PRIVATE KEY");
                var key = PrivateKey.Rsa(PrivateKey.ToBig(n), PrivateKey.ToBig(e), PrivateKey.ToBig(d), PrivateKey.ToBig(pp), PrivateKey.ToBig(q));
                return key.Public.Equals(pub) ? key : throw PrivateKey.Inconsistent();
            }
            case "ssh-dss":
            {
                if (!p.TryReadBytes(out var pp) || !p.TryReadBytes(out var q) || !p.TryReadBytes(out var g)
                    || !p.TryReadBytes(out var y) || !p.TryReadBytes(out var x))
                    throw Truncated("OPENSSH PRIVATE KEY");
                var key = PrivateKey.Dsa(PrivateKey.ToBig(pp), PrivateKey.ToBig(q), PrivateKey.ToBig(g), PrivateKey.ToBig(y), PrivateKey.ToBig(x));
                return key.Public.Equals(pub) ? key : throw PrivateKey.Inconsistent();
            }
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
            {
                if (!p.TryReadString(out var curve) || !p.TryReadBytes(out var point) || !p.TryReadBytes(out var d))
                    throw Truncated("OPENSSH PRIVATE KEY");
                var key = PrivateKey.Ecdsa(curve, d, point.ToArray());
                return key.Public.Equals(pub) ? key : throw PrivateKey.Inconsistent();
            }
            case "ssh-ed25519":
            {
                if (!p.TryReadBytes(out var pk) || !p.TryReadBytes(out var sk) || sk.Length != 64)
                    throw Truncated("OPENSSH PRIVATE KEY");
                var key = PrivateKey.Ed25519(sk[..32], pk);
                return key.Public.Equals(pub) ? key : throw PrivateKey.Inconsistent();
            }
            case "sk-ssh-ed25519@openssh.com":
                if (!p.TryReadBytes(out _) || !p.TryReadBytes(out _) || !p.TryReadByte(out _) || !p.TryReadBytes(out _) || !p.TryReadBytes(out _))
                    throw Truncated("OPENSSH PRIVATE KEY");
                return null;
            case "sk-ecdsa-sha2-nistp256@openssh.com":
                if (!p.TryReadBytes(out _) || !p.TryReadBytes(out _) || !p.TryReadBytes(out _) || !p.TryReadByte(out _)
                    || !p.TryReadBytes(out _) || !p.TryReadBytes(out _))
                    throw Truncated("OPENSSH PRIVATE KEY");
                return null;
            default:
                throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", pub.Type));
        }
    }

    private static byte[] DecryptOpenSsh(string cipher, string passphrase, ReadOnlySpan<byte> salt, int rounds,
        ReadOnlySpan<byte> section, ReadOnlySpan<byte> tail)
    {
        var (keyLength, ivLength, mode) = cipher switch
        {
            "aes128-ctr" => (16, 16, "ctr"),
            "aes192-ctr" => (24, 16, "ctr"),
            "aes256-ctr" => (32, 16, "ctr"),
            "aes128-cbc" => (16, 16, "cbc"),
            "aes192-cbc" => (24, 16, "cbc"),
            "aes256-cbc" => (32, 16, "cbc"),
            "aes128-gcm@openssh.com" => (16, 12, "gcm"),
            "aes256-gcm@openssh.com" => (32, 12, "gcm"),
            _ => throw new KeyFormatException("keys.error.unsupported_cipher", ("cipher", cipher)),
        };
        if (section.Length % 16 != 0)
            throw new KeyFormatException("keys.error.damaged", ("detail", "private section length"));
        var material = BcryptPbkdf.Derive(Encoding.UTF8.GetBytes(passphrase), salt, rounds, keyLength + ivLength);
        var key = material.AsSpan(0, keyLength).ToArray();
        var iv = material.AsSpan(keyLength, ivLength).ToArray();
        switch (mode)
        {
            case "ctr":
                return AesCtr(key, iv, section);
            case "cbc":
            {
                using var aes = Aes.Create();
                aes.Key = key;
                return aes.DecryptCbc(section, iv, PaddingMode.None);
            }
            default:
            {
                if (tail.Length < 16) throw Truncated("OPENSSH PRIVATE KEY");
                var plain = new byte[section.Length];
                try
                {
                    using var gcm = new AesGcm(key, 16);
                    gcm.Decrypt(iv, section, tail[..16], plain);
                }
                catch (AuthenticationTagMismatchException) { throw new KeyFormatException("keys.error.bad_passphrase"); }
                return plain;
            }
        }
    }

    internal static byte[] AesCtr(byte[] key, byte[] iv, ReadOnlySpan<byte> input)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        var counter = (byte[])iv.Clone();
        var output = new byte[input.Length];
        var stream = new byte[16];
        for (var offset = 0; offset < input.Length; offset += 16)
        {
            aes.EncryptEcb(counter, stream, PaddingMode.None);
            var n = Math.Min(16, input.Length - offset);
            for (var i = 0; i < n; i++) output[offset + i] = (byte)(input[offset + i] ^ stream[i]);
            for (var i = 15; i >= 0 && ++counter[i] == 0; i--) { }
        }
        return output;
    }

    private static string BlobType(ReadOnlySpan<byte> blob)
    {
        var r = new SshWireReader(blob);
        return r.TryReadString(out var t) && t.Length is > 0 and < 100 ? t : "?";
    }

    private static KeyFormatException Truncated(string what) => new("keys.error.truncated", ("format", what));
}
