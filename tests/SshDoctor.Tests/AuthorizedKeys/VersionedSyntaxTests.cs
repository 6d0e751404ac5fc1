using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.AuthorizedKeys;

/// <summary>authorized_keys syntax that changed between OpenSSH versions.</summary>
public class VersionedSyntaxTests
{
    [Theory]
    [InlineData("ED25519")]
    [InlineData("ed25519")]
    public void Short_type_names_are_not_labels_since_7_7(string label)
    {
        // sshkey_read uses peek_type_nid (exact key type names) since OpenSSH 7.7.
        var line = label + " " + TestKeys.Ed25519AB64;
        Assert.Null(AuthorizedKeysParser.ParseLine(1, line)?.Key);
        Assert.Null(AuthorizedKeysParser.ParseLine(1, line, Versions.V92)?.Key);
        Assert.Null(AuthorizedKeysParser.ParseLine(1, line, Versions.V("7.7p1"))?.Key);
        // Up to 7.6, sshkey_type_from_name also took the case-insensitive short name.
        Assert.Equal(TestKeys.A, AuthorizedKeysParser.ParseLine(1, line, Versions.V("7.4p1"))?.Key);
    }

    [Fact]
    public void Rsa_short_name_on_7_4()
    {
        Assert.NotNull(AuthorizedKeysParser.ParseLine(1, "rsa " + TestKeys.Rsa2048B64, Versions.V("7.4p1"))?.Key);
        Assert.Null(AuthorizedKeysParser.ParseLine(1, "rsa " + TestKeys.Rsa2048B64, Versions.V("8.4p1"))?.Key);
    }

    [Fact]
    public void Short_name_line_is_refused_on_debian_12()
    {
        using var t = new TargetTree();
        t.Keys("alice", "ED25519 " + TestKeys.Ed25519AB64 + " alice\n");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
    }

    [Theory]
    [InlineData("20991231UTC")]
    [InlineData("209912312359utc")]
    public void Expiry_time_with_UTC_suffix_is_valid_since_9_1(string value)
    {
        var line = $"expiry-time=\"{value}\" " + TestKeys.Ed25519A;
        var modern = AuthorizedKeysParser.ParseLine(1, line, Versions.V92)!;
        Assert.True(modern.Usable);
        Assert.Equal(2099, modern.Options.Expiry!.Value.UtcDateTime.Year);
        Assert.Equal(OptionErrorKind.BadExpiry, AuthorizedKeysParser.ParseLine(1, line, Versions.V("9.0p1"))!.Options.Error);
    }

    [Fact]
    public void Utc_suffix_means_utc()
    {
        var when = ExpiryTime.Parse("205001011200UTC")!.Value;
        Assert.Equal(TimeSpan.Zero, when.Offset);
        Assert.Equal(12, when.UtcDateTime.Hour);
        Assert.Null(ExpiryTime.Parse("UTC"));
        Assert.Null(ExpiryTime.Parse("Z"));
    }
}
