using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>PEM: PKCS#1 RSA, SEC1 EC, OpenSSL DSA (all optionally with legacy Proc-Type encryption), PKCS#8, encrypted PKCS#8, public keys.</summary>
public static partial class KeyFile
{
    private const string OidRsa = "1.2.840.113549.1.1.1";
    private const string OidDsa = "1.2.840.10040.4.1";
    private const string OidEc = "1.2.840.10045.2.1";
    private const string OidEd25519 = "1.3.101.112";
    private const string OidEd448 = "1.3.101.113";
    private const string OidPbes2 = "1.2.840.113549.1.5.13";
    private const string OidPbkdf2 = "1.2.840.113549.1.5.12";
    private const string OidScrypt = "1.3.6.1.4.1.11591.4.11";

    private static KeyFileInfo ParsePem(PemBlock pem, string? passphrase)
    {
        switch (pem.Label)
        {
            case "OPENSSH PRIVATE KEY":
                return ParseOpenSshPrivate(pem.Der, passphrase);
            case "RSA PRIVATE KEY":
                return ParseTraditional(pem, KeyFormat.PemPkcs1Rsa, "ssh-rsa", passphrase, ReadPkcs1Rsa);
            case "EC PRIVATE KEY":
                return ParseTraditional(pem, KeyFormat.PemSec1Ec, null, passphrase, der => ReadSec1(der, null));
            case "DSA PRIVATE KEY":
                return ParseTraditional(pem, KeyFormat.PemDsa, "ssh-dss", passphrase, ReadOpenSslDsa);
            case "PRIVATE KEY":
            {
                var key = ReadPkcs8(pem.Der);
                return new KeyFileInfo(KeyFormat.Pkcs8, key.Public, false, "") { Private = key, KeyType = key.Public.Type };
            }
            case "ENCRYPTED PRIVATE KEY":
                return ParseEncryptedPkcs8(pem.Der, passphrase);
            case "PUBLIC KEY":
            {
                var pub = PublicKeyDer.FromSubjectPublicKeyInfo(pem.Der);
                return new KeyFileInfo(KeyFormat.PemPublic, pub, false, "") { KeyType = pub.Type };
            }
            case "RSA PUBLIC KEY":
            {
                var pub = PublicKeyDer.FromRsaPublicKey(pem.Der);
                return new KeyFileInfo(KeyFormat.PemPublic, pub, false, "") { KeyType = pub.Type };
            }
            case "CERTIFICATE" or "X509 CERTIFICATE" or "TRUSTED CERTIFICATE" or "CERTIFICATE REQUEST" or "NEW CERTIFICATE REQUEST":
                throw new KeyFormatException("keys.error.x509");
            default:
                throw new KeyFormatException("keys.error.unsupported_pem", ("label", pem.Label));
        }
    }

    // ---- PKCS#1 / SEC1 / DSA, with optional legacy (Proc-Type: 4,ENCRYPTED) encryption ----------------

    private static KeyFileInfo ParseTraditional(PemBlock pem, KeyFormat format, string? type, string? passphrase, Func<byte[], PrivateKey> read)
    {
        var encrypted = pem.Headers.TryGetValue("Proc-Type", out var procType) && procType.Contains("ENCRYPTED", StringComparison.OrdinalIgnoreCase);
        if (!encrypted)
        {
            var key = read(pem.Der);
            return new KeyFileInfo(format, key.Public, false, "") { Private = key, KeyType = key.Public.Type };
        }
        if (!pem.Headers.TryGetValue("DEK-Info", out var dekInfo))
            throw new KeyFormatException("keys.error.damaged", ("detail", "Proc-Type ENCRYPTED without DEK-Info"));
        var parts = dekInfo.Split(',', 2, StringSplitOptions.TrimEntries);
        var cipher = parts[0].ToUpperInvariant();
        var info = new KeyFileInfo(format, null, true, "") { KeyType = type, Cipher = cipher, Kdf = "MD5" };
        if (passphrase is null) return info;

        byte[] iv;
        try { iv = Convert.FromHexString(parts.Length > 1 ? parts[1] : ""); }
        catch (FormatException) { throw new KeyFormatException("keys.error.damaged", ("detail", "DEK-Info IV")); }
        var (keyLength, blockSize) = cipher switch
        {
            "AES-128-CBC" => (16, 16),
            "AES-192-CBC" => (24, 16),
            "AES-256-CBC" => (32, 16),
            "DES-EDE3-CBC" => (24, 8),
            "DES-CBC" => (8, 8),
            _ => throw new KeyFormatException("keys.error.unsupported_cipher", ("cipher", parts[0])),
        };
        if (iv.Length != blockSize || pem.Der.Length % blockSize != 0)
            throw new KeyFormatException("keys.error.damaged", ("detail", "DEK-Info"));
        var secret = OpenSslBytesToKey(Encoding.UTF8.GetBytes(passphrase), iv.AsSpan(0, 8), keyLength);
        byte[] der;
        try
        {
            using SymmetricAlgorithm alg = blockSize == 16 ? Aes.Create() : keyLength == 8 ? DES.Create() : TripleDES.Create();
            alg.Key = secret;
            der = alg.DecryptCbc(pem.Der, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException) { throw new KeyFormatException("keys.error.bad_passphrase"); }
        PrivateKey privateKey;
        try { privateKey = read(der); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Garbage that happened to end in valid padding: the passphrase was wrong.
            throw new KeyFormatException("keys.error.bad_passphrase");
        }
        return info with { Public = privateKey.Public, Private = privateKey, KeyType = privateKey.Public.Type };
    }

    /// <summary>OpenSSL's EVP_BytesToKey with MD5 and one iteration (legacy PEM encryption).</summary>
    internal static byte[] OpenSslBytesToKey(byte[] password, ReadOnlySpan<byte> salt, int length)
    {
        var result = new List<byte>(length + 16);
        byte[] previous = [];
        while (result.Count < length)
        {
            var input = new byte[previous.Length + password.Length + salt.Length];
            previous.CopyTo(input, 0);
            password.CopyTo(input, previous.Length);
            salt.CopyTo(input.AsSpan(previous.Length + password.Length));
            previous = MD5.HashData(input);
            result.AddRange(previous);
        }
        return result.GetRange(0, length).ToArray();
    }

    internal static PrivateKey ReadPkcs1Rsa(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadInteger(); // version
        var n = seq.ReadInteger();
        var e = seq.ReadInteger();
        var d = seq.ReadInteger();
        var p = seq.ReadInteger();
        var q = seq.ReadInteger();
        return PrivateKey.Rsa(n, e, d, p, q);
    }

    internal static PrivateKey ReadOpenSslDsa(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadInteger(); // version
        var p = seq.ReadInteger();
        var q = seq.ReadInteger();
        var g = seq.ReadInteger();
        var y = seq.ReadInteger();
        var x = seq.ReadInteger();
        return PrivateKey.Dsa(p, q, g, y, x);
    }

    /// <summary>SEC1 ECPrivateKey; <paramref name="curveFromOuter"/> comes from a PKCS#8 AlgorithmIdentifier.</summary>
    internal static PrivateKey ReadSec1(byte[] der, string? curveFromOuter)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadInteger(); // version 1
        var d = seq.ReadOctetString();
        string? curve = curveFromOuter;
        byte[]? point = null;
        var explicit0 = new Asn1Tag(TagClass.ContextSpecific, 0, true);
        var explicit1 = new Asn1Tag(TagClass.ContextSpecific, 1, true);
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(explicit0))
        {
            var p = seq.ReadSequence(explicit0);
            if (p.PeekTag().HasSameClassAndValue(Asn1Tag.ObjectIdentifier))
                curve = PrivateKey.CurveFromOid(p.ReadObjectIdentifier());
            else
                throw new KeyFormatException("keys.error.unsupported_curve", ("curve", "explicit parameters"));
        }
        if (seq.HasData && seq.PeekTag().HasSameClassAndValue(explicit1))
            point = seq.ReadSequence(explicit1).ReadBitString(out _);
        if (curve is null)
            throw new KeyFormatException("keys.error.unsupported_curve", ("curve", "?"));
        return PrivateKey.Ecdsa(curve, d, point);
    }

    internal static PrivateKey ReadPkcs8(byte[] der)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        seq.ReadInteger(); // version 0 or 1
        var alg = seq.ReadSequence();
        var oid = alg.ReadObjectIdentifier();
        var inner = seq.ReadOctetString();
        switch (oid)
        {
            case OidRsa:
                return ReadPkcs1Rsa(inner);
            case OidEc:
                return ReadSec1(inner, PrivateKey.CurveFromOid(alg.ReadObjectIdentifier()));
            case OidEd25519:
            {
                var seed = new AsnReader(inner, AsnEncodingRules.BER).ReadOctetString();
                return PrivateKey.Ed25519(seed, default);
            }
            case OidDsa:
            {
                var pqg = alg.ReadSequence();
                var p = pqg.ReadInteger();
                var q = pqg.ReadInteger();
                var g = pqg.ReadInteger();
                var x = new AsnReader(inner, AsnEncodingRules.BER).ReadInteger();
                return PrivateKey.Dsa(p, q, g, null, x);
            }
            case OidEd448:
                throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", "Ed448"));
            default:
                throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", oid));
        }
    }

    // ---- encrypted PKCS#8 (PBES2: PBKDF2 + AES/3DES-CBC) ---------------------------------------------

    private static KeyFileInfo ParseEncryptedPkcs8(byte[] der, string? passphrase)
    {
        var seq = new AsnReader(der, AsnEncodingRules.BER).ReadSequence();
        var alg = seq.ReadSequence();
        var scheme = alg.ReadObjectIdentifier();
        var data = seq.ReadOctetString();
        if (scheme != OidPbes2)
        {
            var info0 = new KeyFileInfo(KeyFormat.Pkcs8Encrypted, null, true, "") { Cipher = scheme, Kdf = "PBES1" };
            if (passphrase is null) return info0;
            throw new KeyFormatException("keys.error.unsupported_cipher", ("cipher", "PBES1 " + scheme));
        }
        var pbes2 = alg.ReadSequence();
        var kdf = pbes2.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var enc = pbes2.ReadSequence();
        var encOid = enc.ReadObjectIdentifier();
        var (cipherName, keyLength, blockSize) = encOid switch
        {
            "2.16.840.1.101.3.4.1.2" => ("aes-128-cbc", 16, 16),
            "2.16.840.1.101.3.4.1.22" => ("aes-192-cbc", 24, 16),
            "2.16.840.1.101.3.4.1.42" => ("aes-256-cbc", 32, 16),
            "1.2.840.113549.3.7" => ("des-ede3-cbc", 24, 8),
            _ => (encOid, 0, 0),
        };
        if (kdfOid == OidScrypt)
        {
            var scryptInfo = new KeyFileInfo(KeyFormat.Pkcs8Encrypted, null, true, "") { Cipher = cipherName, Kdf = "scrypt" };
            if (passphrase is null) return scryptInfo;
            throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", "scrypt"));
        }
        if (kdfOid != OidPbkdf2)
            throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", kdfOid));
        var kp = kdf.ReadSequence();
        var salt = kp.ReadOctetString();
        var iterations = kp.ReadInteger();
        if (kp.HasData && kp.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
            kp.ReadInteger(); // key length
        var prf = HashAlgorithmName.SHA1;
        if (kp.HasData)
        {
            var prfOid = kp.ReadSequence().ReadObjectIdentifier();
            prf = prfOid switch
            {
                "1.2.840.113549.2.7" => HashAlgorithmName.SHA1,
                "1.2.840.113549.2.9" => HashAlgorithmName.SHA256,
                "1.2.840.113549.2.10" => HashAlgorithmName.SHA384,
                "1.2.840.113549.2.11" => HashAlgorithmName.SHA512,
                _ => throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", "PBKDF2 " + prfOid)),
            };
        }
        var info = new KeyFileInfo(KeyFormat.Pkcs8Encrypted, null, true, "")
        {
            Cipher = cipherName,
            Kdf = "PBKDF2-HMAC-" + prf.Name,
        };
        if (passphrase is null) return info;
        if (keyLength == 0)
            throw new KeyFormatException("keys.error.unsupported_cipher", ("cipher", encOid));
        var rounds = KdfLimits.CheckPbkdf2(iterations);
        var iv = enc.ReadOctetString();
        if (iv.Length != blockSize || data.Length % blockSize != 0)
            throw new KeyFormatException("keys.error.damaged", ("detail", "IV"));
        var secret = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(passphrase), salt, rounds, prf, keyLength);
        byte[] plain;
        try
        {
            using SymmetricAlgorithm cipher = blockSize == 16 ? Aes.Create() : TripleDES.Create();
            cipher.Key = secret;
            plain = cipher.DecryptCbc(data, iv, PaddingMode.PKCS7);
        }
        catch (CryptographicException) { throw new KeyFormatException("keys.error.bad_passphrase"); }
        PrivateKey key;
        try { key = ReadPkcs8(plain); }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KeyFormatException("keys.error.bad_passphrase");
        }
        return info with { Public = key.Public, Private = key, KeyType = key.Public.Type };
    }
}
