using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>match_cfg_line at load time: addr_match_list(NULL, list) != 0 is fatal ("Invalid Match address argument").</summary>
public class MatchAddressValidationTests
{
    private static IReadOnlyList<ConfigError> Errors(string match) =>
        ConfigParser.ParseText(match + "\n  PubkeyAuthentication no\n", Versions.V92).Errors;

    [Theory]
    [InlineData("Match Address 10.0.0.1/8")]     // host bits set
    [InlineData("Match Address 10.0.0.0/33")]    // mask too long for IPv4
    [InlineData("Match Address 10.0.0.0/8,")]    // empty entry
    [InlineData("Match Address !")]
    [InlineData("Match User bob Address 192.168.1.1/16")]
    public void Invalid_address_lists_stop_sshd(string match)
    {
        var e = Assert.Single(Errors(match));
        Assert.Contains("Invalid Match address", e.Problem);
    }

    [Theory]
    [InlineData("Match Address 10.0.0.0/8")]
    [InlineData("Match Address 10.0.0.0/8,!10.1.0.0/16")]
    [InlineData("Match Address 192.168.*,2001:db8::/32")]
    [InlineData("Match Address 10.0.0.1")]
    [InlineData("Match Address 2001:db8::/129x")] // not an address: a wildcard pattern
    public void Valid_address_lists(string match) => Assert.Empty(Errors(match));

    [Theory]
    [InlineData("10.0.0.0/33", -2)]
    [InlineData("::/129", 0)]   // masklen > 128: not a CIDR, a (non-matching) wildcard
    [InlineData("10.0.0.0/8", 0)]
    [InlineData("10.0.0.1/8", -2)]
    public void AddressMatchList_without_an_address(string list, int expected) =>
        Assert.Equal(expected, Patterns.AddressMatchList(null, list));

    [Fact]
    public void From_option_with_an_invalid_list_never_matches()
    {
        Assert.Equal(-1, Patterns.HostAndIp("10.0.0.1", "10.0.0.1", "10.0.0.0/33"));
    }
}
