using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>Keyword table entries checked against OpenSSH 9.2's servconf.c keywords[] (SSHCFG_ALL = allowed in Match).</summary>
public class KeywordTableTests
{
    private static IReadOnlyList<ConfigError> InMatch(string line) =>
        ConfigParser.ParseText("Match User bob\n  " + line + "\n", Versions.V92).Errors;

    [Theory]
    [InlineData("CASignatureAlgorithms ssh-ed25519")]
    [InlineData("RDomain %D")]
    [InlineData("RSAAuthentication yes")]           // deprecated, but SSHCFG_ALL
    [InlineData("AuthorizedKeysFile2 .ssh/authorized_keys2")]
    public void Allowed_in_match(string line) => Assert.Empty(InMatch(line));

    [Theory]
    [InlineData("UseDNS no")]
    [InlineData("Protocol 2")]
    [InlineData("HostKey /etc/ssh/ssh_host_ed25519_key")]
    public void Global_only(string line) => Assert.Single(InMatch(line));

    [Fact]
    public void HostDSAKey_is_an_alias_of_HostKey()
    {
        var c = ConfigParser.ParseText("HostDSAKey /etc/ssh/ssh_host_dsa_key\n", Versions.V92);
        Assert.Empty(c.Errors);
        Assert.Equal("hostkey", Assert.Single(c.Entries).Keyword);
    }

    [Fact]
    public void Deprecated_keyword_value_is_ignored()
    {
        var c = ConfigParser.ParseText("AuthorizedKeysFile2 /nowhere\n", Versions.V92);
        Assert.Empty(c.Errors);
        var e = EffectiveConfig.For(c, Versions.V92, new ConnectionInfo("alice", ["alice"], null, 22));
        Assert.Equal([".ssh/authorized_keys", ".ssh/authorized_keys2"], e.AuthorizedKeysFiles.Value);
    }
}
