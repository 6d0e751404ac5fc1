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
        // YYYYMMDD, YYYYMMDDHHMM or YYYYMMDDHHMMSS.
        if (digits.Length is not (8 or 12 or 14) || !digits.All(char.IsAsciiDigit)) return null;
        // strptime checks each field's range only (%d 1-31, %S 0-61); mktime/timegm then normalise, so
        // "20300230" is 2 March 2030 for sshd, not an error.
        int Field(int at) => int.Parse(digits.AsSpan(at, at == 0 ? 4 : 2), NumberStyles.None, CultureInfo.InvariantCulture);
        int year = Field(0), month = Field(4), day = Field(6);
        int hour = digits.Length >= 12 ? Field(8) : 0, minute = digits.Length >= 12 ? Field(10) : 0, second = digits.Length == 14 ? Field(12) : 0;
        if (year < 1 || month is < 1 or > 12 || day is < 1 or > 31 || hour > 23 || minute > 59 || second > 61) return null;
        var start = new DateTime(year, month, 1);
        var offset = TimeSpan.FromDays(day - 1) + new TimeSpan(hour, minute, second);
        // Past DateTime's range (9999-12-31): for sshd simply a date that never comes.
        if (DateTime.MaxValue - start < offset + TimeSpan.FromDays(1)) return DateTimeOffset.MaxValue;
        var dt = start + offset;
        if (utc) return new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc));
        return new DateTimeOffset(dt, TimeZoneInfo.Local.GetUtcOffset(dt));
    }
}
