using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>Values sshd's servconf.c accepts or rejects (a wrong "invalid" here makes every login look refused).</summary>
public class ConfigValueTests
{
    private static IReadOnlyList<ConfigError> Errors(string text, string version = "9.2p1") =>
        ConfigParser.ParseText(text + "\n", Versions.V(version)).Errors;

    [Theory]
    [InlineData("ClientAliveInterval 300")]
    [InlineData("ClientAliveInterval 5m")]
    [InlineData("ClientAliveInterval 1h30m")]
    [InlineData("ClientAliveInterval 2W")]
    [InlineData("LoginGraceTime 2m")]
    public void Time_values_are_valid(string line) => Assert.Empty(Errors(line));

    [Theory]
    [InlineData("ClientAliveInterval 5x")]
    [InlineData("ClientAliveInterval m")]
    [InlineData("ClientAliveInterval five")]
    public void Bad_time_values_are_errors(string line) => Assert.Single(Errors(line));

    [Fact]
    public void ClientAliveInterval_is_allowed_in_match() =>
        Assert.Empty(Errors("Match User bob\n  ClientAliveInterval 5m"));

    [Theory]
    [InlineData("PubkeyAuthentication yes no")]
    [InlineData("StrictModes no yes")]
    [InlineData("UsePAM yes please")]
    [InlineData("MaxAuthTries 3 4")]
    [InlineData("ClientAliveInterval 60 120")]
    [InlineData("PermitRootLogin no yes")]
    public void Extra_arguments_after_a_single_value_are_errors(string line)
    {
        var e = Assert.Single(Errors(line));
        Assert.Contains("extra arguments", e.Problem);
    }

    [Theory]
    [InlineData("AllowUsers alice bob carol")]
    [InlineData("AuthorizedKeysFile .ssh/a .ssh/b")]
    [InlineData("AuthenticationMethods publickey,password publickey")]
    [InlineData("Subsystem sftp /usr/lib/openssh/sftp-server -l INFO")]
    [InlineData("ForceCommand internal-sftp -d /upload")]
    [InlineData("AuthorizedKeysCommand /usr/bin/eic_run_authorized_keys %u %f")]
    public void Multi_argument_keywords_take_them(string line) => Assert.Empty(Errors(line));

    [Fact]
    public void IgnoreRhosts_shosts_only_is_valid_since_8_3()
    {
        Assert.Empty(Errors("IgnoreRhosts shosts-only"));
        Assert.Single(Errors("IgnoreRhosts shosts-only", "8.2p1"));
    }
}
