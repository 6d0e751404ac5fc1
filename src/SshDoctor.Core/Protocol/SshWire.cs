using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace SshDoctor.Core.Protocol;

/// <summary>A peer sent something that breaks the protocol (or our bounds); the message is one line.</summary>
public sealed class SshProtocolException(string message) : Exception(message);

/// <summary>The server sent SSH_MSG_DISCONNECT, or closed the connection.</summary>
public sealed class SshDisconnectedException(uint reason, string description) : Exception(description)
{
    public uint Reason { get; } = reason;
}

/// <summary>RFC 4253 message numbers used by the probe.</summary>
internal static class SshMsg
{
    public const byte Disconnect = 1, Ignore = 2, Unimplemented = 3, Debug = 4, ServiceRequest = 5, ServiceAccept = 6, ExtInfo = 7;
    public const byte KexInit = 20, NewKeys = 21, KexEcdhInit = 30, KexEcdhReply = 31;
    public const byte UserauthRequest = 50, UserauthFailure = 51, UserauthSuccess = 52, UserauthBanner = 53, UserauthPkOk = 60;
}

/// <summary>Builds RFC 4251 encoded data.</summary>
internal sealed class SshWriter
{
    private byte[] _buf;
    private int _len;

    public SshWriter(int capacity = 256) => _buf = new byte[capacity];

    public int Length => _len;
    public ReadOnlySpan<byte> Span => _buf.AsSpan(0, _len);
    public byte[] ToArray() => _buf.AsSpan(0, _len).ToArray();

    private Span<byte> Grow(int n)
    {
        if (_len + n > _buf.Length) Array.Resize(ref _buf, Math.Max(_buf.Length * 2, _len + n));
        var span = _buf.AsSpan(_len, n);
        _len += n;
        return span;
    }

    public SshWriter Byte(byte b) { Grow(1)[0] = b; return this; }
    public SshWriter Bool(bool b) => Byte(b ? (byte)1 : (byte)0);
    public SshWriter UInt32(uint v) { BinaryPrimitives.WriteUInt32BigEndian(Grow(4), v); return this; }
    public SshWriter Raw(ReadOnlySpan<byte> data) { data.CopyTo(Grow(data.Length)); return this; }
    public SshWriter String(ReadOnlySpan<byte> data) { UInt32((uint)data.Length); return Raw(data); }
    public SshWriter String(string utf8) => String(Encoding.UTF8.GetBytes(utf8));
    public SshWriter NameList(IEnumerable<string> names) => String(string.Join(',', names));

    /// <summary>An mpint from an unsigned big-endian magnitude.</summary>
    public SshWriter MpintUnsigned(ReadOnlySpan<byte> magnitude)
    {
        var i = 0;
        while (i < magnitude.Length && magnitude[i] == 0) i++;
        var m = magnitude[i..];
        if (m.Length == 0) return UInt32(0);
        var pad = (m[0] & 0x80) != 0;
        UInt32((uint)(m.Length + (pad ? 1 : 0)));
        if (pad) Byte(0);
        return Raw(m);
    }

    public SshWriter Mpint(BigInteger value) => MpintUnsigned(value.ToByteArray(isUnsigned: true, isBigEndian: true));
}

/// <summary>Reads RFC 4251 encoded data; throws <see cref="SshProtocolException"/> instead of reading past the end.</summary>
internal sealed class SshReader(byte[] data, int offset = 0)
{
    private int _pos = offset;

    public bool IsEmpty => _pos >= data.Length;
    public int Remaining => data.Length - _pos;

    private ReadOnlySpan<byte> Take(int n)
    {
        if (n < 0 || n > data.Length - _pos) throw new SshProtocolException("truncated message");
        var s = data.AsSpan(_pos, n);
        _pos += n;
        return s;
    }

    public byte Byte() => Take(1)[0];
    public bool Bool() => Byte() != 0;
    public uint UInt32() => BinaryPrimitives.ReadUInt32BigEndian(Take(4));
    public byte[] Bytes() => Take(checked((int)Math.Min(UInt32(), int.MaxValue))).ToArray();
    public ReadOnlySpan<byte> Raw(int n) => Take(n);
    public string String() => Encoding.UTF8.GetString(Take(checked((int)Math.Min(UInt32(), int.MaxValue))));
    public string[] NameList()
    {
        var s = String();
        return s.Length == 0 ? [] : s.Split(',');
    }

    public BigInteger Mpint()
    {
        var b = Bytes();
        if (b.Length > 0 && (b[0] & 0x80) != 0) throw new SshProtocolException("negative mpint");
        return new BigInteger(b, isUnsigned: true, isBigEndian: true);
    }

    /// <summary>The magnitude of a non-negative mpint, leading zeros removed.</summary>
    public byte[] MpintMagnitude()
    {
        var b = Bytes();
        if (b.Length > 0 && (b[0] & 0x80) != 0) throw new SshProtocolException("negative mpint");
        var i = 0;
        while (i < b.Length && b[i] == 0) i++;
        return b[i..];
    }
}
