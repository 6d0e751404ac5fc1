using System.Globalization;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>parse_absolute_time: YYYYMMDD[HHMM[SS]][Z]; local time unless Z.</summary>
public static class ExpiryTime
{
    public static DateTimeOffset? Parse(string value)
    {
        var utc = value.EndsWith('Z') || value.EndsWith('z');
        var digits = utc ? value[..^1] : value;
        string format;
        switch (digits.Length)
        {
            case 8: format = "yyyyMMdd"; break;
            case 12: format = "yyyyMMddHHmm"; break;
            case 14: format = "yyyyMMddHHmmss"; break;
            default: return null;
        }
        if (!digits.All(char.IsAsciiDigit)) return null;
        if (!DateTime.TryParseExact(digits, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dt)) return null;
        if (utc) return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
        return new DateTimeOffset(dt, TimeZoneInfo.Local.GetUtcOffset(dt));
    }
}
