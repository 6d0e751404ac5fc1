using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>
/// PuTTY private key files, versions 2 and 3 (PuTTY's sshpubk.c): headers, Public-Lines in clear,
/// Private-Lines encrypted with AES-256-CBC when `Encryption: aes256-cbc`, and a MAC over everything.
/// </summary>
public static partial class KeyFile
{
    private sealed class PpkFile
    {
        public int Version;
        public string Algorithm = "";
        public string Encryption = "";
        public string Comment = "";
        public byte[] PublicBlob = [];
        public byte[] PrivateBlob = [];
        public string Mac = "";
        public Dictionary<string, string> Headers = new(StringComparer.Ordinal);
    }

    private static KeyFileInfo ParsePpk(string text, string? passphrase)
    {
        var ppk = ReadPpk(text);
        var pub = PublicKey.FromBlob(ppk.PublicBlob)
                  ?? throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", ppk.Algorithm));
        if (pub.Type != ppk.Algorithm)
            throw new KeyFormatException("keys.error.inconsistent");
        pub = pub.WithComment(ppk.Comment);
        var encrypted = ppk.Encryption != "none";
        string? kdf = null;
        if (encrypted)
            kdf = ppk.Version == 2 ? "SHA-1" : ppk.Headers.GetValueOrDefault("Key-Derivation", "?");
        var info = new KeyFileInfo(ppk.Version == 2 ? KeyFormat.PpkV2 : KeyFormat.PpkV3, pub, encrypted, ppk.Comment)
        {
            KeyType = pub.Type,
            Cipher = encrypted ? ppk.Encryption : null,
            Kdf = kdf,
        };
        if (encrypted && passphrase is null) return info;

        var (cipherKey, iv, macKey) = PpkKeys(ppk, encrypted ? passphrase! : "");
        var privateBlob = ppk.PrivateBlob;
        if (encrypted)
        {
            if (privateBlob.Length % 16 != 0)
                throw new KeyFormatException("keys.error.damaged", ("detail", "Private-Lines length"));
            using var aes = Aes.Create();
            aes.Key = cipherKey;
            privateBlob = aes.DecryptCbc(privateBlob, iv, PaddingMode.None);
        }
        var macData = new SshWireWriter().String(ppk.Algorithm).String(ppk.Encryption).String(ppk.Comment)
            .Bytes(ppk.PublicBlob).Bytes(privateBlob).ToArray();
        var mac = ppk.Version == 2 ? HMACSHA1.HashData(macKey, macData) : HMACSHA256.HashData(macKey, macData);
        byte[] expected;
        try { expected = Convert.FromHexString(ppk.Mac); }
        catch (FormatException) { throw new KeyFormatException("keys.error.damaged", ("detail", "Private-MAC")); }
        if (!CryptographicOperations.FixedTimeEquals(mac, expected))
            throw encrypted ? new KeyFormatException("keys.error.bad_passphrase")
                            : new KeyFormatException("keys.error.damaged", ("detail", "Private-MAC does not match"));
        var key = ReadPpkPrivate(pub, privateBlob).WithComment(ppk.Comment);
        return info with { Private = key };
    }

    private static PrivateKey ReadPpkPrivate(PublicKey pub, ReadOnlySpan<byte> blob)
    {
        var pr = new SshWireReader(pub.Blob);
        pr.TryReadString(out _);
        var r = new SshWireReader(blob);
        PrivateKey key;
        switch (pub.Type)
        {
            case "ssh-rsa":
            {
                pr.TryReadBytes(out var e);
                pr.TryReadBytes(out var n);
                if (!r.TryReadBytes(out var d) || !r.TryReadBytes(out var p) || !r.TryReadBytes(out var q))
                    throw Truncated("PPK");
                key = PrivateKey.Rsa(PrivateKey.ToBig(n), PrivateKey.ToBig(e), PrivateKey.ToBig(d), PrivateKey.ToBig(p), PrivateKey.ToBig(q));
                break;
            }
            case "ssh-dss":
            {
                pr.TryReadBytes(out var p);
                pr.TryReadBytes(out var q);
                pr.TryReadBytes(out var g);
                pr.TryReadBytes(out var y);
                if (!r.TryReadBytes(out var x)) throw Truncated("PPK");
                key = PrivateKey.Dsa(PrivateKey.ToBig(p), PrivateKey.ToBig(q), PrivateKey.ToBig(g), PrivateKey.ToBig(y), PrivateKey.ToBig(x));
                break;
            }
            case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
            {
                pr.TryReadString(out var curve);
                pr.TryReadBytes(out var point);
                if (!r.TryReadBytes(out var d)) throw Truncated("PPK");
                key = PrivateKey.Ecdsa(curve, d, point.ToArray());
                break;
            }
            case "ssh-ed25519":
            {
                pr.TryReadBytes(out var pk);
                if (!r.TryReadBytes(out var seed) || seed.Length != 32) throw Truncated("PPK");
                key = PrivateKey.Ed25519(seed, pk);
                break;
            }
            default:
                throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", pub.Type));
        }
        return key.Public.Equals(pub) ? key : throw PrivateKey.Inconsistent();
    }

    /// <summary>Cipher key, IV and MAC key for a PPK file (v2: SHA-1 based; v3: Argon2).</summary>
    private static (byte[] Key, byte[] Iv, byte[] MacKey) PpkKeys(PpkFile ppk, string passphrase)
    {
        var pass = Encoding.UTF8.GetBytes(passphrase);
        if (ppk.Version == 2)
        {
            var macKey = SHA1.HashData([.. "putty-private-key-file-mac-key"u8, .. pass]);
            if (ppk.Encryption == "none") return ([], [], macKey);
            var k = new byte[40];
            SHA1.HashData([0, 0, 0, 0, .. pass]).CopyTo(k, 0);
            SHA1.HashData([0, 0, 0, 1, .. pass]).CopyTo(k, 20);
            return (k[..32], new byte[16], macKey);
        }
        if (ppk.Encryption == "none") return ([], [], []);
        var h = ppk.Headers;
        var flavor = h.GetValueOrDefault("Key-Derivation", "") switch
        {
            "Argon2id" => Argon2Type.Argon2id,
            "Argon2i" => Argon2Type.Argon2i,
            "Argon2d" => Argon2Type.Argon2d,
            var other => throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", other)),
        };
        if (!uint.TryParse(h.GetValueOrDefault("Argon2-Memory"), out var memory)
            || !uint.TryParse(h.GetValueOrDefault("Argon2-Passes"), out var passes)
            || !uint.TryParse(h.GetValueOrDefault("Argon2-Parallelism"), out var lanes))
            throw new KeyFormatException("keys.error.damaged", ("detail", "Argon2 parameters"));
        KdfLimits.CheckArgon2(memory, passes, lanes);
        byte[] salt;
        try { salt = Convert.FromHexString(h.GetValueOrDefault("Argon2-Salt", "")); }
        catch (FormatException) { throw new KeyFormatException("keys.error.damaged", ("detail", "Argon2-Salt")); }
        var output = Argon2.Hash(flavor, pass, salt, passes, memory, lanes, 80);
        return (output[..32], output[32..48], output[48..80]);
    }

    private static PpkFile ReadPpk(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (i < lines.Length && lines[i].Trim().Length == 0) i++;
        var ppk = new PpkFile();
        (string Key, string Value) Header(string expected)
        {
            if (i >= lines.Length) throw Truncated("PPK");
            var line = lines[i++];
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            if (colon <= 0) throw new KeyFormatException("keys.error.damaged", ("detail", "expected " + expected));
            var key = line[..colon];
            if (expected.Length > 0 && key != expected)
                throw new KeyFormatException("keys.error.damaged", ("detail", "expected " + expected));
            return (key, line[(colon + 2)..].TrimEnd());
        }
        byte[] Lines(string header)
        {
            var (_, count) = Header(header);
            if (!int.TryParse(count, out var n) || n < 0 || n > 20000) throw new KeyFormatException("keys.error.damaged", ("detail", header));
            var sb = new StringBuilder();
            for (var k = 0; k < n; k++)
            {
                if (i >= lines.Length) throw Truncated("PPK");
                sb.Append(lines[i++].Trim());
            }
            return DecodeBase64(sb.ToString(), "PPK");
        }

        var (first, algorithm) = Header("");
        ppk.Version = first switch
        {
            "PuTTY-User-Key-File-2" => 2,
            "PuTTY-User-Key-File-3" => 3,
            "PuTTY-User-Key-File-1" => throw new KeyFormatException("keys.error.ppk_v1"),
            _ => throw new KeyFormatException("keys.error.ppk_version", ("version", first)),
        };
        ppk.Algorithm = algorithm;
        ppk.Encryption = Header("Encryption").Value;
        if (ppk.Encryption is not ("none" or "aes256-cbc"))
            throw new KeyFormatException("keys.error.unsupported_cipher", ("cipher", ppk.Encryption));
        ppk.Comment = Header("Comment").Value;
        ppk.PublicBlob = Lines("Public-Lines");
        if (ppk.Version == 3 && ppk.Encryption != "none")
        {
            foreach (var name in new[] { "Key-Derivation", "Argon2-Memory", "Argon2-Passes", "Argon2-Parallelism", "Argon2-Salt" })
            {
                var (key, value) = Header(name);
                ppk.Headers[key] = value;
            }
        }
        ppk.PrivateBlob = Lines("Private-Lines");
        ppk.Mac = Header(ppk.Version == 2 ? "Private-MAC" : "Private-MAC").Value;
        return ppk;
    }
}
