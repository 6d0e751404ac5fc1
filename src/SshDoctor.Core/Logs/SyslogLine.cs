using System.Runtime.CompilerServices;
namespace SshDoctor.Core.Logs;

/// <summary>
/// Splits a syslog / `journalctl -o short` / `-o short-iso` line into time, program, pid and message:
/// `Nov 21 05:54:43 host sshd[812]: …`, `2026-11-21T05:54:43.123456+00:00 host sshd-session[812]: …`.
/// </summary>
public static class SyslogLine
{
    public ref struct Parts
    {
        /// <summary>UTC ticks, or 0 when the line carries no time.</summary>
        public long Ticks;
        public int Pid;
        public ReadOnlySpan<byte> Program;
        public ReadOnlySpan<byte> Message;
    }

    /// <param name="year">Year for classic stamps, which carry none.</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<byte> line, int year, out Parts parts, StampCache? cache = null)
    {
        parts = default;
        int pos;
        if (line.Length < 16) return false;
        if (IsDigit(line[0]))
        {
            if (!TryIso(line, out parts.Ticks, out pos)) return false;
        }
        else
        {
            if (!TryClassic(line, year, out parts.Ticks, cache)) return false;
            pos = 15;
        }
        // " host tag[pid]: message"
        if (pos >= line.Length || line[pos] != (byte)' ') return false;
        var rest = line[(pos + 1)..];
        var sp = rest.IndexOf((byte)' ');
        if (sp <= 0) return false;
        rest = rest[(sp + 1)..];
        if (TrySshdTag(rest, ref parts)) return true;
        var colon = rest.IndexOf(": "u8);
        if (colon <= 0) return false;
        var tag = rest[..colon];
        var br = tag.IndexOf((byte)'[');
        if (br > 0)
        {
            var pid = 0;
            foreach (var b in tag[(br + 1)..])
            {
                if (!IsDigit(b)) break;
                pid = pid * 10 + (b - '0');
            }
            parts.Pid = pid;
            tag = tag[..br];
        }
        parts.Program = tag;
        parts.Message = rest[(colon + 2)..];
        return true;
    }

    /// <summary>
    /// The common tag `sshd[PID]: ` read without a search; any other tag is left to the general reading, which
    /// gives the same parts for this one.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool TrySshdTag(ReadOnlySpan<byte> rest, ref Parts parts)
    {
        if (rest.Length < 9 || System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(rest) != 0x64687373u /* "sshd" */ ||
            rest[4] != (byte)'[') return false;
        var pid = 0;
        var i = 5;
        while (i < rest.Length && i < 14 && IsDigit(rest[i])) pid = pid * 10 + (rest[i++] - '0');
        if (i == 5 || i + 2 >= rest.Length || rest[i] != (byte)']' || rest[i + 1] != (byte)':' || rest[i + 2] != (byte)' ') return false;
        parts.Pid = pid;
        parts.Program = rest[..4];
        parts.Message = rest[(i + 3)..];
        return true;
    }

    /// <summary>sshd (≤9.7), sshd-session (9.8+), sshd-auth (10.0).</summary>
    public static bool IsSshd(ReadOnlySpan<byte> program) =>
        program.SequenceEqual("sshd"u8) || program.StartsWith("sshd-"u8);

    /// <summary>The last classic stamp converted, per reader.</summary>
    public sealed class StampCache
    {
        internal long Stamp, Head, Ticks;
        internal int Year;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryClassic(ReadOnlySpan<byte> s, int year, out long ticks, StampCache? cache)
    {
        // Consecutive lines mostly share their second: reuse the last conversion.
        var stamp = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(s[7..]); // "HH:MM:SS"
        var head = (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt32LittleEndian(s) << 16 | (long)s[4] << 8 | s[5]; // "Mmm dd"
        if (cache is not null && stamp == cache.Stamp && head == cache.Head && year == cache.Year && cache.Ticks != 0)
        {
            ticks = cache.Ticks;
            return true;
        }
        ticks = 0;
        var month = Month(s[0], s[1], s[2]);
        if (month == 0 || s[3] != (byte)' ') return false;
        var d1 = s[4];
        var d2 = s[5];
        int day = d1 == (byte)' ' ? d2 - '0' : (d1 - '0') * 10 + (d2 - '0');
        if (s[6] != (byte)' ' || s[9] != (byte)':' || s[12] != (byte)':') return false;
        if (!Two(s, 7, out var h) || !Two(s, 10, out var mi) || !Two(s, 13, out var sec)) return false;
        if (day < 1 || day > 31 || h > 23 || mi > 59 || sec > 60) return false;
        if (day > DateTime.DaysInMonth(year, month)) day = DateTime.DaysInMonth(year, month);
        ticks = new DateTime(year, month, day, h, mi, Math.Min(sec, 59), DateTimeKind.Utc).Ticks;
        if (cache is not null)
        {
            cache.Stamp = stamp;
            cache.Head = head;
            cache.Year = year;
            cache.Ticks = ticks;
        }
        return true;
    }

    /// <summary>2026-11-21T05:54:43[.ffffff][Z|+hh:mm|+hhmm]</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryIso(ReadOnlySpan<byte> s, out long ticks, out int end)
    {
        ticks = 0;
        end = 0;
        if (s.Length < 19 || s[4] != (byte)'-' || s[7] != (byte)'-' || (s[10] != (byte)'T' && s[10] != (byte)' ') ||
            s[13] != (byte)':' || s[16] != (byte)':') return false;
        if (!Two(s, 0, out var y1) || !Two(s, 2, out var y2) || !Two(s, 5, out var mo) || !Two(s, 8, out var d) ||
            !Two(s, 11, out var h) || !Two(s, 14, out var mi) || !Two(s, 17, out var sec)) return false;
        if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || sec > 60) return false;
        var year = y1 * 100 + y2;
        if (d > DateTime.DaysInMonth(year, mo)) return false;
        var t = new DateTime(year, mo, d, h, mi, Math.Min(sec, 59), DateTimeKind.Utc).Ticks;
        var i = 19;
        if (i < s.Length && s[i] == (byte)'.')
        {
            i++;
            long frac = 0;
            var digits = 0;
            while (i < s.Length && IsDigit(s[i]))
            {
                if (digits < 7) { frac = frac * 10 + (s[i] - '0'); digits++; }
                i++;
            }
            while (digits++ < 7) frac *= 10;
            t += frac;
        }
        if (i < s.Length && s[i] == (byte)'Z') i++;
        else if (i < s.Length && (s[i] == (byte)'+' || s[i] == (byte)'-'))
        {
            var sign = s[i] == (byte)'-' ? -1 : 1;
            if (!Two(s, i + 1, out var oh)) return false;
            var j = i + 3;
            if (j < s.Length && s[j] == (byte)':') j++;
            if (!Two(s, j, out var om)) return false;
            // Local time = UTC + offset, so UTC = local - offset.
            t -= sign * (oh * TimeSpan.TicksPerHour + om * TimeSpan.TicksPerMinute);
            i = j + 2;
        }
        ticks = t;
        end = i;
        return true;
    }

    private static bool Two(ReadOnlySpan<byte> s, int i, out int v)
    {
        v = 0;
        if (i + 1 >= s.Length || !IsDigit(s[i]) || !IsDigit(s[i + 1])) return false;
        v = (s[i] - '0') * 10 + (s[i + 1] - '0');
        return true;
    }

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

    private static int Month(byte a, byte b, byte c) => (a, b, c) switch
    {
        ((byte)'J', (byte)'a', (byte)'n') => 1,
        ((byte)'F', (byte)'e', (byte)'b') => 2,
        ((byte)'M', (byte)'a', (byte)'r') => 3,
        ((byte)'A', (byte)'p', (byte)'r') => 4,
        ((byte)'M', (byte)'a', (byte)'y') => 5,
        ((byte)'J', (byte)'u', (byte)'n') => 6,
        ((byte)'J', (byte)'u', (byte)'l') => 7,
        ((byte)'A', (byte)'u', (byte)'g') => 8,
        ((byte)'S', (byte)'e', (byte)'p') => 9,
        ((byte)'O', (byte)'c', (byte)'t') => 10,
        ((byte)'N', (byte)'o', (byte)'v') => 11,
        ((byte)'D', (byte)'e', (byte)'c') => 12,
        _ => 0,
    };
}
