using System.Runtime.CompilerServices;
using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using System.Text.Json;

namespace SshDoctor.Core.Logs;

/// <summary>
/// Streams a log through a fixed buffer and feeds sshd's messages to a <see cref="LogAnalysis"/>.
/// Syslog files are searched for the bytes "sshd" first, so other programs' lines cost almost nothing;
/// `journalctl -o json` exports and bare `sshd -e` output are read line by line.
/// </summary>
public sealed class LogScanner(LogAnalysis analysis, long sinceTicks = 0)
{
    /// <summary>Reads are this large: the buffer stays in the CPU's cache next to the tables the analysis reads.</summary>
    private const int ReadSize = 1 << 16;
    /// <summary>A line longer than this is read as pieces of this length (memory stays flat on any input).</summary>
    internal const int MaxLine = 1 << 20;
    private enum Format { Syslog, Json, Bare }

    private readonly int _readSize = ReadSize;
    private readonly int _maxLine = MaxLine;

    /// <summary>Smaller sizes let tests put line ends and long lines at buffer boundaries.</summary>
    internal LogScanner(LogAnalysis analysis, long sinceTicks, int readSize, int maxLine) : this(analysis, sinceTicks)
    {
        _readSize = readSize;
        _maxLine = maxLine;
    }

    private Format _format;
    private readonly SyslogLine.StampCache _stamps = new();
    private int _year;
    private long _latestPlausible;

    public long Bytes { get; private set; }

    public void Scan(Stream stream, DateTime modifiedUtc)
    {
        _year = modifiedUtc.Year;
        _latestPlausible = modifiedUtc.AddDays(2).Ticks;
        var size = _readSize;
        var buf = ArrayPool<byte>.Shared.Rent(size);
        try
        {
            var filled = 0;
            var first = true;
            while (true)
            {
                var n = stream.Read(buf, filled, size - filled);
                if (n == 0)
                {
                    if (filled > 0)
                    {
                        if (first) Sniff(buf.AsSpan(0, filled));
                        Region(buf.AsSpan(0, filled));
                    }
                    break;
                }
                Bytes += n;
                filled += n;
                if (first && filled < 4096 && filled < size) continue; // sniff on a reasonable sample
                var span = buf.AsSpan(0, filled);
                if (first) { Sniff(span); first = false; }
                var lastNl = span.LastIndexOf((byte)'\n');
                if (lastNl < 0)
                {
                    if (filled < size) continue;
                    if (size >= _maxLine) { Region(span); filled = 0; continue; }
                    // A line longer than the buffer: a larger one, up to MaxLine.
                    size = Math.Min(size * 2, _maxLine);
                    var larger = ArrayPool<byte>.Shared.Rent(size);
                    Buffer.BlockCopy(buf, 0, larger, 0, filled);
                    ArrayPool<byte>.Shared.Return(buf);
                    buf = larger;
                    continue;
                }
                Region(span[..(lastNl + 1)]);
                var rem = filled - (lastNl + 1);
                if (rem > 0) Buffer.BlockCopy(buf, lastNl + 1, buf, 0, rem);
                filled = rem;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buf);
        }
    }

    private void Sniff(ReadOnlySpan<byte> sample)
    {
        var probe = sample[..Math.Min(sample.Length, 8192)];
        if (probe.IndexOf((byte)0) >= 0) throw new InvalidDataException("binary");
        while (probe.Length > 0 && (probe[0] is (byte)'\n' or (byte)'\r' or (byte)' ')) probe = probe[1..];
        var nl = probe.IndexOf((byte)'\n');
        var line = nl < 0 ? probe : probe[..nl];
        if (line.Length > 0 && line[0] == (byte)'{') _format = Format.Json;
        else if (SyslogLine.TryParse(line, _year, out _) || line.StartsWith("-- "u8)) _format = Format.Syslog;
        else _format = Format.Bare;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Region(ReadOnlySpan<byte> region)
    {
        if (_format == Format.Bare)
        {
            while (!region.IsEmpty)
            {
                var nl = region.IndexOf((byte)'\n');
                var line = nl < 0 ? region : region[..nl];
                if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
                BareLine(line);
                region = nl < 0 ? default : region[(nl + 1)..];
            }
            return;
        }
        if (_format == Format.Syslog)
        {
            SyslogRegion(region);
            return;
        }
        var pos = 0;
        while (pos < region.Length)
        {
            var hit = region[pos..].IndexOf("sshd"u8);
            if (hit < 0) break;
            hit += pos;
            // pos starts a line: the hit's line starts after the last line end before it, if any.
            var ls = pos + region[pos..hit].LastIndexOf((byte)'\n') + 1;
            var le = region[hit..].IndexOf((byte)'\n');
            le = le < 0 ? region.Length : hit + le;
            var line = region[ls..le];
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            if (_format == Format.Json) JsonLine(line);
            else SyslogEntry(line);
            pos = le + 1;
        }
    }

    /// <summary>
    /// The lines that contain "sshd", as <see cref="Region"/> finds them for other formats, with less searching:
    /// consecutive lines mostly carry the tag at the same column (same stamp width, same host), so each line's end
    /// is found and the tag's bytes checked where the last one was. A line without it there is searched whole;
    /// after a few lines without "sshd", the search skips ahead over the region (logs where sshd is rare).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SyslogRegion(ReadOnlySpan<byte> region)
    {
        var pos = 0;
        var misses = 0;
        while (pos < region.Length)
        {
            if (misses >= 4)
            {
                var hit = region[pos..].IndexOf("sshd"u8);
                if (hit < 0) return;
                hit += pos;
                // pos starts a line: the hit's line starts after the last line end before it, if any.
                pos += region[pos..hit].LastIndexOf((byte)'\n') + 1;
                _tagColumn = hit - pos;
                misses = 0;
            }
            var rest = region[pos..];
            var len = rest.IndexOf((byte)'\n');
            if (len < 0) len = rest.Length;
            var line = rest[..len];
            var col = _tagColumn;
            if ((uint)(col + 4) <= (uint)line.Length && BinaryPrimitives.ReadUInt32LittleEndian(line[col..]) == Sshd) { }
            else if ((col = line.IndexOf("sshd"u8)) >= 0) _tagColumn = col;
            else
            {
                misses++;
                pos += len + 1;
                continue;
            }
            misses = 0;
            if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
            SyslogEntry(line);
            pos += len + 1;
        }
    }

    private const uint Sshd = 's' | 's' << 8 | 'h' << 16 | (uint)'d' << 24;
    private int _tagColumn;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void SyslogEntry(ReadOnlySpan<byte> line)
    {
        if (!SyslogLine.TryParse(line, _year, out var p, _stamps)) return;
        if (!SyslogLine.IsSshd(p.Program)) return;
        var ticks = p.Ticks;
        if (ticks > _latestPlausible && SyslogLine.TryParse(line, _year - 1, out var earlier)) ticks = earlier.Ticks;
        if (ticks != 0 && ticks < sinceTicks) return;
        var e = SshdMessageClassifier.Classify(p.Message);
        analysis.Add(p.Pid, ticks, e);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BareLine(ReadOnlySpan<byte> line)
    {
        // `sshd -D -e` output, or a pasted log without syslog prefix: the message is the whole line.
        if (SyslogLine.TryParse(line, _year, out var p))
        {
            if (!SyslogLine.IsSshd(p.Program)) return;
            if (p.Ticks != 0 && p.Ticks < sinceTicks) return;
            analysis.Add(p.Pid, p.Ticks, SshdMessageClassifier.Classify(p.Message));
            return;
        }
        var e = SshdMessageClassifier.Classify(line);
        if (e.Kind != SshdEventKind.None) analysis.Add(0, 0, e);
    }

    private void JsonLine(ReadOnlySpan<byte> line)
    {
        string? message = null, ident = null, comm = null;
        long micros = 0;
        var pid = 0;
        try
        {
            var r = new Utf8JsonReader(line);
            if (!r.Read() || r.TokenType != JsonTokenType.StartObject) return;
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("MESSAGE"u8)) { r.Read(); if (r.TokenType == JsonTokenType.String) message = r.GetString(); }
                else if (r.ValueTextEquals("SYSLOG_IDENTIFIER"u8)) { r.Read(); if (r.TokenType == JsonTokenType.String) ident = r.GetString(); }
                else if (r.ValueTextEquals("_COMM"u8)) { r.Read(); if (r.TokenType == JsonTokenType.String) comm = r.GetString(); }
                else if (r.ValueTextEquals("__REALTIME_TIMESTAMP"u8)) { r.Read(); if (r.TokenType == JsonTokenType.String) long.TryParse(r.GetString(), out micros); }
                else if (r.ValueTextEquals("_PID"u8) || (pid == 0 && r.ValueTextEquals("SYSLOG_PID"u8)))
                {
                    r.Read();
                    if (r.TokenType == JsonTokenType.String) int.TryParse(r.GetString(), out pid);
                }
                else { r.Read(); r.TrySkip(); }
            }
        }
        catch (JsonException)
        {
            return;
        }
        var program = ident ?? comm;
        if (message is null || program is null || !SyslogLine.IsSshd(Encoding.ASCII.GetBytes(program))) return;
        var ticks = micros > 0 ? DateTime.UnixEpoch.Ticks + micros * 10 : 0;
        if (ticks != 0 && ticks < sinceTicks) return;
        analysis.Add(pid, ticks, SshdMessageClassifier.Classify(message));
    }
}
