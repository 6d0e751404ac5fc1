using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

/// <summary>When neither dpkg nor the binary names the sshd version, check says its version is a guess.</summary>
public sealed class GuessedVersionTests
{
    [Fact]
    public void Text_and_json_say_the_version_is_a_guess()
    {
        using var tree = new TargetTree(); // no dpkg status, no sshd binary: Debian 12's usual 9.2p1
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        var text = Support.Cli.Run("check", "--root", tree.Root, "--user", "alice", "--lang", "en");
        Assert.Contains("probably OpenSSH 9.2p1", text.Out);
        var json = Support.Cli.Check(tree, "alice", null);
        Assert.Contains("\"source\": \"default\"", json.Out);

        tree.Dir("/var").Dir("/var/lib").Dir("/var/lib/dpkg")
            .File("/var/lib/dpkg/status", "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.2p1-2+deb12u3\n\n");
        var known = Support.Cli.Run("check", "--root", tree.Root, "--user", "alice", "--lang", "en");
        Assert.DoesNotContain("probably", known.Out);
    }
}
