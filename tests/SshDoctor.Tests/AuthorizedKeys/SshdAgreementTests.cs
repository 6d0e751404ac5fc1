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
