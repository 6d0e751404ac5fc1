using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Protocol;

/// <summary>
/// Signs the userauth request of a `--login` attempt. The private key never leaves this object:
/// only the public blob and signatures go on the wire.
/// </summary>
public interface IProbeSigner : IDisposable
{
    PublicKey PublicKey { get; }
    /// <summary>Signature algorithm for a signed attempt, given the server's server-sig-algs (null when it sent none).</summary>
    string SignatureAlgorithm(IReadOnlyList<string>? serverSigAlgs);
    /// <summary>The SSH signature blob (string algorithm, string signature).</summary>
    byte[] Sign(string algorithm, byte[] data);
}

/// <summary>
/// Reads the private keys `--login` needs: unencrypted OpenSSH-format (openssh-key-v1) ed25519, rsa and
/// ecdsa keys. This is a probe-local reader; the general key reader (all formats) lives in Keys/.
/// </summary>
public static class OpenSshPrivateKey
{
    private const string Begin = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private const string End = "-----END OPENSSH PRIVATE KEY-----";

    public static bool LooksLikeOpenSshPrivate(string text) => text.Contains(Begin, StringComparison.Ordinal);

    /// <summary>The public half, readable even when the private part is encrypted. Null when not this format.</summary>
    public static PublicKey? ReadPublic(string text, out bool encrypted)
    {
        encrypted = false;
        var blob = Decode(text);
        if (blob is null) return null;
        try
        {
            var r = Header(blob, out var cipher);
            encrypted = cipher != "none";
            return PublicKey.FromBlob(r.Bytes());
        }
        catch (SshProtocolException) { return null; }
    }

    /// <summary>A signer for an unencrypted key; null with a reason code otherwise (not_openssh, encrypted, unsupported_type, damaged).</summary>
    public static IProbeSigner? TryCreateSigner(string text, out string? reason)
    {
        reason = null;
        var blob = Decode(text);
        if (blob is null) { reason = "not_openssh"; return null; }
        try
        {
            var r = Header(blob, out var cipher);
            if (cipher != "none") { reason = "encrypted"; return null; }
            var publicKey = PublicKey.FromBlob(r.Bytes()) ?? throw new SshProtocolException("unsupported key type");
            var priv = new SshReader(r.Bytes());
            if (priv.UInt32() != priv.UInt32()) throw new SshProtocolException("check bytes differ");
            var type = priv.String();
            switch (type)
            {
                case "ssh-ed25519":
                {
                    priv.Bytes();
                    var sk = priv.Bytes();
                    if (sk.Length != 64) throw new SshProtocolException("bad ed25519 private key");
                    return new Ed25519ProbeSigner(publicKey, sk[..32]);
                }
                case "ssh-rsa":
                {
                    var n = priv.MpintMagnitude();
                    var e = priv.MpintMagnitude();
                    var d = priv.Mpint();
                    var iqmp = priv.Mpint();
                    var p = priv.Mpint();
                    var q = priv.Mpint();
                    var half = (n.Length + 1) / 2;
                    var rsa = RSA.Create();
                    rsa.ImportParameters(new RSAParameters
                    {
                        Modulus = n,
                        Exponent = e,
                        D = Fixed(d, n.Length),
                        P = Fixed(p, half),
                        Q = Fixed(q, half),
                        DP = Fixed(d % (p - 1), half),
                        DQ = Fixed(d % (q - 1), half),
                        InverseQ = Fixed(iqmp, half),
                    });
                    return new RsaProbeSigner(publicKey, rsa);
                }
                case "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521":
                {
                    var curveName = priv.String();
                    var q = priv.Bytes();
                    var d = priv.Mpint();
                    var (curve, hash, size) = SshSignature.EcCurve(curveName);
                    var ecdsa = ECDsa.Create(new ECParameters
                    {
                        Curve = curve,
                        Q = new ECPoint { X = q.AsSpan(1, size).ToArray(), Y = q.AsSpan(1 + size, size).ToArray() },
                        D = Fixed(d, size),
                    });
                    return new EcdsaProbeSigner(publicKey, ecdsa, hash, size);
                }
                default:
                    reason = "unsupported_type";
                    return null;
            }
        }
        catch (Exception e) when (e is SshProtocolException or CryptographicException or ArgumentException)
        {
            reason = "damaged";
            return null;
        }
    }

    private static byte[] Fixed(BigInteger v, int length)
    {
        var b = v.ToByteArray(isUnsigned: true, isBigEndian: true);
        if (b.Length >= length) return b[^length..];
        var r = new byte[length];
        b.CopyTo(r, length - b.Length);
        return r;
    }

    private static SshReader Header(byte[] blob, out string cipher)
    {
        var magic = "openssh-key-v1\0"u8;
        if (!blob.AsSpan().StartsWith(magic)) throw new SshProtocolException("bad magic");
        var r = new SshReader(blob, magic.Length);
        cipher = r.String();
        r.String(); // kdf name
        r.Bytes(); // kdf options
        if (r.UInt32() != 1) throw new SshProtocolException("only single-key files are supported");
        return r;
    }

    private static byte[]? Decode(string text)
    {
        var start = text.IndexOf(Begin, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        if (start < 0 || end < start) return null;
        var b64 = new StringBuilder();
        foreach (var c in text.AsSpan(start + Begin.Length, end - start - Begin.Length))
            if (!char.IsWhiteSpace(c)) b64.Append(c);
        try { return Convert.FromBase64String(b64.ToString()); }
        catch (FormatException) { return null; }
    }
}

internal sealed class Ed25519ProbeSigner(PublicKey publicKey, byte[] seed) : IProbeSigner
{
    public PublicKey PublicKey => publicKey;
    public string SignatureAlgorithm(IReadOnlyList<string>? serverSigAlgs) => "ssh-ed25519";

    public byte[] Sign(string algorithm, byte[] data)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.BlockUpdate(data, 0, data.Length);
        return new SshWriter().String("ssh-ed25519").String(signer.GenerateSignature()).ToArray();
    }

    public void Dispose() => CryptographicOperations.ZeroMemory(seed);
}

internal sealed class RsaProbeSigner(PublicKey publicKey, RSA rsa) : IProbeSigner
{
    public PublicKey PublicKey => publicKey;

    public string SignatureAlgorithm(IReadOnlyList<string>? serverSigAlgs) => RsaAlgorithm(serverSigAlgs);

    /// <summary>As OpenSSH does: rsa-sha2-512, then -256, from server-sig-algs; ssh-rsa when the server sent none.</summary>
    public static string RsaAlgorithm(IReadOnlyList<string>? serverSigAlgs)
    {
        if (serverSigAlgs is null) return "ssh-rsa";
        if (serverSigAlgs.Contains("rsa-sha2-512")) return "rsa-sha2-512";
        if (serverSigAlgs.Contains("rsa-sha2-256")) return "rsa-sha2-256";
        return "ssh-rsa";
    }

    public byte[] Sign(string algorithm, byte[] data)
    {
        var hash = algorithm switch
        {
            "rsa-sha2-512" => HashAlgorithmName.SHA512,
            "rsa-sha2-256" => HashAlgorithmName.SHA256,
            _ => HashAlgorithmName.SHA1,
        };
        return new SshWriter().String(algorithm).String(rsa.SignData(data, hash, RSASignaturePadding.Pkcs1)).ToArray();
    }

    public void Dispose() => rsa.Dispose();
}

internal sealed class EcdsaProbeSigner(PublicKey publicKey, ECDsa ecdsa, HashAlgorithmName hash, int size) : IProbeSigner
{
    public PublicKey PublicKey => publicKey;
    public string SignatureAlgorithm(IReadOnlyList<string>? serverSigAlgs) => publicKey.Type;

    public byte[] Sign(string algorithm, byte[] data)
    {
        var p1363 = ecdsa.SignData(data, hash, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        var inner = new SshWriter().MpintUnsigned(p1363.AsSpan(0, size)).MpintUnsigned(p1363.AsSpan(size)).ToArray();
        return new SshWriter().String(publicKey.Type).String(inner).ToArray();
    }

    public void Dispose() => ecdsa.Dispose();
}
