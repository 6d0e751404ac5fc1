namespace SshDoctor.Core.Protocol;

/// <summary>Buffered reads from the server: identification lines, then exact packet-sized chunks.</summary>
internal sealed class SshInput(Stream stream)
{
    private readonly byte[] _buf = new byte[16384];
    private int _start, _end;

    /// <summary>Total bytes received, for "closed after N bytes" evidence.</summary>
    public long BytesRead { get; private set; }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_start > 0 && _start == _end) _start = _end = 0;
        if (_end == _buf.Length)
        {
            Buffer.BlockCopy(_buf, _start, _buf, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }
        var n = await stream.ReadAsync(_buf.AsMemory(_end), ct).ConfigureAwait(false);
        if (n == 0) return false;
        _end += n;
        BytesRead += n;
        return true;
    }

    /// <summary>One line without its CR LF; null at end of stream. A line longer than <paramref name="maxLength"/> throws.</summary>
    public async ValueTask<byte[]?> ReadLineAsync(int maxLength, CancellationToken ct)
    {
        var scanned = 0;
        while (true)
        {
            var nl = Array.IndexOf(_buf, (byte)'\n', _start + scanned, _end - _start - scanned);
            if (nl >= 0)
            {
                var len = nl - _start;
                if (len > maxLength) throw new SshProtocolException("identification line too long");
                var line = _buf.AsSpan(_start, len > 0 && _buf[nl - 1] == '\r' ? len - 1 : len).ToArray();
                _start = nl + 1;
                return line;
            }
            scanned = _end - _start;
            if (scanned > maxLength) throw new SshProtocolException("identification line too long");
            if (!await FillAsync(ct).ConfigureAwait(false)) return null;
        }
    }

    public async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken ct)
    {
        var done = 0;
        while (done < destination.Length)
        {
            if (_start == _end && !await FillAsync(ct).ConfigureAwait(false))
                throw new SshDisconnectedException(0, "connection closed by the server");
            var n = Math.Min(_end - _start, destination.Length - done);
            _buf.AsMemory(_start, n).CopyTo(destination[done..]);
            _start += n;
            done += n;
        }
    }
}
