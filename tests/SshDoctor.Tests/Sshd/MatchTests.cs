using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

public class MatchTests
{
    private static EffectiveConfig Eff(string config, string user, string? addr, int port = 22, params string[] groups) =>
        EffectiveConfig.For(ConfigParser.ParseText(config, Versions.V92), Versions.V92,
            new ConnectionInfo(user, groups.Length > 0 ? groups : [user], addr, port));

    private static bool PubkeyOff(string config, string user, string? addr = "192.0.2.1", int port = 22, params string[] groups) =>
        !Eff(config, user, addr, port, groups).PubkeyAuthentication.Value;

    [Theory]
    [InlineData("Match User bob", "bob", true)]
    [InlineData("Match User bob", "alice", false)]
    [InlineData("Match User b*", "bob", true)]
    [InlineData("Match User b?b", "bob", true)]
    [InlineData("Match User *,!bob", "bob", false)]
    [InlineData("Match User *,!bob", "alice", true)]
    [InlineData("Match User !bob", "alice", false)] // a list with only a negation never matches positively
    [InlineData("Match User Bob", "bob", false)]     // user names are case-sensitive
    public void Match_user(string match, string user, bool applies) =>
        Assert.Equal(applies, PubkeyOff(match + "\n  PubkeyAuthentication no\n", user));

    [Theory]
    [InlineData("Match Group staff", true)]
    [InlineData("Match Group wheel", false)]
    [InlineData("Match Group st*", true)]
    [InlineData("Match Group alice,!staff", false)] // negated group wins over a positive one
    public void Match_group(string match, bool applies) =>
        Assert.Equal(applies, PubkeyOff(match + "\n  PubkeyAuthentication no\n", "alice", "192.0.2.1", 22, "alice", "staff"));

    [Theory]
    [InlineData("Match Address 10.0.0.0/8", "10.1.2.3", true)]
    [InlineData("Match Address 10.0.0.0/8", "11.1.2.3", false)]
    [InlineData("Match Address 192.0.2.0/25", "192.0.2.127", true)]
    [InlineData("Match Address 192.0.2.0/25", "192.0.2.128", false)]
    [InlineData("Match Address 192.0.2.*", "192.0.2.77", true)]
    [InlineData("Match Address *,!10.0.0.0/8", "10.9.9.9", false)]
    [InlineData("Match Address *,!10.0.0.0/8", "172.16.0.1", true)]
    [InlineData("Match Address 2001:db8::/32", "2001:db8::1", true)]
    [InlineData("Match Address 2001:db8::/32", "2001:db9::1", false)]
    [InlineData("Match Address 10.0.0.0/8", "::ffff:10.0.0.1", true)]
    [InlineData("Match Address 10.0.0.1/8", "10.0.0.1", false)] // host bits set: sshd rejects the entry
    public void Match_address(string match, string addr, bool applies) =>
        Assert.Equal(applies, PubkeyOff(match + "\n  PubkeyAuthentication no\n", "alice", addr));

    [Fact]
    public void Match_address_without_from_is_a_condition_not_a_verdict()
    {
        var e = Eff("Match Address 10.0.0.0/8\n  PubkeyAuthentication no\n", "alice", null);
        Assert.True(e.PubkeyAuthentication.Value);
        Assert.Single(e.AddressConditions);
    }

    [Theory]
    [InlineData("Match Host 192.0.2.*", "192.0.2.5", true)] // UseDNS no: the host is the address
    [InlineData("Match Host *.example.com", "192.0.2.5", false)]
    public void Match_host(string match, string addr, bool applies) =>
        Assert.Equal(applies, PubkeyOff(match + "\n  PubkeyAuthentication no\n", "alice", addr));

    [Theory]
    [InlineData(22, true)]
    [InlineData(2222, false)]
    public void Match_local_port(int port, bool applies) =>
        Assert.Equal(applies, PubkeyOff("Match LocalPort 22\n  PubkeyAuthentication no\n", "alice", "192.0.2.1", port));

    [Fact]
    public void Match_all_applies_to_everyone()
    {
        Assert.True(PubkeyOff("Match all\n  PubkeyAuthentication no\n", "anyone"));
    }

    [Fact]
    public void Criteria_are_anded()
    {
        const string cfg = "Match User bob Address 10.0.0.0/8\n  PubkeyAuthentication no\n";
        Assert.True(PubkeyOff(cfg, "bob", "10.0.0.1"));
        Assert.False(PubkeyOff(cfg, "bob", "192.0.2.1"));
        Assert.False(PubkeyOff(cfg, "alice", "10.0.0.1"));
    }

    [Fact]
    public void Match_value_overrides_an_earlier_global_value()
    {
        Assert.True(PubkeyOff("PubkeyAuthentication yes\nMatch User bob\n  PubkeyAuthentication no\n", "bob"));
    }

    [Fact]
    public void First_matching_block_wins_among_blocks()
    {
        const string cfg = "Match User bob\n  MaxAuthTries 2\nMatch all\n  MaxAuthTries 9\n";
        Assert.Equal(2, Eff(cfg, "bob", null).MaxAuthTries.Value);
        Assert.Equal(9, Eff(cfg, "alice", null).MaxAuthTries.Value);
    }

    [Fact]
    public void Global_line_after_a_match_block_belongs_to_the_block()
    {
        // There is no "end of Match" but another Match: this line is inside "Match User bob".
        const string cfg = "Match User bob\n  X11Forwarding no\nPubkeyAuthentication no\n";
        Assert.False(PubkeyOff(cfg, "alice"));
        Assert.True(PubkeyOff(cfg, "bob"));
    }

    [Fact]
    public void Match_AllowUsers_replaces_global_AllowUsers()
    {
        var e = Eff("AllowUsers alice\nMatch User bob\n  AllowUsers bob\n", "bob", null);
        Assert.Equal(["bob"], e.Entries("allowusers").SelectMany(x => x.Args).ToList());
    }
}
