using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>servconf.c checks AllowUsers/DenyUsers with match_user(NULL, NULL, NULL, pattern): -1 is fatal.</summary>
public class UserPatternValidationTests
{
    private static IReadOnlyList<ConfigError> Errors(string line) => ConfigParser.ParseText(line + "\n", Versions.V92).Errors;

    [Theory]
    [InlineData("AllowUsers alice@10.0.0.1/8")]
    [InlineData("DenyUsers bob alice@192.168.0.0/33")]
    [InlineData("AllowUsers alice@")]
    public void Bad_host_part_stops_sshd(string line) => Assert.Single(Errors(line));

    [Theory]
    [InlineData("AllowUsers alice@10.0.0.0/8 bob")]
    [InlineData("AllowUsers alice@*.example.com")]
    [InlineData("DenyUsers *@192.0.2.*")]
    public void Good_patterns(string line) => Assert.Empty(Errors(line));
}
