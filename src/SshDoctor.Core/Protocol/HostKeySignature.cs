using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace SshDoctor.Core.Protocol;

/// <summary>
/// Verifies SSH signatures (RFC 4253 §6.6, RFC 8709 ssh-ed25519, RFC 5656 ecdsa, RFC 8332 rsa-sha2-*)
/// made by a public key blob over some data.
/// </summary>
internal static class SshSignature
{
    public static bool Verify(byte[] keyBlob, string expectedAlgorithm, byte[] signatureBlob, byte[] data)
    {
        try
        {
            var sig = new SshReader(signatureBlob);
            var sigAlg = sig.String();
            if (sigAlg != expectedAlgorithm) return false;
            var sigBytes = sig.Bytes();
            var key = new SshReader(keyBlob);
            var keyType = key.String();
            switch (expectedAlgorithm)
            {
                case "ssh-ed25519":
                {
                    if (keyType != "ssh-ed25519") return false;
                    var pub = key.Bytes();
                    if (pub.Length != 32 || sigBytes.Length != 64) return false;
                    var verifier = new Ed25519Signer();
                    verifier.Init(false, new Ed25519PublicKeyParameters(pub, 0));
                    verifier.BlockUpdate(data, 0, data.Length);
                    return verifier.VerifySignature(sigBytes);
                }
                case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                {
                    if (keyType != expectedAlgorithm) return false;
                    var curveName = key.String();
                    var q = key.Bytes();
                    var (curve, hash, size) = EcCurve(curveName);
                    if (q.Length != 1 + 2 * size || q[0] != 4) return false;
                    using var ecdsa = ECDsa.Create(new ECParameters
                    {
                        Curve = curve,
                        Q = new ECPoint { X = q.AsSpan(1, size).ToArray(), Y = q.AsSpan(1 + size, size).ToArray() },
                    });
                    var rs = new SshReader(sigBytes);
                    var r = rs.MpintMagnitude();
                    var s = rs.MpintMagnitude();
                    if (r.Length > size || s.Length > size) return false;
                    var p1363 = new byte[2 * size];
                    r.CopyTo(p1363, size - r.Length);
                    s.CopyTo(p1363, 2 * size - s.Length);
                    return ecdsa.VerifyData(data, p1363, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
                }
                case "rsa-sha2-256" or "rsa-sha2-512" or "ssh-rsa":
                {
                    if (keyType != "ssh-rsa") return false;
                    var e = key.MpintMagnitude();
                    var n = key.MpintMagnitude();
                    using var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters { Exponent = e, Modulus = n });
                    var hash = expectedAlgorithm switch
                    {
                        "rsa-sha2-256" => HashAlgorithmName.SHA256,
                        "rsa-sha2-512" => HashAlgorithmName.SHA512,
                        _ => HashAlgorithmName.SHA1,
                    };
                    // RFC 8332: a signature shorter than the modulus is left-padded with zeros.
                    if (sigBytes.Length < n.Length)
                    {
                        var padded = new byte[n.Length];
                        sigBytes.CopyTo(padded, n.Length - sigBytes.Length);
                        sigBytes = padded;
                    }
                    return rsa.VerifyData(data, sigBytes, hash, RSASignaturePadding.Pkcs1);
                }
                default:
                    return false;
            }
        }
        catch (Exception e) when (e is SshProtocolException or CryptographicException or ArgumentException)
        {
            return false;
        }
    }

    public static (ECCurve Curve, HashAlgorithmName Hash, int FieldSize) EcCurve(string name) => name switch
    {
        "nistp256" => (ECCurve.NamedCurves.nistP256, HashAlgorithmName.SHA256, 32),
        "nistp384" => (ECCurve.NamedCurves.nistP384, HashAlgorithmName.SHA384, 48),
        "nistp521" => (ECCurve.NamedCurves.nistP521, HashAlgorithmName.SHA512, 66),
        _ => throw new SshProtocolException($"unknown curve {name}"),
    };
}
