using System.IO.Compression;

namespace SshDoctor.Core.Logs;

/// <summary>
/// Decompresses gzip and, at the end, compares what came out with the file's trailer (CRC32 and ISIZE,
/// RFC 1952): GZipStream returns a clean end of stream for a truncated file, which would read as fewer lines.
/// </summary>
internal sealed class GzipTrailerCheck : Stream
{
    private readonly Stream _file;
    private readonly GZipStream _gzip;
    private readonly uint _crcExpected, _sizeExpected;
    private uint _crc = 0xFFFFFFFF;
    private uint _size;
    private bool _checked;

    private GzipTrailerCheck(Stream file, uint crc, uint size)
    {
        _file = file;
        _crcExpected = crc;
        _sizeExpected = size;
        _gzip = new GZipStream(file, CompressionMode.Decompress);
    }

    /// <summary><paramref name="file"/> is seekable and positioned at 0.</summary>
    public static Stream Open(Stream file)
    {
        // Header (10) + empty deflate (2) + trailer (8).
        if (file.Length < 20) throw new InvalidDataException("gzip file too short");
        Span<byte> trailer = stackalloc byte[8];
        file.Position = file.Length - 8;
        file.ReadExactly(trailer);
        file.Position = 0;
        return new GzipTrailerCheck(file, BitConverter.ToUInt32(trailer[..4]), BitConverter.ToUInt32(trailer[4..]));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _gzip.Read(buffer);
        if (n > 0)
        {
            _crc = Crc32.Update(_crc, buffer[..n]);
            _size += (uint)n;
        }
        else if (buffer.Length > 0 && !_checked)
        {
            _checked = true;
            if ((_crc ^ 0xFFFFFFFF) != _crcExpected || _size != _sizeExpected)
            {
                // The trailer is the last member's: with several members the whole output cannot match it.
                if (!HasSecondMember()) throw new InvalidDataException("gzip data truncated or corrupt (CRC32/ISIZE mismatch)");
            }
        }
        return n;
    }

    private bool HasSecondMember()
    {
        _file.Position = 10;
        var buf = new byte[64 * 1024];
        int n, carry = 0;
        while ((n = _file.Read(buf, carry, buf.Length - carry)) > 0)
        {
            var len = n + carry;
            for (var i = 0; i + 3 < len; i++)
                if (buf[i] == 0x1f && buf[i + 1] == 0x8b && buf[i + 2] == 8 && (buf[i + 3] & 0xE0) == 0) return true;
            carry = Math.Min(3, len);
            Array.Copy(buf, len - carry, buf, 0, carry);
        }
        return false;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) _gzip.Dispose();
        base.Dispose(disposing);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}

/// <summary>CRC-32 (IEEE 802.3, reflected, as gzip uses it), slicing by one byte.</summary>
internal static class Crc32
{
    private static readonly uint[] Table = Build();

    private static uint[] Build()
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var c = i;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            t[i] = c;
        }
        return t;
    }

    public static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        var t = Table;
        foreach (var b in data) crc = t[(crc ^ b) & 0xFF] ^ (crc >> 8);
        return crc;
    }
}
