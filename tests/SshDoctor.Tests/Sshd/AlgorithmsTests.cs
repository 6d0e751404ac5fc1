using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

public class AlgorithmsTests
{
    private static IReadOnlyList<string> Eff(string configured, string version = "9.2p1") => Algorithms.Effective(configured, Versions.V(version));

    [Fact]
    public void Ssh_rsa_left_the_defaults_in_8_8()
    {
        Assert.Contains("ssh-rsa", Eff("", "8.7p1"));
        Assert.DoesNotContain("ssh-rsa", Eff("", "8.8p1"));
        Assert.Contains("rsa-sha2-512", Eff("", "8.8p1"));
        Assert.DoesNotContain("ssh-dss", Eff("", "7.4p1"));
    }

    [Fact]
    public void Plus_appends_to_the_defaults()
    {
        var list = Eff("+ssh-rsa,ssh-dss");
        Assert.Equal(Algorithms.Default(Versions.V92), list.Take(Algorithms.Default(Versions.V92).Count));
        Assert.Equal(["ssh-rsa", "ssh-dss"], list.Skip(Algorithms.Default(Versions.V92).Count));
    }

    [Fact]
    public void Minus_removes_with_wildcards()
    {
        var list = Eff("-ssh-ed25519*,rsa-sha2-*");
        Assert.DoesNotContain("ssh-ed25519", list);
        Assert.DoesNotContain("ssh-ed25519-cert-v01@openssh.com", list);
        Assert.DoesNotContain("rsa-sha2-512", list);
        Assert.Contains("ecdsa-sha2-nistp256", list);
    }

    [Fact]
    public void Caret_puts_items_first()
    {
        var list = Eff("^rsa-sha2-256");
        Assert.Equal("rsa-sha2-256", list[0]);
        Assert.Single(list, a => a == "rsa-sha2-256");
    }

    [Fact]
    public void Plain_list_replaces_the_defaults_and_expands_wildcards()
    {
        Assert.Equal(["ssh-ed25519"], Eff("ssh-ed25519"));
        var ec = Eff("ecdsa-sha2-nistp*");
        // match_pattern: the wildcard also matches the certificate algorithms.
        Assert.Equal(6, ec.Count);
        Assert.Contains("ecdsa-sha2-nistp521", ec);
        Assert.Contains("ecdsa-sha2-nistp256-cert-v01@openssh.com", ec);
        Assert.DoesNotContain("ssh-ed25519", ec);
    }

    [Theory]
    [InlineData("ssh-ed25519", "ssh-rsa", true)]
    // The lab: a 9.2 client signs with rsa-sha2-512 (advertised in server-sig-algs) and does not fall back.
    [InlineData("ssh-ed25519,rsa-sha2-256", "ssh-rsa", true)]
    [InlineData("ssh-ed25519,rsa-sha2-512", "ssh-rsa", false)]
    [InlineData("-ssh-ed25519", "ssh-ed25519", true)]
    [InlineData("+ssh-dss", "ssh-ed25519", false)]
    public void Method_gate_reports_a_refused_algorithm(string configured, string keyType, bool refused)
    {
        using var t = new TargetTree();
        t.Config($"PubkeyAcceptedAlgorithms {configured}\n");
        var key = keyType == "ssh-rsa" ? TestKeys.Rsa : TestKeys.A;
        t.Keys("alice", key.OpenSshLine + "\n");
        var r = Checks.Run(t, "alice", key);
        Assert.Equal(refused, r.Blocking().Contains("KEY_ALGORITHM_REFUSED"));
    }

    [Fact]
    public void RequiredRSASize_refuses_a_2048_bit_key()
    {
        using var t = new TargetTree();
        t.Config("RequiredRSASize 3072\n");
        t.Keys("alice", TestKeys.Rsa2048 + "\n");
        Assert.Equal(["KEY_RSA_TOO_SMALL"], Checks.Run(t, "alice", TestKeys.Rsa).Blocking());
    }

    [Fact]
    public void PubkeyAuthentication_no_in_a_match_block()
    {
        using var t = new TargetTree();
        t.Config("Match User alice\n  PubkeyAuthentication no\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        Assert.Equal(["PUBKEY_AUTH_DISABLED"], Checks.Run(t, "alice", TestKeys.A).Blocking());
        t.Keys("bob", TestKeys.Ed25519A + "\n");
        Assert.Empty(Checks.Run(t, "bob", TestKeys.A).Blocking());
    }

    [Theory]
    [InlineData("publickey", false)]
    [InlineData("any", false)]
    [InlineData("publickey,password", true)]
    [InlineData("publickey,password publickey", false)]
    public void AuthenticationMethods(string value, bool blocked)
    {
        using var t = new TargetTree();
        t.Config($"AuthenticationMethods {value}\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        Assert.Equal(blocked, Checks.Run(t, "alice", TestKeys.A).Blocking().Contains("AUTH_METHODS_REQUIRED"));
    }
}
