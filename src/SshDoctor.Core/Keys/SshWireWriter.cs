using System.Buffers.Binary;
using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>Writes RFC 4251 wire types (uint32, string, mpint).</summary>
public sealed class SshWireWriter
{
    private readonly MemoryStream _buffer = new();

    public int Length => (int)_buffer.Length;

    public SshWireWriter UInt32(uint value)
    {
        Span<byte> b = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(b, value);
        _buffer.Write(b);
        return this;
    }

    public SshWireWriter Bytes(ReadOnlySpan<byte> value)
    {
        UInt32((uint)value.Length);
        _buffer.Write(value);
        return this;
    }

    public SshWireWriter String(string value) => Bytes(Encoding.UTF8.GetBytes(value));

    /// <summary>An unsigned big-endian integer as an mpint (minimal, with a 0 byte when the top bit is set).</summary>
    public SshWireWriter Mpint(ReadOnlySpan<byte> unsignedBigEndian)
    {
        var v = unsignedBigEndian;
        while (v.Length > 0 && v[0] == 0) v = v[1..];
        if (v.Length > 0 && (v[0] & 0x80) != 0)
        {
            UInt32((uint)v.Length + 1);
            _buffer.WriteByte(0);
            _buffer.Write(v);
            return this;
        }
        return Bytes(v);
    }

    public SshWireWriter Raw(ReadOnlySpan<byte> value)
    {
        _buffer.Write(value);
        return this;
    }

    public byte[] ToArray() => _buffer.ToArray();
}
