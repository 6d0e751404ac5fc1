using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.AuthorizedKeys;

public class DamageDetectorTests
{
    private static DamagedLine One(string text)
    {
        var found = DamageDetector.Find(text, TestKeys.A);
        return Assert.Single(found);
    }

    [Fact]
    public void Bom_on_line_one()
    {
        var d = One("\uFEFF" + TestKeys.Ed25519A + "\n");
        Assert.Equal("line.bom", d.Problem);
        Assert.Equal(1, d.Number);
        Assert.Null(AuthorizedKeysParser.ParseLine(1, "\uFEFF" + TestKeys.Ed25519A)?.Key);
    }

    [Fact]
    public void Key_wrapped_over_two_lines()
    {
        var a = TestKeys.Ed25519AB64;
        var d = One($"{TestKeys.Ed25519B}\nssh-ed25519 {a[..30]}\n{a[30..]} alice@laptop\n");
        Assert.Equal("line.wrapped", d.Problem);
        Assert.Equal(2, d.Number);
    }

    [Fact]
    public void Spaces_inside_the_base64()
    {
        var a = TestKeys.Ed25519AB64;
        var d = One($"ssh-ed25519 {a[..20]} {a[20..40]} {a[40..]} alice\n");
        Assert.Equal("line.spaces", d.Problem);
    }

    [Fact]
    public void Nbsp_between_type_and_base64()
    {
        var d = One("ssh-ed25519\u00A0" + TestKeys.Ed25519AB64 + " alice\n");
        Assert.Equal("line.nbsp", d.Problem);
    }

    [Theory]
    [InlineData("\"", "\"")]
    [InlineData("'", "'")]
    [InlineData("“", "”")]
    public void Whole_line_quoted(string open, string close)
    {
        var d = One(open + TestKeys.Ed25519A + close + "\n");
        Assert.Equal("line.quoted", d.Problem);
    }

    [Fact]
    public void Rfc4716_block()
    {
        var a = TestKeys.Ed25519AB64;
        var text = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"ed25519-key-20240101\"\n" + a[..40] + "\n" + a[40..] + "\n---- END SSH2 PUBLIC KEY ----\n";
        // One finding for the whole block: its body lines are not reported again as wrapped or bad lines.
        var d = One(text);
        Assert.Equal("line.rfc4716", d.Problem);
        Assert.Equal(1, d.Number);
    }

    [Fact]
    public void Rfc4716_block_with_a_continued_header()
    {
        var a = TestKeys.Ed25519AB64;
        var text = "---- BEGIN SSH2 PUBLIC KEY ----\nComment: \"a very long \\\ncomment\"\n" + a + "\n---- END SSH2 PUBLIC KEY ----\n";
        Assert.Equal("line.rfc4716", One(text).Problem);
    }

    [Fact]
    public void Good_line_after_an_rfc4716_block_is_still_seen()
    {
        var a = TestKeys.Ed25519AB64;
        var text = "---- BEGIN SSH2 PUBLIC KEY ----\n" + a + "\n---- END SSH2 PUBLIC KEY ----\n\"" + TestKeys.Ed25519A + "\"\n";
        var found = DamageDetector.Find(text, TestKeys.A);
        Assert.Equal(["line.rfc4716", "line.quoted"], found.Select(f => f.Problem));
        Assert.Equal(4, found[1].Number);
    }

    [Fact]
    public void Type_label_does_not_match_the_blob()
    {
        var d = One("ssh-rsa " + TestKeys.Ed25519AB64 + " alice\n");
        Assert.Equal("line.type_mismatch", d.Problem);
        Assert.Equal("ssh-rsa", d.Detail);
    }

    [Fact]
    public void Unknown_option_before_the_key()
    {
        var d = One("no-agent-forwardng " + TestKeys.Ed25519A + "\n");
        Assert.Equal("line.unknown_option", d.Problem);
        Assert.Equal("no-agent-forwardng", d.Detail);
    }

    [Fact]
    public void Stray_word_before_the_key()
    {
        var d = One("laptop " + TestKeys.Ed25519A + "\n");
        Assert.Equal("line.stray_word", d.Problem);
        Assert.Equal("laptop", d.Detail);
    }

    [Fact]
    public void Unterminated_quote_before_the_key()
    {
        var d = One("command=\"uptime " + TestKeys.Ed25519A + "\n");
        Assert.Equal("line.unterminated_quote", d.Problem);
    }

    [Fact]
    public void A_good_line_is_not_damaged()
    {
        Assert.Empty(DamageDetector.Find(TestKeys.Ed25519B + "\n" + TestKeys.Ed25519A + "\r\n", TestKeys.A));
        Assert.Empty(DamageDetector.Find("from=\"10.0.0.1\",no-pty " + TestKeys.Ed25519A + "\n", TestKeys.A));
    }

    [Fact]
    public void Another_key_damaged_is_not_reported_for_this_key()
    {
        Assert.Empty(DamageDetector.Find("\uFEFF" + TestKeys.Ed25519B + "\n", TestKeys.A));
    }

    [Fact]
    public void Commented_out_key_is_not_damage()
    {
        Assert.Empty(DamageDetector.Find("# " + TestKeys.Ed25519A + "\n", TestKeys.A));
    }

    [Fact]
    public void Damaged_line_reports_its_own_number()
    {
        var found = DamageDetector.Find(TestKeys.Ed25519B + "\n\n\"" + TestKeys.Ed25519A + "\"\n", TestKeys.A);
        Assert.Equal(3, Assert.Single(found).Number);
    }
}
