using System.Buffers.Binary;
using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>Reads RFC 4251 wire types (uint32, string, mpint) from a buffer; never reads past the end.</summary>
public ref struct SshWireReader
{
    private ReadOnlySpan<byte> _data;

    public SshWireReader(ReadOnlySpan<byte> data) => _data = data;

    public readonly bool IsEmpty => _data.IsEmpty;
    public readonly int Remaining => _data.Length;

    public bool TryReadUInt32(out uint value)
    {
        value = 0;
        if (_data.Length < 4) return false;
        value = BinaryPrimitives.ReadUInt32BigEndian(_data);
        _data = _data[4..];
        return true;
    }

    public bool TryReadByte(out byte value)
    {
        value = 0;
        if (_data.IsEmpty) return false;
        value = _data[0];
        _data = _data[1..];
        return true;
    }

    /// <summary>The bytes not read yet.</summary>
    public readonly ReadOnlySpan<byte> Rest => _data;

    public bool TryReadBytes(out ReadOnlySpan<byte> value)
    {
        value = default;
        if (!TryReadUInt32(out var len) || len > (uint)_data.Length) return false;
        value = _data[..(int)len];
        _data = _data[(int)len..];
        return true;
    }

    public bool TryReadString(out string value)
    {
        value = "";
        if (!TryReadBytes(out var bytes)) return false;
        value = Encoding.UTF8.GetString(bytes);
        return true;
    }
}
