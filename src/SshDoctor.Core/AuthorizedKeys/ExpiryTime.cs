using System.Globalization;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>parse_absolute_time: YYYYMMDD[HHMM[SS]][Z|UTC]; local time unless Z (or, 9.1+, UTC).</summary>
public static class ExpiryTime
{
    public static DateTimeOffset? Parse(string value, bool utcWord = true)
    {
        var digits = value;
        var utc = false;
        if (value.Length > 1 && (value.EndsWith('Z') || value.EndsWith('z')))
        {
            utc = true;
            digits = value[..^1];
        }
        else if (utcWord && value.Length > 3 && value.EndsWith("UTC", StringComparison.OrdinalIgnoreCase))
        {
            utc = true;
            digits = value[..^3];
        }
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
