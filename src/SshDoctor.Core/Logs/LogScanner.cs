using System.Runtime.CompilerServices;
using System.Buffers;
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
    private const int BufferSize = 1 << 16;
    private enum Format { Syslog, Json, Bare }

    private Format _format;
    private readonly SyslogLine.StampCache _stamps = new();
    private int _year;
    private long _latestPlausible;

    public long Bytes { get; private set; }

    public void Scan(Stream stream, DateTime modifiedUtc)
    {
        _year = modifiedUtc.Year;
        _latestPlausible = modifiedUtc.AddDays(2).Ticks;
        var buf = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var filled = 0;
            var first = true;
            while (true)
            {
                var n = stream.Read(buf, filled, buf.Length - filled);
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
                if (first && filled < 4096 && n > 0) continue; // sniff on a reasonable sample
                var span = buf.AsSpan(0, filled);
                if (first) { Sniff(span); first = false; }
                var lastNl = span.LastIndexOf((byte)'\n');
                if (lastNl < 0)
                {
                    if (filled == buf.Length) { Region(span); filled = 0; }
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
