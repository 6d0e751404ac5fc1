using SshDoctor.Core.Keys;
using SshDoctor.Core.KnownHosts;

namespace SshDoctor.Tests.Probe;

public class ProbeKnownHostsTests
{
    private const string KeyA = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG6VLDGN7N9st4WGC+UqyPmF9HmPG8Ah9iNOVN87g6oy";
    private const string KeyB = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHZUIgHxs5aM2Nn5cXY4Y5AadqmDv7fsMwxkvYyR7WGn";
    // Made by `ssh-keygen -H` for "example.org" with KeyA.
    private const string HashedA = "|1|LOQY6t5Pmjh00f7edL9hSe04OJ4=|YTK2dKuxqohEmkH7h+Rofe82RcA= " + KeyA;

    private static PublicKey K(string line) => PublicKey.FromOpenSshLine(line)!;

    [Fact]
    public void Hashed_entry_from_ssh_keygen_matches()
    {
        var entries = KnownHostsFile.Parse("kh", HashedA + "\n");
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "example.org", 22, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Unknown, KnownHostsFile.Check(entries, "example.com", 22, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Changed, KnownHostsFile.Check(entries, "example.org", 22, K(KeyB)).Status);
    }

    [Fact]
    public void Port_entries_use_brackets()
    {
        var entries = KnownHostsFile.Parse("kh", $"[10.0.0.5]:2222 {KeyA}\n10.0.0.5 {KeyB}\n");
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "10.0.0.5", 2222, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "10.0.0.5", 22, K(KeyB)).Status);
        var changed = KnownHostsFile.Check(entries, "10.0.0.5", 2222, K(KeyB));
        Assert.Equal(HostKeyStatus.Changed, changed.Status);
        Assert.Equal("ssh-keygen -R \"[10.0.0.5]:2222\"", changed.RemoveCommand("kh"));
        Assert.Equal("ssh-keygen -R \"[10.0.0.5]:2222\" -f kh", changed.RemoveCommand("/home/u/.ssh/known_hosts"));
    }

    [Fact]
    public void Patterns_wildcards_negation_and_lists()
    {
        var entries = KnownHostsFile.Parse("kh", $"web*.example.org,!web9.example.org,db.example.org {KeyA}\n");
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "web1.example.org", 22, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "DB.example.org", 22, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Unknown, KnownHostsFile.Check(entries, "web9.example.org", 22, K(KeyA)).Status);
        Assert.True(KnownHostsEntry.Wildcard("10.0.?.*", "10.0.1.200"));
        Assert.False(KnownHostsEntry.Wildcard("10.0.?.*", "10.0.11.200"));
    }

    [Fact]
    public void Markers_comments_and_damaged_lines()
    {
        var text = $"# comment\n\n@cert-authority *.example.org {KeyB}\n@revoked example.org {KeyB}\nexample.org {KeyA} comment here\nexample.org ssh-ed25519 AAAA-broken\n@unknown example.org {KeyB}\n";
        var entries = KnownHostsFile.Parse("kh", text);
        Assert.Equal(3, entries.Count);
        Assert.Equal(HostKeyStatus.Known, KnownHostsFile.Check(entries, "example.org", 22, K(KeyA)).Status);
        Assert.Equal(HostKeyStatus.Revoked, KnownHostsFile.Check(entries, "example.org", 22, K(KeyB)).Status);
        // A CA line for a host is not a host key: unknown, not changed.
        Assert.Equal(HostKeyStatus.Unknown, KnownHostsFile.Check(entries, "www.example.org", 22, K(KeyB)).Status);
        Assert.Equal(5, entries[^1].Line);
    }

    [Fact]
    public void Another_key_type_is_unknown_not_changed()
    {
        var rsa = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAgQDB" + new string('A', 168);
        var entries = KnownHostsFile.Parse("kh", $"example.org {KeyA}\n");
        Assert.Equal(["ssh-ed25519"], KnownHostsFile.KnownTypes(entries, "example.org", 22));
        var other = PublicKey.FromOpenSshLine(rsa);
        if (other is not null)
            Assert.Equal(HostKeyStatus.Unknown, KnownHostsFile.Check(entries, "example.org", 22, other).Status);
    }

    [Fact]
    public void Host_key_preference_follows_known_types()
    {
        var algs = Core.Protocol.ClientAlgorithms.Default.PreferHostKeys(["ssh-rsa"]);
        Assert.Equal(["rsa-sha2-512", "rsa-sha2-256", "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521"], algs.HostKey);
    }
}
