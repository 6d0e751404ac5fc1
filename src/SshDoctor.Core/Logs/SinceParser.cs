using System.Globalization;

namespace SshDoctor.Core.Logs;

/// <summary>`--since`: an ISO date/time (`2026-11-20`, `2026-11-20 08:00`, `2026-11-20T08:00:00Z`) or an age (`90m`, `2h`, `3d`, `1w`).</summary>
public static class SinceParser
{
    public static bool TryParse(string value, DateTime nowUtc, out DateTime sinceUtc)
    {
        sinceUtc = default;
        var v = value.Trim();
        if (v.Length >= 2 && long.TryParse(v[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            TimeSpan? age = char.ToLowerInvariant(v[^1]) switch
            {
                's' => TimeSpan.FromSeconds(n),
                'm' => TimeSpan.FromMinutes(n),
                'h' => TimeSpan.FromHours(n),
                'd' => TimeSpan.FromDays(n),
                'w' => TimeSpan.FromDays(7 * n),
                _ => null,
            };
            if (age is { } a && a < TimeSpan.FromDays(36500)) { sinceUtc = nowUtc - a; return true; }
            return false;
        }
        if (v is "today") { sinceUtc = nowUtc.Date; return true; }
        if (v is "yesterday") { sinceUtc = nowUtc.Date.AddDays(-1); return true; }
        string[] formats = ["yyyy-MM-dd", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm", "yyyy-MM-ddTHH:mm:ss"];
        if (DateTime.TryParseExact(v, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            sinceUtc = t;
            return true;
        }
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dto) && v.Contains('T'))
        {
            sinceUtc = dto.UtcDateTime;
            return true;
        }
        return false;
    }
}
