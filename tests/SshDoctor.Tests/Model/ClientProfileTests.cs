using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public sealed class ClientProfileTests
{
    [Theory]
    [InlineData("putty-0.74", false)]
    [InlineData("putty-0.75", true)]
    [InlineData("winscp-5.17", false)]
    [InlineData("winscp-5.19.2", true)]
    [InlineData("openssh-7.1", false)]
    [InlineData("openssh-9.6p1", true)]
    [InlineData("OpenSSH_8.9", true)]
    [InlineData("sshnet-2020.0.2", false)]
    [InlineData("sshnet-2023.0.0", true)]
    [InlineData("libssh2-1.10", false)]
    [InlineData("libssh2-1.11", true)]
    [InlineData("paramiko-2.8", false)]
    [InlineData("paramiko-3", true)]
    public void Knows_which_clients_sign_rsa_with_sha2(string text, bool sha2) =>
        Assert.Equal(sha2, ClientProfile.Parse(text)!.SignsRsaSha2);

    [Theory]
    [InlineData("putty")]
    [InlineData("mobaxterm-23.1")]
    [InlineData("putty-")]
    [InlineData("putty-x")]
    public void Rejects_what_is_not_a_known_client(string text) => Assert.Null(ClientProfile.Parse(text));

    private static UserReport Run(TargetTree tree, string? client)
    {
        var report = new Checker(tree.Context()) { Client = client is null ? null : ClientProfile.Parse(client) }
            .Run(["alice"], TestKeys.Rsa, "192.0.2.10");
        return report.Users.Single();
    }

    [Fact]
    public void An_rsa_key_on_a_server_that_refuses_ssh_rsa_depends_on_the_client()
    {
        using var tree = new TargetTree(); // Debian 12: OpenSSH 9.2, ssh-rsa refused by default
        tree.Keys("alice", TestKeys.Rsa2048 + "\n");
        var unknown = Run(tree, null);
        Assert.Equal(Verdict.Unknown, unknown.Verdict);
        Assert.Contains(unknown.Findings, f => f.Id == FindingId.CLIENT_CONDITION);
        var old = Run(tree, "putty-0.74");
        Assert.Equal(Verdict.Refused, old.Verdict);
        Assert.Equal(["RSA_SHA1_REFUSED"], old.Blocking());
        Assert.Equal(Verdict.Accepted, Run(tree, "putty-0.75").Verdict);
    }

    [Fact]
    public void A_server_that_allows_ssh_rsa_accepts_every_client()
    {
        using var tree = new TargetTree();
        tree.Config("PubkeyAcceptedAlgorithms +ssh-rsa\n");
        tree.Keys("alice", TestKeys.Rsa2048 + "\n");
        Assert.Equal(Verdict.Accepted, Run(tree, null).Verdict);
        Assert.Equal(Verdict.Accepted, Run(tree, "paramiko-2.8").Verdict);
    }

    [Fact]
    public void An_unknown_client_is_bad_input()
    {
        using var tree = new TargetTree();
        var r = Support.Cli.Check(tree, "alice", null, "--client", "telnet-1.0");
        Assert.Equal(2, r.Exit);
        Assert.Contains("telnet-1.0", r.Err);
    }
}
