using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>Match LocalAddress / LocalPort: decided when Port and ListenAddress leave one possibility, else a condition.</summary>
public sealed class LocalMatchTests
{
    private static UserReport Run(string config)
    {
        using var tree = new TargetTree();
        tree.Config(config);
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        return Checks.Run(tree, "alice", TestKeys.A);
    }

    [Theory]
    [InlineData("ListenAddress 10.0.0.5\nMatch LocalAddress 10.0.0.5\n  PubkeyAuthentication no\n", true)]
    [InlineData("ListenAddress 10.0.0.5:2222\nMatch LocalAddress 10.0.0.0/24\n  PubkeyAuthentication no\n", true)]
    [InlineData("ListenAddress 10.0.0.5\nMatch LocalAddress 10.0.0.6\n  PubkeyAuthentication no\n", false)]
    [InlineData("Port 2222\nMatch LocalPort 2222\n  PubkeyAuthentication no\n", true)]
    [InlineData("Match LocalPort 22\n  PubkeyAuthentication no\n", true)]
    [InlineData("Port 2222\nMatch LocalPort 22\n  PubkeyAuthentication no\n", false)]
    [InlineData("Port 22\nListenAddress 127.0.0.1:2222\nMatch LocalPort 22\n  PubkeyAuthentication no\n", false)]
    public void One_possibility_is_decided(string config, bool disabled)
    {
        var r = Run(config);
        Assert.Equal(disabled ? Verdict.Refused : Verdict.Accepted, r.Verdict);
        Assert.DoesNotContain(r.Findings, f => f.Id == FindingId.ADDRESS_CONDITION);
    }

    [Theory]
    [InlineData("Match LocalAddress 10.0.0.5\n  PubkeyAuthentication no\n")]
    [InlineData("ListenAddress 0.0.0.0\nMatch LocalAddress 10.0.0.5\n  PubkeyAuthentication no\n")]
    [InlineData("ListenAddress 10.0.0.5\nListenAddress 10.0.0.6\nMatch LocalAddress 10.0.0.5\n  PubkeyAuthentication no\n")]
    [InlineData("Port 22\nPort 2222\nMatch LocalPort 2222\n  PubkeyAuthentication no\n")]
    public void Several_possibilities_are_a_condition(string config) =>
        Assert.Contains(Run(config).Findings, f => f.Id == FindingId.ADDRESS_CONDITION);
}
