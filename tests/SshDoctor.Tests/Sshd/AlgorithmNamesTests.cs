using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>PubkeyAcceptedAlgorithms names sshd checks at start (servconf.c, "Bad key types"), per version.</summary>
public class AlgorithmNamesTests
{
    private static IReadOnlyList<ConfigError> Errors(string text, string version) =>
        ConfigParser.ParseText(text + "\n", Versions.V(version)).Errors;

    [Theory]
    [InlineData("PubkeyAcceptedKeyTypes +ssh-dss", "9.2p1", 0)]
    [InlineData("PubkeyAcceptedKeyTypes +ssh-dss", "10.0p1", 1)]   // DSA compiled out of 9.8+ (judged on trixie and upstream 10.0)
    [InlineData("PubkeyAcceptedAlgorithms +ssh-dss", "9.8p1", 1)]
    [InlineData("PubkeyAcceptedAlgorithms ssh-dss-cert-v01@openssh.com", "10.0p1", 1)]
    [InlineData("PubkeyAcceptedAlgorithms -ssh-dss", "10.0p1", 0)]  // '-' lists are not checked
    [InlineData("PubkeyAcceptedAlgorithms ssh-ed25519,rsa-sha2-*", "10.0p1", 0)]
    [InlineData("PubkeyAcceptedAlgorithms ssh-dss*", "10.0p1", 1)]  // a pattern must match an implemented name
    [InlineData("PubkeyAcceptedAlgorithms ssh-dss*", "9.2p1", 0)]
    [InlineData("PubkeyAcceptedAlgorithms no-such-alg", "9.2p1", 1)]
    [InlineData("PubkeyAcceptedAlgorithms ^ssh-rsa", "9.2p1", 0)]
    public void Bad_key_types_stop_sshd(string line, string version, int errors) =>
        Assert.Equal(errors, Errors(line, version).Count);

    [Fact]
    public void The_client_signs_rsa_with_sha2_512_whatever_the_server_accepts() =>
        Assert.Equal(["rsa-sha2-512"], Algorithms.ClientAlgorithmsFor("ssh-rsa"));
}
