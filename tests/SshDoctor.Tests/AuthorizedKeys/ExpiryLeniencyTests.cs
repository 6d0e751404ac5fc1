using SshDoctor.Core.AuthorizedKeys;

namespace SshDoctor.Tests.AuthorizedKeys;

/// <summary>parse_absolute_time = strptime (field ranges only) + timegm/mktime (normalising).</summary>
public class ExpiryLeniencyTests
{
    [Theory]
    [InlineData("20300230Z", 2030, 3, 2)]
    [InlineData("20290229Z", 2029, 3, 1)]
    [InlineData("20300431Z", 2030, 5, 1)]
    [InlineData("20301231Z", 2030, 12, 31)]
    public void Day_overflow_is_normalised(string value, int y, int m, int d)
    {
        var when = ExpiryTime.Parse(value)!.Value.UtcDateTime;
        Assert.Equal(new DateTime(y, m, d), when.Date);
    }

    [Theory]
    [InlineData("20301301Z")] // %m 1-12
    [InlineData("20300132Z")] // %d 1-31
    [InlineData("20300100Z")]
    [InlineData("203001012400Z")] // %H 0-23
    [InlineData("203001010060Z")] // %M 0-59
    public void Out_of_range_fields_are_invalid(string value) => Assert.Null(ExpiryTime.Parse(value));

    [Fact]
    public void Leap_second_field_is_accepted()
    {
        var when = ExpiryTime.Parse("20301231235960Z")!.Value.UtcDateTime;
        Assert.Equal(new DateTime(2031, 1, 1, 0, 0, 0), when);
    }
}

public class ExpiryRangeTests
{
    [Theory]
    [InlineData("99991231235961Z")]
    [InlineData("99991231")]
    public void End_of_the_calendar_does_not_throw(string value)
    {
        var when = ExpiryTime.Parse(value);
        Assert.NotNull(when);
        Assert.True(when > DateTimeOffset.UtcNow.AddYears(100));
    }
}
