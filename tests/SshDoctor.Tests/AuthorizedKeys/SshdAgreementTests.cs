using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.AuthorizedKeys;

/// <summary>Corner cases where the line parser must agree with OpenSSH 9.2's auth2-pubkeyfile.c / auth-options.c / sshkey.c.</summary>
public class SshdAgreementTests
{
    private static AuthorizedKeyLine? Line(string text) => AuthorizedKeysParser.ParseLine(1, text);

    [Fact]
    public void Comma_right_before_the_blank_ends_the_options()
    {
        // sshauthopt_parse sees "no-pty, ssh-ed25519 ...": after the comma comes a blank, not the end of
        // the string, so the loop simply ends; sshd uses the line.
        var l = Line("no-pty, " + TestKeys.Ed25519A)!;
        Assert.Equal(TestKeys.A, l.Key);
        Assert.Equal(OptionErrorKind.None, l.Options.Error);
        Assert.True(l.Usable);
        Assert.Equal("no-pty,", l.OptionText);
    }

    [Fact]
    public void Comma_at_the_very_end_of_the_options_and_line_is_still_an_error()
    {
        Assert.Equal(OptionErrorKind.Malformed, KeyOptions.Parse("no-pty,").Error);
    }
}

public class PermitOptionTests
{
    private static AuthorizedKeyLine Line(string options) => AuthorizedKeysParser.ParseLine(1, options + " " + TestKeys.Ed25519A)!;

    [Theory]
    [InlineData("permitopen=\"localhost\"")]        // no port: "invalid permission port"
    [InlineData("permitopen=\"localhost:0\"")]      // a2port 0
    [InlineData("permitopen=\"localhost:70000\"")]
    [InlineData("permitopen=\"[::1]\"")]
    [InlineData("permitopen=\"[::1:22\"")]
    [InlineData("permitlisten=\"host:\"")]
    public void Permit_values_sshd_refuses(string option)
    {
        var l = Line(option);
        Assert.NotNull(l.Key);
        Assert.Equal(OptionErrorKind.Malformed, l.Options.Error);
        Assert.False(l.Usable);
    }

    [Theory]
    [InlineData("permitopen=\"localhost:8080\"")]
    [InlineData("permitopen=\"*:*\"")]
    [InlineData("permitopen=\"[::1]:22\"")]
    [InlineData("permitopen=\"db/5432\"")]
    [InlineData("permitopen=\"localhost:http\"")] // a service name: getservbyname on the server decides
    [InlineData("permitlisten=\"8080\"")]         // bare port allowed for permitlisten
    [InlineData("permitlisten=\"localhost:8080\"")]
    public void Permit_values_sshd_accepts(string option) => Assert.True(Line(option).Usable);

    [Fact]
    public void Two_principals_clauses_are_refused()
    {
        var l = Line("principals=\"a\",principals=\"b\"");
        Assert.Equal(OptionErrorKind.Malformed, l.Options.Error);
        Assert.False(l.Usable);
    }
}
