using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;

namespace SshDoctor.Core.Keys;

/// <summary>SSH public keys to and from X.509 SubjectPublicKeyInfo DER, and the AWS import fingerprint.</summary>
public static class PublicKeyDer
{
    private const string OidRsa = "1.2.840.113549.1.1.1";
    private const string OidDsa = "1.2.840.10040.4.1";
    private const string OidEc = "1.2.840.10045.2.1";
    private const string OidEd25519 = "1.3.101.112";

    /// <summary>The DER SubjectPublicKeyInfo (`openssl pkey -pubout -outform DER`); null for security-key types.</summary>
    public static byte[]? SubjectPublicKeyInfo(PublicKey key)
    {
        var r = new SshWireReader(key.Blob);
        r.TryReadString(out _);
        var w = new AsnWriter(AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            switch (key.Type)
            {
                case "ssh-rsa":
                {
                    r.TryReadBytes(out var e);
                    r.TryReadBytes(out var n);
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(OidRsa);
                        w.WriteNull();
                    }
                    var inner = new AsnWriter(AsnEncodingRules.DER);
                    using (inner.PushSequence())
                    {
                        inner.WriteInteger(Big(n));
                        inner.WriteInteger(Big(e));
                    }
                    w.WriteBitString(inner.Encode());
                    break;
                }
                case "ssh-dss":
                {
                    r.TryReadBytes(out var p);
                    r.TryReadBytes(out var q);
                    r.TryReadBytes(out var g);
                    r.TryReadBytes(out var y);
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(OidDsa);
                        using (w.PushSequence())
                        {
                            w.WriteInteger(Big(p));
                            w.WriteInteger(Big(q));
                            w.WriteInteger(Big(g));
                        }
                    }
                    var inner = new AsnWriter(AsnEncodingRules.DER);
                    inner.WriteInteger(Big(y));
                    w.WriteBitString(inner.Encode());
                    break;
                }
                case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                {
                    r.TryReadString(out var curve);
                    r.TryReadBytes(out var point);
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(OidEc);
                        w.WriteObjectIdentifier(PrivateKey.CurveOid(curve));
                    }
                    w.WriteBitString(point);
                    break;
                }
                case "ssh-ed25519":
                {
                    r.TryReadBytes(out var pk);
                    using (w.PushSequence())
                        w.WriteObjectIdentifier(OidEd25519);
                    w.WriteBitString(pk);
                    break;
                }
                default:
                    return null;
            }
        }
        return w.Encode();
    }

    /// <summary>
    /// The fingerprint the EC2 console shows for an RSA public key that was imported: MD5 of the DER
    /// SubjectPublicKeyInfo, colon-separated lowercase hex. Null for other key types.
    /// </summary>
    public static string? AwsImportedMd5(PublicKey key)
        => key.Type == "ssh-rsa" && SubjectPublicKeyInfo(key) is { } der ? PrivateKey.ColonHex(MD5.HashData(der)) : null;

    /// <summary>Reads a DER SubjectPublicKeyInfo.</summary>
    internal static PublicKey FromSubjectPublicKeyInfo(byte[] der)
    {
        var outer = new AsnReader(der, AsnEncodingRules.DER);
        var spki = outer.ReadSequence();
        var alg = spki.ReadSequence();
        var oid = alg.ReadObjectIdentifier();
        var bits = spki.ReadBitString(out _);
        byte[] blob;
        switch (oid)
        {
            case OidRsa:
                return FromRsaPublicKey(bits);
            case OidEc:
            {
                var curve = PrivateKey.CurveFromOid(alg.ReadObjectIdentifier());
                blob = new SshWireWriter().String("ecdsa-sha2-" + curve).String(curve).Bytes(bits).ToArray();
                break;
            }
            case OidEd25519:
                blob = new SshWireWriter().String("ssh-ed25519").Bytes(bits).ToArray();
                break;
            case OidDsa:
            {
                var pqg = alg.ReadSequence();
                var p = pqg.ReadInteger();
                var q = pqg.ReadInteger();
                var g = pqg.ReadInteger();
                var y = new AsnReader(bits, AsnEncodingRules.DER).ReadInteger();
                blob = new SshWireWriter().String("ssh-dss").Mpint(PrivateKey.U(p)).Mpint(PrivateKey.U(q))
                    .Mpint(PrivateKey.U(g)).Mpint(PrivateKey.U(y)).ToArray();
                break;
            }
            default:
                throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", oid));
        }
        return PublicKey.FromBlob(blob) ?? throw new KeyFormatException("keys.error.inconsistent");
    }

    /// <summary>Reads a DER PKCS#1 RSAPublicKey (SEQUENCE { n, e }).</summary>
    internal static PublicKey FromRsaPublicKey(ReadOnlySpan<byte> der)
    {
        var seq = new AsnReader(der.ToArray(), AsnEncodingRules.DER).ReadSequence();
        var n = seq.ReadInteger();
        var e = seq.ReadInteger();
        var blob = new SshWireWriter().String("ssh-rsa").Mpint(PrivateKey.U(e)).Mpint(PrivateKey.U(n)).ToArray();
        return PublicKey.FromBlob(blob) ?? throw new KeyFormatException("keys.error.inconsistent");
    }

    private static BigInteger Big(ReadOnlySpan<byte> mpint) => PrivateKey.ToBig(mpint);
}
