using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class SymlinkTests
{
    [Fact]
    public void Symlinked_home_walk_stops_at_the_real_home()
    {
        using var t = new TargetTree("amzn", "2023");
        Directory.Delete(t.Host("/home/alice/.ssh"));
        Directory.Delete(t.Host("/home/alice"));
        t.Dir("/data", 777); // above the real home: not checked
        t.Dir("/data/alice", 700, TargetTree.Alice, TargetTree.Alice);
        t.Dir("/data/alice/.ssh", 700, TargetTree.Alice, TargetTree.Alice);
        t.File("/data/alice/.ssh/authorized_keys", TestKeys.Ed25519A + "\n", 600, TargetTree.Alice, TargetTree.Alice);
        t.Symlink("/home/alice", "/data/alice"); // absolute: must resolve inside the target
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);

        t.Chmod("/data/alice", 775);
        Assert.Equal("/data/alice", Checks.Run(t, "alice", TestKeys.A).Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void Absolute_symlink_resolves_inside_the_root_not_on_the_host()
    {
        using var t = new TargetTree();
        // Host /etc/passwd exists; the target's /srv/keys/alice is what the link means.
        t.Dir("/srv", 777);
        t.Dir("/srv/keys", 755);
        t.File("/srv/keys/alice", TestKeys.Ed25519A + "\n", 600, TargetTree.Alice, TargetTree.Alice);
        t.Symlink("/home/alice/.ssh/authorized_keys", "/srv/keys/alice");
        var root = new TargetRoot(t.Root);
        Assert.Equal("/srv/keys/alice", root.RealPath("/home/alice/.ssh/authorized_keys"));
        // Outside home: walked up to "/", and the target's /srv is world-writable.
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal("/srv", r.Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void Symlink_to_a_host_path_that_is_missing_in_the_target_is_missing()
    {
        using var t = new TargetTree();
        t.Symlink("/home/alice/.ssh/authorized_keys", "/etc/hostname"); // exists on the host, not in the target
        Assert.Null(new TargetRoot(t.Root).RealPath("/home/alice/.ssh/authorized_keys"));
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        Assert.DoesNotContain(r.Findings, f => f.Path is not null && f.Path.StartsWith(t.Root, StringComparison.Ordinal));
    }

    [Fact]
    public void Dotdot_symlink_cannot_escape_the_root()
    {
        using var t = new TargetTree();
        t.Symlink("/home/alice/up", "../../../../../../..");
        var root = new TargetRoot(t.Root);
        Assert.Equal("/", root.RealPath("/home/alice/up"));
        Assert.Equal("/etc/passwd", root.RealPath("/home/alice/up/etc/passwd"));
    }

    [Fact]
    public void Relative_symlink_resolves_against_its_directory()
    {
        using var t = new TargetTree();
        t.File("/home/alice/.ssh/real_keys", TestKeys.Ed25519A + "\n", 600, TargetTree.Alice, TargetTree.Alice);
        t.Symlink("/home/alice/.ssh/authorized_keys", "real_keys");
        Assert.Equal("/home/alice/.ssh/real_keys", new TargetRoot(t.Root).RealPath("/home/alice/.ssh/authorized_keys"));
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Symlink_loop_is_missing_not_a_hang()
    {
        using var t = new TargetTree();
        t.Symlink("/home/alice/.ssh/authorized_keys", "/home/alice/.ssh/authorized_keys");
        Assert.Null(new TargetRoot(t.Root).RealPath("/home/alice/.ssh/authorized_keys"));
    }
}
