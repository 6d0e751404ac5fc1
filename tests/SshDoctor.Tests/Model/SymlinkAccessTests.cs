using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>sshd opens the configured path as the user: every directory on the way, before and after a symlink, needs x.</summary>
public class SymlinkAccessTests
{
    [Fact]
    public void Unsearchable_directory_before_a_symlink_blocks()
    {
        using var t = new TargetTree();
        t.Dir("/srv", 755).Dir("/srv/keys", 755);
        t.File("/srv/keys/alice", TestKeys.Ed25519A + "\n", 644, TargetTree.Alice, TargetTree.Alice);
        t.Symlink("/home/alice/.ssh/authorized_keys", "/srv/keys/alice");
        t.Chown("/home/alice/.ssh", 0, 0); // 0700 root: alice cannot reach the link itself
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        Assert.Equal("/home/alice/.ssh", r.Single(FindingId.AUTHKEYS_UNREADABLE).Args["blocker"]);
    }

    [Fact]
    public void Unsearchable_directory_after_a_symlink_blocks()
    {
        using var t = new TargetTree();
        t.Dir("/srv", 700).Dir("/srv/keys", 755);
        t.File("/srv/keys/alice", TestKeys.Ed25519A + "\n", 644, TargetTree.Alice, TargetTree.Alice);
        t.Symlink("/home/alice/.ssh/authorized_keys", "/srv/keys/alice");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal("/srv", r.Single(FindingId.AUTHKEYS_UNREADABLE).Args["blocker"]);
    }
}
