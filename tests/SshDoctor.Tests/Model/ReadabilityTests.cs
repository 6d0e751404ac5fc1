using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class ReadabilityTests
{
    [Fact]
    public void Ssh_dir_0700_owned_by_root_is_unreadable_for_the_user()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh", 0, 0);
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        var f = r.Single(FindingId.AUTHKEYS_UNREADABLE);
        Assert.Equal("/home/alice/.ssh", f.Args["blocker"]);
        Assert.DoesNotContain(r.Findings, x => x.Id is FindingId.STRICTMODES_OWNER or FindingId.KEY_NOT_AUTHORIZED);
    }

    [Fact]
    public void Root_owned_0600_file_is_unreadable_for_the_user()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh/authorized_keys", 0, 0);
        var f = Checks.Run(t, "alice", TestKeys.A).Single(FindingId.AUTHKEYS_UNREADABLE);
        Assert.Equal("/home/alice/.ssh/authorized_keys", f.Args["blocker"]);
    }

    [Fact]
    public void Root_owned_0600_file_is_readable_for_root()
    {
        using var t = new TargetTree();
        t.Keys("root", TestKeys.Ed25519A + "\n");
        t.Dir("/root/.ssh", 700);
        t.File("/root/.ssh/authorized_keys", TestKeys.Ed25519A + "\n", 600);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "root", TestKeys.A).Verdict);
    }

    [Fact]
    public void Group_read_is_enough_through_a_supplementary_group()
    {
        using var t = new TargetTree();
        // staff (50) lists alice as a member: root:staff 0640 is readable by her.
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh/authorized_keys", 0, 50).Chmod("/home/alice/.ssh/authorized_keys", 640);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Owner_bits_apply_to_the_owner_even_when_others_may_read()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice/.ssh/authorized_keys", 044);
        Assert.NotNull(new UserAccess(new TargetRoot(t.Root), t.Context().Accounts, t.Context().Accounts.ByName("alice")!)
            .OpenBlocker("/home/alice/.ssh/authorized_keys", false));
    }

    [Fact]
    public void Home_without_search_permission_blocks()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 600);
        var f = Checks.Run(t, "alice", TestKeys.A).Single(FindingId.AUTHKEYS_UNREADABLE);
        Assert.Equal("/home/alice", f.Args["blocker"]);
    }

    [Fact]
    public void Directory_in_place_of_the_file_is_not_regular()
    {
        using var t = new TargetTree();
        t.Dir("/home/alice/.ssh/authorized_keys", 700, TargetTree.Alice, TargetTree.Alice);
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(["AUTHKEYS_NOT_REGULAR"], r.Blocking());
    }

    [Fact]
    public void Missing_file_dir_and_home()
    {
        using var t = new TargetTree();
        Assert.Equal(["AUTHKEYS_MISSING"], Checks.Run(t, "alice", TestKeys.A).Blocking());
        Directory.Delete(t.Host("/home/alice/.ssh"));
        Assert.Equal(["SSH_DIR_MISSING"], Checks.Run(t, "alice", TestKeys.A).Blocking());
        Directory.Delete(t.Host("/home/alice"));
        Assert.Equal(["HOME_MISSING"], Checks.Run(t, "alice", TestKeys.A).Blocking());
    }
}
