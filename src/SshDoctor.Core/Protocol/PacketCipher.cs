using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SshDoctor.Core.Protocol;

/// <summary>The negotiated protection of one direction (RFC 4253 §6, RFC 4344 ctr, RFC 5647 + openssh.com gcm).</summary>
internal sealed class DirectionCipher : IDisposable
{
    public static readonly string[] SupportedCiphers = ["aes128-ctr", "aes256-ctr", "aes256-gcm@openssh.com", "aes128-gcm@openssh.com"];
    public static readonly string[] SupportedMacs =
        ["hmac-sha2-256-etm@openssh.com", "hmac-sha2-256", "hmac-sha2-512-etm@openssh.com", "hmac-sha2-512"];

    private readonly AesCtr? _ctr;
    private readonly AesGcm? _gcm;
    private readonly byte[] _gcmNonce = new byte[12];
    private readonly HMAC? _mac;

    public bool IsAead => _gcm is not null;
    public bool Etm { get; }
    public int MacLength { get; }
    public int BlockSize => 16;

    private DirectionCipher(AesCtr? ctr, AesGcm? gcm, byte[]? gcmIv, HMAC? mac, bool etm, int macLength)
    {
        _ctr = ctr;
        _gcm = gcm;
        if (gcmIv is not null) gcmIv.AsSpan(0, 12).CopyTo(_gcmNonce);
        _mac = mac;
        Etm = etm;
        MacLength = macLength;
    }

    public static int KeyLength(string cipher) => cipher is "aes128-ctr" or "aes128-gcm@openssh.com" ? 16 : 32;
    public static int IvLength(string cipher) => cipher.EndsWith("gcm@openssh.com", StringComparison.Ordinal) ? 12 : 16;
    public static bool IsAeadCipher(string cipher) => cipher.EndsWith("gcm@openssh.com", StringComparison.Ordinal);
    public static int MacKeyLength(string mac) => mac.StartsWith("hmac-sha2-512", StringComparison.Ordinal) ? 64 : 32;

    public static DirectionCipher Create(string cipher, string? mac, byte[] key, byte[] iv, byte[]? macKey)
    {
        if (IsAeadCipher(cipher))
            return new DirectionCipher(null, new AesGcm(key, 16), iv, null, false, 16);
        HMAC hmac = mac!.StartsWith("hmac-sha2-512", StringComparison.Ordinal) ? new HMACSHA512(macKey!) : new HMACSHA256(macKey!);
        return new DirectionCipher(new AesCtr(key, iv), null, null, hmac, mac.EndsWith("-etm@openssh.com", StringComparison.Ordinal), hmac.HashSize / 8);
    }

    /// <summary>Protects one packet: <paramref name="packet"/> is uint32 length || padding length || payload || padding.</summary>
    public byte[] Seal(uint seq, byte[] packet)
    {
        var output = new byte[packet.Length + MacLength];
        if (_gcm is not null)
        {
            packet.AsSpan(0, 4).CopyTo(output);
            _gcm.Encrypt(_gcmNonce, packet.AsSpan(4), output.AsSpan(4, packet.Length - 4), output.AsSpan(packet.Length), packet.AsSpan(0, 4));
            IncrementNonce();
            return output;
        }
        if (Etm)
        {
            packet.AsSpan(0, 4).CopyTo(output);
            _ctr!.Transform(packet.AsSpan(4), output.AsSpan(4, packet.Length - 4));
            Mac(seq, output.AsSpan(0, packet.Length), output.AsSpan(packet.Length));
            return output;
        }
        Mac(seq, packet, output.AsSpan(packet.Length));
        _ctr!.Transform(packet, output.AsSpan(0, packet.Length));
        return output;
    }

    /// <summary>Decrypts the first block in place (plain ctr+mac mode only) to learn the length.</summary>
    public void DecryptInPlace(Span<byte> data) => _ctr!.Transform(data, data);

    /// <summary>GCM: decrypts and authenticates <paramref name="body"/> (after the clear length) in place.</summary>
    public void OpenAead(ReadOnlySpan<byte> lengthField, Span<byte> body, ReadOnlySpan<byte> tag)
    {
        try
        {
            _gcm!.Decrypt(_gcmNonce, body, tag, body, lengthField);
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new SshProtocolException("packet authentication failed");
        }
        IncrementNonce();
    }

    public void VerifyMac(uint seq, ReadOnlySpan<byte> data, ReadOnlySpan<byte> received)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        Mac(seq, data, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, received))
            throw new SshProtocolException("packet MAC mismatch");
    }

    private void Mac(uint seq, ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> s = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(s, seq);
        var buf = new byte[4 + data.Length];
        s.CopyTo(buf);
        data.CopyTo(buf.AsSpan(4));
        _mac!.TryComputeHash(buf, destination, out _);
    }

    private void IncrementNonce()
    {
        // RFC 5647 §7.1: the 64-bit invocation counter (last 8 bytes) increments per packet.
        var counter = BinaryPrimitives.ReadUInt64BigEndian(_gcmNonce.AsSpan(4));
        BinaryPrimitives.WriteUInt64BigEndian(_gcmNonce.AsSpan(4), counter + 1);
    }

    public void Dispose()
    {
        _ctr?.Dispose();
        _gcm?.Dispose();
        _mac?.Dispose();
    }
}

/// <summary>AES in counter mode (RFC 4344): the counter is the whole 128-bit block, big-endian.</summary>
internal sealed class AesCtr : IDisposable
{
    private readonly Aes _aes;
    private readonly byte[] _counter = new byte[16];

    public AesCtr(byte[] key, byte[] iv)
    {
        _aes = Aes.Create();
        _aes.Key = key;
        iv.AsSpan(0, 16).CopyTo(_counter);
    }

    /// <summary>Packets are whole blocks, so the keystream never straddles calls.</summary>
    public void Transform(ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.Length % 16 != 0) throw new SshProtocolException("packet not a multiple of the block size");
        var blocks = input.Length / 16;
        var counters = new byte[input.Length];
        for (var b = 0; b < blocks; b++)
        {
            _counter.CopyTo(counters, b * 16);
            for (var i = 15; i >= 0 && ++_counter[i] == 0; i--) { }
        }
        var stream = _aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < input.Length; i++) output[i] = (byte)(input[i] ^ stream[i]);
    }

    public void Dispose() => _aes.Dispose();
}
