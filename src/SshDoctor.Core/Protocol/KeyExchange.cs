using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Agreement;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Security;

namespace SshDoctor.Core.Protocol;

/// <summary>The outcome of a key exchange: the exchange hash, the shared secret and the verified host key.</summary>
internal sealed record KexOutput(byte[] ExchangeHash, byte[] SharedSecretMpint, byte[] HostKeyBlob);

/// <summary>
/// One key exchange method (RFC 8731 curve25519-sha256, RFC 5656 ecdh-sha2-nistp256, RFC 8268
/// diffie-hellman-group14-sha256). All three hash with SHA-256 and use messages 30/31.
/// </summary>
internal abstract class KexMethod : IDisposable
{
    public static KexMethod Create(string name) => name switch
    {
        "curve25519-sha256" or "curve25519-sha256@libssh.org" => new Curve25519Kex(),
        "ecdh-sha2-nistp256" => new EcdhP256Kex(),
        "diffie-hellman-group14-sha256" => new DhGroup14Kex(),
        _ => throw new SshProtocolException($"unsupported kex {name}"),
    };

    /// <summary>Q_C / e as it goes in the INIT message.</summary>
    public abstract void WriteClientValue(SshWriter w);
    /// <summary>Reads Q_S / f from the reply, writes Q_C, Q_S (or e, f) into the hash input, returns K as unsigned bytes.</summary>
    public abstract byte[] Agree(SshReader reply, SshWriter hashInput);
    public virtual void Dispose() { }

    /// <summary>Runs the exchange after both KEXINITs; verifies the host key signature over H.</summary>
    public static async Task<KexOutput> RunAsync(PacketTransport t, string kexName, string hostKeyAlgorithm,
        byte[] clientId, byte[] serverId, byte[] clientKexInit, byte[] serverKexInit, CancellationToken ct)
    {
        using var kex = Create(kexName);
        var init = new SshWriter().Byte(SshMsg.KexEcdhInit);
        kex.WriteClientValue(init);
        await t.SendAsync(init.ToArray(), ct).ConfigureAwait(false);

        var reply = await t.ReceiveAsync(ct).ConfigureAwait(false);
        if (reply[0] != SshMsg.KexEcdhReply)
            throw new SshProtocolException($"expected key exchange reply, got message {reply[0]}");
        var r = new SshReader(reply, 1);
        var hostKeyBlob = r.Bytes();
        var h = new SshWriter(1024).String(clientId).String(serverId).String(clientKexInit).String(serverKexInit).String(hostKeyBlob);
        var k = kex.Agree(r, h);
        var signature = r.Bytes();
        var kMpint = new SshWriter().MpintUnsigned(k).ToArray();
        h.Raw(kMpint);
        var exchangeHash = SHA256.HashData(h.Span);
        if (!SshSignature.Verify(hostKeyBlob, hostKeyAlgorithm, signature, exchangeHash))
            throw new SshProtocolException($"the server's host key signature ({hostKeyAlgorithm}) does not verify");
        return new KexOutput(exchangeHash, kMpint, hostKeyBlob);
    }

    /// <summary>RFC 4253 §7.2: HASH(K || H || X || session_id), extended as needed.</summary>
    public static byte[] DeriveKey(byte[] kMpint, byte[] h, char letter, byte[] sessionId, int length)
    {
        var input = new SshWriter().Raw(kMpint).Raw(h).Byte((byte)letter).Raw(sessionId);
        var key = SHA256.HashData(input.Span);
        while (key.Length < length)
        {
            var more = SHA256.HashData(new SshWriter().Raw(kMpint).Raw(h).Raw(key).Span);
            key = [.. key, .. more];
        }
        return key[..length];
    }
}

internal sealed class Curve25519Kex : KexMethod
{
    private readonly X25519PrivateKeyParameters _private = new(new SecureRandom());
    private readonly byte[] _public;

    public Curve25519Kex() => _public = _private.GeneratePublicKey().GetEncoded();

    public override void WriteClientValue(SshWriter w) => w.String(_public);

    public override byte[] Agree(SshReader reply, SshWriter hashInput)
    {
        var serverPublic = reply.Bytes();
        if (serverPublic.Length != 32) throw new SshProtocolException("bad curve25519 public value");
        var agreement = new X25519Agreement();
        agreement.Init(_private);
        var secret = new byte[32];
        try { agreement.CalculateAgreement(new X25519PublicKeyParameters(serverPublic, 0), secret, 0); }
        catch (InvalidOperationException) { throw new SshProtocolException("curve25519 shared secret is zero"); }
        hashInput.String(_public).String(serverPublic);
        return secret; // RFC 8731 §3.1: the 32 bytes as an unsigned big-endian integer
    }
}

internal sealed class EcdhP256Kex : KexMethod
{
    private readonly ECDiffieHellman _ecdh = ECDiffieHellman.Create(ECCurve.NamedCurves.nistP256);
    private readonly byte[] _public;

    public EcdhP256Kex()
    {
        var p = _ecdh.ExportParameters(false);
        _public = [4, .. p.Q.X!, .. p.Q.Y!];
    }

    public override void WriteClientValue(SshWriter w) => w.String(_public);

    public override byte[] Agree(SshReader reply, SshWriter hashInput)
    {
        var q = reply.Bytes();
        if (q.Length != 65 || q[0] != 4) throw new SshProtocolException("bad nistp256 public point");
        try
        {
            using var peer = ECDiffieHellman.Create(new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint { X = q.AsSpan(1, 32).ToArray(), Y = q.AsSpan(33, 32).ToArray() },
            });
            var secret = _ecdh.DeriveRawSecretAgreement(peer.PublicKey);
            hashInput.String(_public).String(q);
            return secret;
        }
        catch (CryptographicException)
        {
            throw new SshProtocolException("invalid nistp256 public point");
        }
    }

    public override void Dispose() => _ecdh.Dispose();
}

internal sealed class DhGroup14Kex : KexMethod
{
    // RFC 3526 §3, 2048-bit MODP group.
    private static readonly BigInteger P = BigInteger.Parse(
        "00FFFFFFFFFFFFFFFFC90FDAA22168C234C4C6628B80DC1CD129024E088A67CC74020BBEA63B139B22514A08798E3404DD" +
        "EF9519B3CD3A431B302B0A6DF25F14374FE1356D6D51C245E485B576625E7EC6F44C42E9A637ED6B0BFF5CB6F406B7ED" +
        "EE386BFB5A899FA5AE9F24117C4B1FE649286651ECE45B3DC2007CB8A163BF0598DA48361C55D39A69163FA8FD24CF5F" +
        "83655D23DCA3AD961C62F356208552BB9ED529077096966D670C354E4ABC9804F1746C08CA18217C32905E462E36CE3B" +
        "E39E772C180E86039B2783A2EC07A28FB5C55DF06F4C52C9DE2BCBF6955817183995497CEA956AE515D2261898FA0510" +
        "15728E5A8AACAA68FFFFFFFFFFFFFFFF", System.Globalization.NumberStyles.HexNumber);

    private readonly BigInteger _x;
    private readonly BigInteger _e;

    public DhGroup14Kex()
    {
        var bytes = RandomNumberGenerator.GetBytes(64); // 512-bit exponent, twice the group's security level
        _x = new BigInteger(bytes, isUnsigned: true, isBigEndian: true) | BigInteger.One;
        _e = BigInteger.ModPow(2, _x, P);
    }

    public override void WriteClientValue(SshWriter w) => w.Mpint(_e);

    public override byte[] Agree(SshReader reply, SshWriter hashInput)
    {
        var f = reply.Mpint();
        if (f <= BigInteger.One || f >= P - BigInteger.One) throw new SshProtocolException("bad DH value f");
        hashInput.Mpint(_e).Mpint(f);
        return BigInteger.ModPow(f, _x, P).ToByteArray(isUnsigned: true, isBigEndian: true);
    }
}
