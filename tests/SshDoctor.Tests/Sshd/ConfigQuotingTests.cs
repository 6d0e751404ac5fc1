using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>argv_split (OpenSSH 8.7+) versus the older strdelim + "cut at '#'" reader.</summary>
public class ConfigQuotingTests
{
    private static List<string> Args(string line, bool argvSplit = true)
    {
        Assert.True(ConfigTokenizer.TryTokenize(line, out _, out var args, out var error, argvSplit));
        Assert.Null(error);
        return args;
    }

    [Theory]
    [InlineData("AllowUsers 'alice'", new[] { "alice" })]
    [InlineData("AuthorizedKeysFile '.ssh/my keys' .ssh/b", new[] { ".ssh/my keys", ".ssh/b" })]
    [InlineData("AuthorizedKeysFile \"it's\"", new[] { "it's" })]
    [InlineData("AuthorizedKeysFile 'say \"hi\"'", new[] { "say \"hi\"" })]
    [InlineData("Banner a\\ b", new[] { "a b" })]
    [InlineData("Banner \"a\\ b\"", new[] { "a\\ b" })] // inside quotes "\ " is not an escape
    [InlineData("Banner a\\'b", new[] { "a'b" })]
    public void Modern_quoting(string line, string[] expected) => Assert.Equal(expected, Args(line));

    [Fact]
    public void Unterminated_single_quote_is_an_error()
    {
        ConfigTokenizer.TryTokenize("AllowUsers 'alice", out _, out _, out var error, argvSplit: true);
        Assert.NotNull(error);
    }

    [Fact]
    public void Single_quoted_AllowUsers_admits_the_user_on_9_2()
    {
        var c = ConfigParser.ParseText("AllowUsers 'alice' bob\n", Versions.V92);
        Assert.Empty(c.Errors);
        var e = EffectiveConfig.For(c, Versions.V92, new ConnectionInfo("alice", ["alice"], "192.0.2.1", 22));
        Assert.Equal(["alice", "bob"], e.Entries("allowusers").SelectMany(x => x.Args));
    }

    [Fact]
    public void Before_8_7_single_quotes_are_plain_characters()
    {
        Assert.Equal(["'alice'"], Args("AllowUsers 'alice'", argvSplit: false));
    }

    [Fact]
    public void Before_8_7_a_hash_anywhere_ends_the_line()
    {
        Assert.Equal([".ssh/keys"], Args("AuthorizedKeysFile .ssh/keys#1 .ssh/other", argvSplit: false));
        Assert.Equal([".ssh/keys#1", ".ssh/other"], Args("AuthorizedKeysFile .ssh/keys#1 .ssh/other"));
        var old = ConfigParser.ParseText("AuthorizedKeysFile .ssh/keys#1 .ssh/other\n", Versions.V("8.4p1"));
        Assert.Equal([".ssh/keys"], old.Entries.Single().Args);
    }

    [Fact]
    public void Before_8_7_a_line_that_is_only_a_hash_comment_after_the_keyword_has_no_argument()
    {
        var old = ConfigParser.ParseText("PubkeyAuthentication #no\n", Versions.V("8.4p1"));
        Assert.Single(old.Errors);
    }
}
