using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.AuthorizedKeys;

public class LineParserTests
{
    private static AuthorizedKeyLine? Line(string text) => AuthorizedKeysParser.ParseLine(1, text);

    private static AuthorizedKeyLine Keyed(string text)
    {
        var line = Line(text);
        Assert.NotNull(line);
        Assert.NotNull(line!.Key);
        return line;
    }

    [Fact]
    public void Plain_line_parses_with_comment()
    {
        var l = Keyed(TestKeys.Ed25519A);
        Assert.True(l.Usable);
        Assert.Equal(TestKeys.A, l.Key);
        Assert.Equal("alice@laptop", l.Key!.Comment);
        Assert.Null(l.OptionText);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# " + TestKeys.Ed25519A)]
    [InlineData("  \t# comment")]
    public void Blank_and_comment_lines_are_skipped(string text) => Assert.Null(Line(text));

    [Theory]
    [InlineData("   " + TestKeys.Ed25519A)]
    [InlineData("\t\t" + TestKeys.Ed25519A)]
    [InlineData("ssh-ed25519\t" + TestKeys.Ed25519AB64 + "\talice")]
    [InlineData("ssh-ed25519    " + TestKeys.Ed25519AB64)]
    [InlineData("ssh-ed25519 " + TestKeys.Ed25519AB64)]
    [InlineData(TestKeys.Ed25519A + "\r")]
    [InlineData("ssh-ed25519 " + TestKeys.Ed25519AB64 + "\r")]
    public void Whitespace_variants_sshd_accepts(string text) => Assert.True(Keyed(text).Usable);

    [Fact]
    public void Crlf_is_not_part_of_the_comment()
    {
        var lines = AuthorizedKeysParser.Parse(TestKeys.Ed25519A + "\r\n" + TestKeys.Ed25519B + "\r\n").ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal("alice@laptop", lines[0].Key!.Comment);
        Assert.Equal(2, lines[1].Number);
    }

    [Fact]
    public void Line_numbers_count_blank_and_comment_lines()
    {
        var lines = AuthorizedKeysParser.Parse("# hello\n\n" + TestKeys.Ed25519A + "\n").ToList();
        Assert.Equal(3, Assert.Single(lines).Number);
    }

    [Theory]
    [InlineData("rsa-sha2-512")]
    [InlineData("rsa-sha2-256")]
    [InlineData("ssh-rsa")]
    public void Rsa_key_accepts_its_signature_labels(string label)
    {
        var l = Keyed(label + " " + TestKeys.Rsa2048B64 + " c");
        Assert.Equal("ssh-rsa", l.Key!.Type);
        Assert.Equal(2048, l.Key.Bits);
    }

    [Theory]
    [InlineData("ssh-rsa " + TestKeys.Ed25519AB64)]
    [InlineData("ssh-ed25519 " + TestKeys.Rsa2048B64)]
    [InlineData("ecdsa-sha2-nistp256 " + TestKeys.Ed25519AB64)]
    [InlineData("SSH-ED25519 " + TestKeys.Ed25519AB64)] // labels are case-sensitive
    [InlineData("ssh-ed25519 " + TestKeys.Ed25519AB64 + "x")]
    [InlineData("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFmCb3tjsCsVg1ce6 +syrklIrZI+GkkW9d9Ref6G3/BL")]
    [InlineData("ssh-ed25519")]
    [InlineData(TestKeys.Ed25519AB64)]
    public void Lines_sshd_finds_no_key_in(string text) => Assert.Null(Line(text)?.Key);

    [Fact]
    public void Options_with_quoted_commas_and_spaces()
    {
        var l = Keyed("command=\"echo a,b c\",no-pty,from=\"10.0.0.0/8,192.0.2.1\" " + TestKeys.Ed25519A);
        Assert.True(l.Usable);
        Assert.Equal("echo a,b c", l.Options.Command);
        Assert.Equal("10.0.0.0/8,192.0.2.1", l.Options.From);
        Assert.Equal(TestKeys.A, l.Key);
    }

    [Fact]
    public void Escaped_quotes_inside_an_option_value()
    {
        var l = Keyed("command=\"echo \\\"hi there\\\"\" " + TestKeys.Ed25519A);
        Assert.True(l.Usable);
        Assert.Equal("echo \"hi there\"", l.Options.Command);
    }

    [Fact]
    public void Expiry_principals_and_from_are_recorded()
    {
        var l = Keyed("expiry-time=\"20991231\",principals=\"ops\",from=\"192.0.2.*\" " + TestKeys.Ed25519A);
        Assert.Equal("ops", l.Options.Principals);
        Assert.Equal("192.0.2.*", l.Options.From);
        Assert.Equal(2099, l.Options.Expiry!.Value.Year);
    }

    [Theory]
    [InlineData("20991231Z", 2099, 12, 31, 0, 0)]
    [InlineData("209912312359Z", 2099, 12, 31, 23, 59)]
    [InlineData("20991231235930z", 2099, 12, 31, 23, 59)]
    public void Expiry_time_formats(string value, int y, int mo, int d, int h, int mi)
    {
        var when = ExpiryTime.Parse(value)!.Value.UtcDateTime;
        Assert.Equal(new DateTime(y, mo, d, h, mi, 0), new DateTime(when.Year, when.Month, when.Day, when.Hour, when.Minute, 0));
    }

    [Theory]
    [InlineData("2099123")]
    [InlineData("20991331")]
    [InlineData("tomorrow")]
    [InlineData("")]
    public void Bad_expiry_time_is_reported_as_such(string value)
    {
        var l = Keyed($"expiry-time=\"{value}\" " + TestKeys.Ed25519A);
        Assert.Equal(OptionErrorKind.BadExpiry, l.Options.Error);
        Assert.False(l.Usable);
    }

    [Fact]
    public void Earliest_of_two_expiry_times_wins()
    {
        var l = Keyed("expiry-time=\"20991231\",expiry-time=\"20500101\" " + TestKeys.Ed25519A);
        Assert.Equal(2050, l.Options.Expiry!.Value.Year);
    }

    [Theory]
    [InlineData("no-pty")]
    [InlineData("NO-PTY")]
    [InlineData("restrict,pty")]
    [InlineData("no-agent-forwarding,no-port-forwarding,no-X11-forwarding,no-user-rc")]
    [InlineData("environment=\"LANG=C\"")]
    [InlineData("permitopen=\"localhost:8080\"")]
    [InlineData("permitlisten=\"8080\"")]
    [InlineData("tunnel=\"0\"")]
    [InlineData("no-pty,,no-user-rc")]
    public void Options_sshd_accepts(string options)
    {
        var l = Keyed(options + " " + TestKeys.Ed25519A);
        Assert.Equal(OptionErrorKind.None, l.Options.Error);
        Assert.True(l.Usable);
    }

    [Theory]
    [InlineData("no-restrict", OptionErrorKind.UnknownOption)]
    [InlineData("ptyx", OptionErrorKind.UnknownOption)]
    [InlineData("nopty", OptionErrorKind.UnknownOption)]
    [InlineData("command=echo", OptionErrorKind.Malformed)]
    [InlineData("command=\"a\",command=\"b\"", OptionErrorKind.Malformed)]
    [InlineData("from=\"a\",from=\"b\"", OptionErrorKind.Malformed)]
    [InlineData("environment=\"NOEQUALS\"", OptionErrorKind.Malformed)]
    [InlineData("tunnel=\"eth0\"", OptionErrorKind.Malformed)]
    [InlineData("permitopen=\"\"", OptionErrorKind.Malformed)]
    public void Options_sshd_refuses(string options, OptionErrorKind kind)
    {
        var l = Keyed(options + " " + TestKeys.Ed25519A);
        Assert.Equal(kind, l.Options.Error);
        Assert.False(l.Usable);
    }

    [Fact]
    public void Unknown_word_before_the_key_is_an_unknown_option()
    {
        var l = Keyed("mykey " + TestKeys.Ed25519A);
        Assert.Equal(OptionErrorKind.UnknownOption, l.Options.Error);
        Assert.Equal("mykey", l.Options.ErrorDetail);
    }

    [Fact]
    public void Cert_authority_line_is_not_usable_for_a_plain_key()
    {
        var l = Keyed("cert-authority " + TestKeys.Ed25519A);
        Assert.True(l.Options.CertAuthority);
        Assert.False(l.Usable);
    }

    [Fact]
    public void Unterminated_quote_in_options_hides_the_key()
    {
        var l = Line("command=\"echo hi " + TestKeys.Ed25519A)!;
        Assert.True(l.UnterminatedQuote);
        Assert.Null(l.Key);
    }

    [Fact]
    public void Space_after_options_comma_hides_the_key()
    {
        // sshd takes "no-pty," as the options, then looks for a key at "no-agent-forwarding ssh-ed25519 ...".
        Assert.Null(Line("no-pty, no-agent-forwarding " + TestKeys.Ed25519A)!.Key);
    }

    [Fact]
    public void Two_option_words_hide_the_key()
    {
        Assert.Null(Line("restrict command=\"x\" " + TestKeys.Ed25519A)!.Key);
    }

    [Fact]
    public void Ecdsa_key_with_padding_parses()
    {
        var l = Keyed(TestKeys.Ecdsa256);
        Assert.Equal("ecdsa-sha2-nistp256", l.Key!.Type);
        Assert.Equal(256, l.Key.Bits);
    }
}
