using System.Text.Json;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class VerdictTests
{
    private static (int Exit, JsonElement Root) Cli(TargetTree t, params string[] more)
    {
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path, more);
        return (r.Exit, JsonDocument.Parse(r.Out).RootElement.Clone());
    }

    private static List<string> Ids(JsonElement root, string severity = "blocking") =>
        root.GetProperty("findings").EnumerateArray().Where(f => f.GetProperty("severity").GetString() == severity)
            .Select(f => f.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void From_option_without_from_is_unknown_and_exit_3()
    {
        using var t = new TargetTree();
        t.Keys("alice", "from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t);
        Assert.Equal(3, exit);
        Assert.Equal("unknown", root.GetProperty("verdict").GetString());
        Assert.Empty(Ids(root));
        Assert.Contains("ADDRESS_CONDITION", Ids(root, "info"));
    }

    [Fact]
    public void From_option_with_a_non_matching_address_is_refused()
    {
        using var t = new TargetTree();
        t.Keys("alice", "from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(1, exit);
        Assert.Equal(["KEY_OPTION_FROM"], Ids(root));
    }

    [Theory]
    [InlineData("10.0.0.0/8", "10.20.30.40")]
    [InlineData("192.0.2.*", "192.0.2.200")]
    [InlineData("!10.0.0.1,10.0.0.0/8", "10.0.0.2")]
    [InlineData("2001:db8::/32", "2001:db8::5")]
    public void From_option_with_a_matching_address_is_accepted(string pattern, string from)
    {
        using var t = new TargetTree();
        t.Keys("alice", $"from=\"{pattern}\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", from);
        Assert.Equal(0, exit);
        Assert.Equal("accepted", root.GetProperty("verdict").GetString());
    }

    [Fact]
    public void Negated_from_match_refuses()
    {
        using var t = new TargetTree();
        t.Keys("alice", "from=\"!10.0.0.1,10.0.0.0/8\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "10.0.0.1");
        Assert.Equal(1, exit);
        Assert.Equal(["KEY_OPTION_FROM"], Ids(root));
    }

    [Fact]
    public void Later_line_without_from_still_accepts()
    {
        // sshd keeps reading after a line whose options refuse: a later plain line with the key wins.
        using var t = new TargetTree();
        t.Keys("alice", "from=\"10.0.0.0/8\" " + TestKeys.Ed25519A + "\n" + TestKeys.Ed25519A + "\n");
        var (exit, _) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Bad_percent_token_in_AuthorizedKeysFile()
    {
        using var t = new TargetTree();
        t.Config("AuthorizedKeysFile .ssh/authorized_keys_%x\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(1, exit);
        Assert.Contains("AUTHKEYS_FILE_CONFIG", Ids(root));
    }

    [Fact]
    public void Bad_percent_token_after_a_file_that_has_the_key_is_harmless()
    {
        using var t = new TargetTree();
        t.Config("AuthorizedKeysFile .ssh/authorized_keys .ssh/keys_%\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var (exit, _) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Expired_key_option()
    {
        using var t = new TargetTree();
        t.Keys("alice", "expiry-time=\"20200101\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(1, exit);
        Assert.Equal(["KEY_OPTION_EXPIRED"], Ids(root));
    }

    [Fact]
    public void Principals_on_a_plain_key()
    {
        using var t = new TargetTree();
        t.Keys("alice", "principals=\"alice\" " + TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(1, exit);
        Assert.Equal(["KEY_OPTION_INVALID"], Ids(root));
    }

    [Fact]
    public void Key_only_in_authorized_keys2_is_still_read_by_default()
    {
        using var t = new TargetTree();
        t.File("/home/alice/.ssh/authorized_keys2", TestKeys.Ed25519A + "\n", 600, TargetTree.Alice, TargetTree.Alice);
        var (exit, _) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(0, exit);
    }

    [Fact]
    public void Key_authorized_for_another_user_is_named()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B + "\n").Keys("bob", TestKeys.Ed25519A + "\n");
        var (exit, root) = Cli(t, "--from", "192.0.2.1");
        Assert.Equal(1, exit);
        var other = Assert.Single(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "KEY_FOR_OTHER_USER");
        Assert.Equal("bob", other.GetProperty("user").GetString());
    }

    [Fact]
    public void Match_address_without_from_is_reported_as_a_condition()
    {
        using var t = new TargetTree();
        t.Config("Match Address 10.0.0.0/8\n  PubkeyAuthentication no\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var report = new Checker(t.Context()).Run(["alice"], TestKeys.A, null).Users.Single();
        Assert.Contains(report.Findings, f => f.Id == FindingId.ADDRESS_CONDITION);
        Assert.Equal(["PUBKEY_AUTH_DISABLED"], Checks.Run(t, "alice", TestKeys.A, "10.1.1.1").Blocking());
    }
}

public class MappedAddressTests
{
    [Fact]
    public void Ipv4_mapped_from_is_matched_as_ipv4()
    {
        // sshd normalises ::ffff:a.b.c.d to a.b.c.d before from= and Match Address see it.
        using var t = new TargetTree();
        t.Keys("alice", "from=\"10.0.0.*\" " + TestKeys.Ed25519A + "\n");
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        Assert.Equal(0, Support.Cli.Check(t, "alice", key.Path, "--from", "::ffff:10.0.0.7").Exit);
        Assert.Equal(1, Support.Cli.Check(t, "alice", key.Path, "--from", "::ffff:10.0.1.7").Exit);
    }
}
