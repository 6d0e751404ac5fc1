using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

public class ConfigSyntaxTests
{
    private static SshdConfig Parse(string text, string version = "9.2p1") => ConfigParser.ParseText(text, Versions.V(version));

    private static EffectiveConfig Eff(SshdConfig c, string user = "alice") =>
        EffectiveConfig.For(c, Versions.V92, new ConnectionInfo(user, [user], "192.0.2.1", 22));

    [Theory]
    [InlineData("PubkeyAuthentication=no")]
    [InlineData("PubkeyAuthentication = no")]
    [InlineData("PubkeyAuthentication\t no")]
    [InlineData("  pubkeyauthentication NO")]
    [InlineData("PubkeyAuthentication \"no\"")]
    [InlineData("PubkeyAuthentication no # sshdoctor was here")]
    [InlineData("PubkeyAuthentication no\r")]
    public void Keyword_value_forms_all_parse(string line)
    {
        var c = Parse(line + "\n");
        Assert.Empty(c.Errors);
        Assert.False(Eff(c).PubkeyAuthentication.Value);
    }

    [Fact]
    public void Quoted_argument_keeps_its_spaces()
    {
        var c = Parse("AuthorizedKeysFile \".ssh/my keys\" .ssh/authorized_keys\n");
        Assert.Empty(c.Errors);
        Assert.Equal([".ssh/my keys", ".ssh/authorized_keys"], Eff(c).AuthorizedKeysFiles.Value);
    }

    [Fact]
    public void Hash_inside_a_word_is_not_a_comment()
    {
        var c = Parse("AuthorizedKeysFile .ssh/keys#1 #real comment\n");
        Assert.Equal([".ssh/keys#1"], Eff(c).AuthorizedKeysFiles.Value);
    }

    [Fact]
    public void Comment_and_blank_lines_are_ignored()
    {
        var c = Parse("# PubkeyAuthentication no\n\n   \n\t# x\n");
        Assert.Empty(c.Errors);
        Assert.Empty(c.Entries);
    }

    [Fact]
    public void Unterminated_quote_is_an_error()
    {
        var c = Parse("AuthorizedKeysFile \".ssh/authorized_keys\n");
        Assert.Single(c.Errors);
    }

    [Fact]
    public void Unknown_keyword_is_an_error_with_its_line()
    {
        var c = Parse("Port 22\nPubKeyAuthenticaton yes\n");
        var e = Assert.Single(c.Errors);
        Assert.Equal(2, e.Source.Line);
        Assert.Contains("PubKeyAuthenticaton", e.Problem);
    }

    [Theory]
    [InlineData("PubkeyAuthentication maybe")]
    [InlineData("PubkeyAuthentication 1")]
    [InlineData("StrictModes true")]
    [InlineData("UsePAM on")]
    [InlineData("PermitRootLogin sometimes")]
    [InlineData("MaxAuthTries many")]
    public void Bad_values_are_errors(string line) => Assert.Single(Parse(line + "\n").Errors);

    [Fact]
    public void Missing_argument_is_an_error() => Assert.Single(Parse("PubkeyAuthentication\n").Errors);

    [Theory]
    [InlineData("StrictModes no")]
    [InlineData("UsePAM yes")]
    [InlineData("Port 2222")]
    [InlineData("HostKey /etc/ssh/ssh_host_rsa_key")]
    [InlineData("Ciphers aes128-ctr")]
    public void Directive_not_allowed_in_match_is_an_error(string line)
    {
        var c = Parse("Match User bob\n  " + line + "\n");
        var e = Assert.Single(c.Errors);
        Assert.Contains("Match", e.Problem);
    }

    [Theory]
    [InlineData("PubkeyAuthentication no")]
    [InlineData("AuthorizedKeysFile /etc/ssh/keys/%u")]
    [InlineData("AllowUsers bob")]
    [InlineData("PermitRootLogin no")]
    [InlineData("MaxAuthTries 2")]
    public void Directive_allowed_in_match_is_not_an_error(string line) =>
        Assert.Empty(Parse("Match User bob\n  " + line + "\n").Errors);

    [Fact]
    public void PubkeyAcceptedKeyTypes_is_an_alias_of_PubkeyAcceptedAlgorithms()
    {
        var c = Parse("PubkeyAcceptedKeyTypes +ssh-rsa\nPubkeyAcceptedAlgorithms -ssh-ed25519\n");
        Assert.Empty(c.Errors);
        // First value wins across the alias: the KeyTypes spelling came first.
        Assert.Equal("+ssh-rsa", Eff(c).PubkeyAcceptedAlgorithms.Value);
    }

    [Fact]
    public void PubkeyAcceptedKeyTypes_works_on_old_versions_where_the_new_name_does_not()
    {
        Assert.Empty(Parse("PubkeyAcceptedKeyTypes +ssh-rsa\n", "7.4p1").Errors);
        Assert.Single(Parse("PubkeyAcceptedAlgorithms +ssh-rsa\n", "8.4p1").Errors);
        Assert.Empty(Parse("PubkeyAcceptedAlgorithms +ssh-rsa\n", "8.5p1").Errors);
    }

    [Fact]
    public void AllowUsers_accumulates_across_lines()
    {
        var c = Parse("AllowUsers alice\nAllowUsers bob carol\n");
        var users = Eff(c).Entries("allowusers").SelectMany(e => e.Args).ToList();
        Assert.Equal(["alice", "bob", "carol"], users);
    }

    [Fact]
    public void AuthorizedKeysFile_first_line_wins_with_all_its_arguments()
    {
        var c = Parse("AuthorizedKeysFile .ssh/a .ssh/b\nAuthorizedKeysFile .ssh/c\n");
        Assert.Equal([".ssh/a", ".ssh/b"], Eff(c).AuthorizedKeysFiles.Value);
    }

    [Fact]
    public void Default_authorized_keys_files_when_unset()
    {
        Assert.Equal([".ssh/authorized_keys", ".ssh/authorized_keys2"], Eff(Parse("")).AuthorizedKeysFiles.Value);
    }

    [Theory]
    [InlineData("RequiredRSASize 2048", "8.9p1", 1)]
    [InlineData("RequiredRSASize 2048", "9.1p1", 0)]
    [InlineData("ChannelTimeout session=5m", "9.1p1", 1)]
    [InlineData("ChannelTimeout session=5m", "9.2p1", 0)]
    [InlineData("Include /etc/ssh/sshd_config.d/*.conf", "7.9p1", 1)]
    [InlineData("PerSourcePenalties no", "9.7p1", 1)]
    public void Version_gated_keywords(string line, string version, int errors) =>
        Assert.Equal(errors, Parse(line + "\n", version).Errors.Count);

    [Fact]
    public void Deprecated_keyword_is_ignored_not_an_error()
    {
        var c = Parse("RSAAuthentication yes\nUsePrivilegeSeparation sandbox\n");
        Assert.Empty(c.Errors);
        Assert.Empty(c.Entries);
    }

    [Fact]
    public void Match_all_cannot_be_combined()
    {
        Assert.Empty(Parse("Match all\n  PubkeyAuthentication yes\n").Errors);
        Assert.NotEmpty(Parse("Match User bob all\n").Errors);
    }

    [Theory]
    [InlineData("Match Fruit apple")]
    [InlineData("Match User")]
    [InlineData("Match")]
    public void Bad_match_lines_are_errors(string line) => Assert.NotEmpty(Parse(line + "\n").Errors);
}
