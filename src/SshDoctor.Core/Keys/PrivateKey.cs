using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.Keys;

public enum KeyAlgorithm { Rsa, Dsa, Ecdsa, Ed25519 }

/// <summary>
/// The private half of a key, in a neutral form every supported file format can be written from.
/// Construction checks that the private and public parts agree (a wrong passphrase or a damaged file
/// never yields a key).
/// </summary>
public sealed partial class PrivateKey
{
    public KeyAlgorithm Algorithm { get; }
    public PublicKey Public { get; }

    // RSA: n e d p q; DSA: p q g y x (in P,Q,G,Y,X); ECDSA: curve, Q point, D scalar; Ed25519: seed, public.
    private readonly BigInteger _n, _e, _d, _p, _q, _g, _y, _x;
    private readonly string _curve = "";
    private readonly byte[] _ecPoint = [], _scalar = [], _edPublic = [];

    private PrivateKey(KeyAlgorithm algorithm, PublicKey pub) { Algorithm = algorithm; Public = pub; }

    private PrivateKey(KeyAlgorithm algorithm, PublicKey pub, BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q)
        : this(algorithm, pub) { _n = n; _e = e; _d = d; _p = p; _q = q; }

    private PrivateKey(PublicKey pub, BigInteger p, BigInteger q, BigInteger g, BigInteger y, BigInteger x)
        : this(KeyAlgorithm.Dsa, pub) { _p = p; _q = q; _g = g; _y = y; _x = x; }

    private PrivateKey(KeyAlgorithm algorithm, PublicKey pub, string curve, byte[] point, byte[] scalar, byte[] edPublic)
        : this(algorithm, pub) { _curve = curve; _ecPoint = point; _scalar = scalar; _edPublic = edPublic; }

    // ---- construction -------------------------------------------------------------------------

    internal static PrivateKey Rsa(BigInteger n, BigInteger e, BigInteger d, BigInteger p, BigInteger q, string comment = "")
    {
        if (n.Sign <= 0 || e.Sign <= 0 || d.Sign <= 0 || p <= 1 || q <= 1 || p * q != n)
            throw Inconsistent();
        // d must invert e modulo lcm(p-1, q-1): check on a small message instead of computing the lcm.
        var m = new BigInteger(0x5A5A5A5A) % n;
        if (BigInteger.ModPow(BigInteger.ModPow(m, e, n), d, n) != m) throw Inconsistent();
        var blob = new SshWireWriter().String("ssh-rsa").Mpint(U(e)).Mpint(U(n)).ToArray();
        return new PrivateKey(KeyAlgorithm.Rsa, Pub(blob, comment), n, e, d, p, q);
    }

    internal static PrivateKey Dsa(BigInteger p, BigInteger q, BigInteger g, BigInteger? y, BigInteger x, string comment = "")
    {
        if (p <= 1 || q <= 1 || g <= 1 || x.Sign <= 0 || x >= q) throw Inconsistent();
        var derived = BigInteger.ModPow(g, x, p);
        if (y is { } given && given != derived) throw Inconsistent();
        var blob = new SshWireWriter().String("ssh-dss").Mpint(U(p)).Mpint(U(q)).Mpint(U(g)).Mpint(U(derived)).ToArray();
        return new PrivateKey(Pub(blob, comment), p, q, g, derived, x);
    }

    /// <summary>ECDSA on nistp256/384/521; <paramref name="point"/> (04‖X‖Y) is derived when null and checked otherwise.</summary>
    internal static PrivateKey Ecdsa(string curve, ReadOnlySpan<byte> scalar, byte[]? point, string comment = "")
    {
        var size = CurveSize(curve);
        var d = new BigInteger(scalar, isUnsigned: true, isBigEndian: true);
        if (d.Sign <= 0) throw Inconsistent();
        var fixedD = FixedLength(d, size);
        var derived = DerivePoint(curve, fixedD);
        if (point is not null && !point.AsSpan().SequenceEqual(derived)) throw Inconsistent();
        var type = "ecdsa-sha2-" + curve;
        var blob = new SshWireWriter().String(type).String(curve).Bytes(derived).ToArray();
        return new PrivateKey(KeyAlgorithm.Ecdsa, Pub(blob, comment), curve, derived, fixedD, []);
    }

    /// <summary>Ed25519 from its 32-byte seed; <paramref name="expectedPublic"/> is checked when given.</summary>
    internal static PrivateKey Ed25519(ReadOnlySpan<byte> seed, ReadOnlySpan<byte> expectedPublic, string comment = "")
    {
        if (seed.Length != 32) throw Inconsistent();
        var seedCopy = seed.ToArray();
        var pk = new Org.BouncyCastle.Crypto.Parameters.Ed25519PrivateKeyParameters(seedCopy, 0).GeneratePublicKey().GetEncoded();
        if (!expectedPublic.IsEmpty && !expectedPublic.SequenceEqual(pk)) throw Inconsistent();
        var blob = new SshWireWriter().String("ssh-ed25519").Bytes(pk).ToArray();
        return new PrivateKey(KeyAlgorithm.Ed25519, Pub(blob, comment), "", [], seedCopy, pk);
    }

    private static PublicKey Pub(byte[] blob, string comment)
        => (PublicKey.FromBlob(blob) ?? throw Inconsistent()).WithComment(comment);

    internal static KeyFormatException Inconsistent() => new("keys.error.inconsistent");

    public PrivateKey WithComment(string comment) => Algorithm switch
    {
        KeyAlgorithm.Rsa => new PrivateKey(Algorithm, Public.WithComment(comment), _n, _e, _d, _p, _q),
        KeyAlgorithm.Dsa => new PrivateKey(Public.WithComment(comment), _p, _q, _g, _y, _x),
        _ => new PrivateKey(Algorithm, Public.WithComment(comment), _curve, _ecPoint, _scalar, _edPublic),
    };

    // ---- curves -------------------------------------------------------------------------------

    internal static int CurveSize(string curve) => curve switch
    {
        "nistp256" => 32,
        "nistp384" => 48,
        "nistp521" => 66,
        _ => throw new KeyFormatException("keys.error.unsupported_curve", ("curve", curve)),
    };

    internal static string CurveOid(string curve) => curve switch
    {
        "nistp256" => "1.2.840.10045.3.1.7",
        "nistp384" => "1.3.132.0.34",
        "nistp521" => "1.3.132.0.35",
        _ => throw new KeyFormatException("keys.error.unsupported_curve", ("curve", curve)),
    };

    internal static string CurveFromOid(string oid) => oid switch
    {
        "1.2.840.10045.3.1.7" => "nistp256",
        "1.3.132.0.34" => "nistp384",
        "1.3.132.0.35" => "nistp521",
        _ => throw new KeyFormatException("keys.error.unsupported_curve", ("curve", oid)),
    };

    private static byte[] DerivePoint(string curve, byte[] scalar)
    {
        var name = curve switch { "nistp256" => "P-256", "nistp384" => "P-384", _ => "P-521" };
        var x9 = Org.BouncyCastle.Asn1.Nist.NistNamedCurves.GetByName(name);
        var d = new Org.BouncyCastle.Math.BigInteger(1, scalar);
        if (d.CompareTo(x9.N) >= 0) throw Inconsistent();
        return x9.G.Multiply(d).Normalize().GetEncoded(false);
    }

    // ---- helpers --------------------------------------------------------------------------------

    internal static byte[] U(BigInteger v) => v.IsZero ? [0] : v.ToByteArray(isUnsigned: true, isBigEndian: true);

    internal static BigInteger ToBig(ReadOnlySpan<byte> unsignedBigEndian) => new(unsignedBigEndian, isUnsigned: true, isBigEndian: true);

    private static byte[] FixedLength(BigInteger v, int size)
    {
        var raw = U(v);
        if (raw.Length > size) throw Inconsistent();
        var result = new byte[size];
        raw.CopyTo(result, size - raw.Length);
        return result;
    }

    private static BigInteger ModInverse(BigInteger a, BigInteger m)
    {
        BigInteger t = 0, newT = 1, r = m, newR = ((a % m) + m) % m;
        while (!newR.IsZero)
        {
            var quotient = r / newR;
            (t, newT) = (newT, t - quotient * newT);
            (r, newR) = (newR, r - quotient * newR);
        }
        if (r != 1) throw Inconsistent();
        return t.Sign < 0 ? t + m : t;
    }

    private BigInteger Iqmp => ModInverse(_q, _p);

    // ---- DER (PKCS#1, SEC1, DSA, PKCS#8) ----------------------------------------------------------

    private const string OidRsa = "1.2.840.113549.1.1.1";
    private const string OidDsa = "1.2.840.10040.4.1";
    private const string OidEc = "1.2.840.10045.2.1";
    private const string OidEd25519 = "1.3.101.112";

    /// <summary>PKCS#1 RSAPrivateKey, SEC1 ECPrivateKey or OpenSSL's DSA sequence; null for Ed25519.</summary>
    public byte[]? TraditionalDer() => Algorithm switch
    {
        KeyAlgorithm.Rsa => Pkcs1Der(),
        KeyAlgorithm.Dsa => DsaDer(),
        KeyAlgorithm.Ecdsa => Sec1Der(includeParameters: true),
        _ => null,
    };

    private byte[] Pkcs1Der()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            w.WriteInteger(_n);
            w.WriteInteger(_e);
            w.WriteInteger(_d);
            w.WriteInteger(_p);
            w.WriteInteger(_q);
            w.WriteInteger(_d % (_p - 1));
            w.WriteInteger(_d % (_q - 1));
            w.WriteInteger(Iqmp);
        }
        return w.Encode();
    }

    private byte[] DsaDer()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            w.WriteInteger(_p);
            w.WriteInteger(_q);
            w.WriteInteger(_g);
            w.WriteInteger(_y);
            w.WriteInteger(_x);
        }
        return w.Encode();
    }

    private byte[] Sec1Der(bool includeParameters)
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(1);
            w.WriteOctetString(_scalar);
            if (includeParameters)
            {
                using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 0, true)))
                    w.WriteObjectIdentifier(CurveOid(_curve));
            }
            using (w.PushSequence(new Asn1Tag(TagClass.ContextSpecific, 1, true)))
                w.WriteBitString(_ecPoint);
        }
        return w.Encode();
    }

    /// <summary>PKCS#8 PrivateKeyInfo, as `openssl pkcs8 -topk8 -nocrypt -outform DER` writes it.</summary>
    public byte[] Pkcs8Der()
    {
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            w.WriteInteger(0);
            using (w.PushSequence())
            {
                switch (Algorithm)
                {
                    case KeyAlgorithm.Rsa:
                        w.WriteObjectIdentifier(OidRsa);
                        w.WriteNull();
                        break;
                    case KeyAlgorithm.Dsa:
                        w.WriteObjectIdentifier(OidDsa);
                        using (w.PushSequence())
                        {
                            w.WriteInteger(_p);
                            w.WriteInteger(_q);
                            w.WriteInteger(_g);
                        }
                        break;
                    case KeyAlgorithm.Ecdsa:
                        w.WriteObjectIdentifier(OidEc);
                        w.WriteObjectIdentifier(CurveOid(_curve));
                        break;
                    default:
                        w.WriteObjectIdentifier(OidEd25519);
                        break;
                }
            }
            byte[] inner;
            switch (Algorithm)
            {
                case KeyAlgorithm.Rsa: inner = Pkcs1Der(); break;
                case KeyAlgorithm.Dsa:
                    var xw = new AsnWriter(AsnEncodingRules.DER);
                    xw.WriteInteger(_x);
                    inner = xw.Encode();
                    break;
                case KeyAlgorithm.Ecdsa: inner = Sec1Der(includeParameters: false); break;
                default:
                    var ow = new AsnWriter(AsnEncodingRules.DER);
                    ow.WriteOctetString(_scalar);
                    inner = ow.Encode();
                    break;
            }
            w.WriteOctetString(inner);
        }
        return w.Encode();
    }

    /// <summary>
    /// The PEM form OpenSSH and PuTTY both read: PKCS#1 (RSA), SEC1 (ECDSA), OpenSSL DSA, and PKCS#8 for
    /// Ed25519 (which has no traditional form).
    /// </summary>
    public string ToPem(string? passphrase = null)
    {
        var (label, der) = Algorithm switch
        {
            KeyAlgorithm.Rsa => ("RSA PRIVATE KEY", Pkcs1Der()),
            KeyAlgorithm.Dsa => ("DSA PRIVATE KEY", DsaDer()),
            KeyAlgorithm.Ecdsa => ("EC PRIVATE KEY", Sec1Der(includeParameters: true)),
            _ => ("PRIVATE KEY", Pkcs8Der()),
        };
        if (string.IsNullOrEmpty(passphrase) || Algorithm == KeyAlgorithm.Ed25519)
            return PemText(label, der);
        // Legacy OpenSSL encryption, as `ssh-keygen -m PEM -N …` writes it: AES-128-CBC, key from MD5(passphrase ‖ salt).
        var iv = RandomNumberGenerator.GetBytes(16);
        var key = KeyFile.OpenSslBytesToKey(Encoding.UTF8.GetBytes(passphrase), iv.AsSpan(0, 8), 16);
        using var aes = Aes.Create();
        aes.Key = key;
        var encrypted = aes.EncryptCbc(der, iv, PaddingMode.PKCS7);
        return PemText(label, encrypted, ["Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC," + Convert.ToHexString(iv)]);
    }

    internal static string PemText(string label, ReadOnlySpan<byte> der, IEnumerable<string>? headers = null)
    {
        var sb = new StringBuilder();
        sb.Append("-----BEGIN ").Append(label).Append("-----\n");
        if (headers is not null)
        {
            foreach (var h in headers) sb.Append(h).Append('\n');
            sb.Append('\n');
        }
        AppendWrapped(sb, Convert.ToBase64String(der), 64);
        sb.Append("-----END ").Append(label).Append("-----\n");
        return sb.ToString();
    }

    internal static void AppendWrapped(StringBuilder sb, string base64, int width)
    {
        for (var i = 0; i < base64.Length; i += width)
            sb.Append(base64, i, Math.Min(width, base64.Length - i)).Append('\n');
    }

    // ---- OpenSSH private format ---------------------------------------------------------------

    /// <summary>The key's fields as the OpenSSH private section stores them (after the type string).</summary>
    internal void WriteOpenSshFields(SshWireWriter w)
    {
        switch (Algorithm)
        {
            case KeyAlgorithm.Rsa:
                w.Mpint(U(_n)).Mpint(U(_e)).Mpint(U(_d)).Mpint(U(Iqmp)).Mpint(U(_p)).Mpint(U(_q));
                break;
            case KeyAlgorithm.Dsa:
                w.Mpint(U(_p)).Mpint(U(_q)).Mpint(U(_g)).Mpint(U(_y)).Mpint(U(_x));
                break;
            case KeyAlgorithm.Ecdsa:
                w.String(_curve).Bytes(_ecPoint).Mpint(_scalar);
                break;
            default:
                w.Bytes(_edPublic);
                var sk = new byte[64];
                _scalar.CopyTo(sk, 0);
                _edPublic.CopyTo(sk, 32);
                w.Bytes(sk);
                break;
        }
    }

    /// <summary>
    /// A `-----BEGIN OPENSSH PRIVATE KEY-----` file as ssh-keygen writes one: unencrypted, or with a
    /// passphrase as aes256-ctr under bcrypt_pbkdf (16 rounds, ssh-keygen's default).
    /// </summary>
    public string ToOpenSsh(string? passphrase = null)
    {
        var encrypt = !string.IsNullOrEmpty(passphrase);
        var blockSize = encrypt ? 16 : 8;
        var check = RandomNumberGenerator.GetBytes(4);
        var priv = new SshWireWriter().Raw(check).Raw(check).String(Public.Type);
        WriteOpenSshFields(priv);
        priv.String(Public.Comment);
        for (byte pad = 1; priv.Length % blockSize != 0; pad++) priv.Raw([pad]);
        var section = priv.ToArray();
        var file = new SshWireWriter().Raw("openssh-key-v1\0"u8);
        if (encrypt)
        {
            const int rounds = 16;
            var salt = RandomNumberGenerator.GetBytes(16);
            var material = BcryptPbkdf.Derive(Encoding.UTF8.GetBytes(passphrase!), salt, rounds, 48);
            section = KeyFile.AesCtr(material[..32], material[32..48], section);
            file.String("aes256-ctr").String("bcrypt").Bytes(new SshWireWriter().Bytes(salt).UInt32(rounds).ToArray());
        }
        else
            file.String("none").String("none").Bytes([]);
        file.UInt32(1).Bytes(Public.Blob).Bytes(section);
        var sb = new StringBuilder("-----BEGIN OPENSSH PRIVATE KEY-----\n");
        AppendWrapped(sb, Convert.ToBase64String(file.ToArray()), 70);
        sb.Append("-----END OPENSSH PRIVATE KEY-----\n");
        return sb.ToString();
    }

    // ---- PuTTY private blob ---------------------------------------------------------------------

    internal byte[] PpkPrivateBlob()
    {
        var w = new SshWireWriter();
        switch (Algorithm)
        {
            case KeyAlgorithm.Rsa: w.Mpint(U(_d)).Mpint(U(_p)).Mpint(U(_q)).Mpint(U(Iqmp)); break;
            case KeyAlgorithm.Dsa: w.Mpint(U(_x)); break;
            case KeyAlgorithm.Ecdsa: w.Mpint(_scalar); break;
            default: w.Bytes(_scalar); break;
        }
        return w.ToArray();
    }

    // ---- AWS ------------------------------------------------------------------------------------

    /// <summary>
    /// The fingerprint the EC2 console shows for an RSA key pair EC2 created: SHA-1 of the PKCS#8 DER
    /// private key, colon-separated lowercase hex. Null for other key types.
    /// </summary>
    public string? AwsCreatedSha1 => Algorithm == KeyAlgorithm.Rsa ? ColonHex(SHA1.HashData(Pkcs8Der())) : null;

    internal static string ColonHex(ReadOnlySpan<byte> bytes)
    {
        var sb = new StringBuilder(bytes.Length * 3);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (i > 0) sb.Append(':');
            sb.Append(bytes[i].ToString("x2"));
        }
        return sb.ToString();
    }
}
