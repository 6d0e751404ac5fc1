using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class StrictModesTests
{
    [Fact]
    public void Baseline_tree_accepts_the_key()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Empty(r.Blocking());
        Assert.Equal(Verdict.Accepted, r.Verdict);
    }

    [Fact]
    public void Group_writable_home_with_private_group_passes_on_debian()
    {
        using var t = new TargetTree("debian", "12");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 775);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Group_writable_home_with_private_group_passes_on_ubuntu_by_id_like()
    {
        using var t = new TargetTree("pop", "22.04");
        t.File("/etc/os-release", "ID=pop\nID_LIKE=\"ubuntu debian\"\nVERSION_ID=\"22.04\"\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 775);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Group_writable_home_is_a_violation_on_amazon_linux()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 775);
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        var f = r.Single(FindingId.STRICTMODES_MODE);
        Assert.Equal("/home/alice", f.Path);
        Assert.Equal(["STRICTMODES_MODE"], r.Blocking());
        Assert.Contains(f.FixCommands, c => c.Contains($"then chmod g-w,o-w {t.Root}/home/alice; else", StringComparison.Ordinal)); // a mounted tree: the rescue host's path
    }

    [Fact]
    public void Group_with_two_primary_members_is_a_violation_even_on_debian()
    {
        using var t = new TargetTree();
        t.Keys("carol", TestKeys.Ed25519A + "\n").Chmod("/home/carol", 775); // group team: carol and dave
        var r = Checks.Run(t, "carol", TestKeys.A);
        Assert.Equal("/home/carol", r.Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void Group_with_a_supplementary_member_is_a_violation_on_debian()
    {
        using var t = new TargetTree();
        t.File("/etc/group", "root:x:0:\nalice:x:1000:bob\nbob:x:1001:\nteam:x:1100:\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 775);
        Assert.Equal("/home/alice", Checks.Run(t, "alice", TestKeys.A).Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void World_writable_ssh_dir_is_a_violation_on_debian()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice/.ssh", 707);
        Assert.Equal("/home/alice/.ssh", Checks.Run(t, "alice", TestKeys.A).Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void Group_writable_file_is_a_violation_on_amazon_linux()
    {
        using var t = new TargetTree("amzn", "2");
        t.Config("# OpenSSH 7.4 has no Include\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice/.ssh/authorized_keys", 620);
        Assert.Equal("/home/alice/.ssh/authorized_keys", Checks.Run(t, "alice", TestKeys.A).Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void World_writable_home_parent_is_not_checked()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home", 777);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Home_parent_owned_by_another_user_is_not_checked()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home", TargetTree.Bob, TargetTree.Bob);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Read_bits_never_matter()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 755).Chmod("/home/alice/.ssh", 755)
            .Chmod("/home/alice/.ssh/authorized_keys", 644);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void File_owned_by_another_user()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh/authorized_keys", TargetTree.Bob, TargetTree.Bob)
            .Chmod("/home/alice/.ssh/authorized_keys", 644);
        var r = Checks.Run(t, "alice", TestKeys.A);
        var f = r.Single(FindingId.STRICTMODES_OWNER);
        Assert.Equal("/home/alice/.ssh/authorized_keys", f.Path);
        Assert.Equal("bob", f.Args["owner"]);
        Assert.Contains(f.FixCommands, c => c.Contains($"then chown -h 1000:1000 {t.Root}/home/alice/.ssh/authorized_keys; else", StringComparison.Ordinal)); // numeric on a rescue host
    }

    [Fact]
    public void Owner_is_resolved_through_the_targets_passwd_not_the_hosts()
    {
        using var t = new TargetTree();
        // uid 1 is "daemon" on most hosts; the target has no uid 1, so the owner is shown numerically.
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh", 1, 1).Chmod("/home/alice/.ssh", 755);
        var f = Checks.Run(t, "alice", TestKeys.A).Single(FindingId.STRICTMODES_OWNER);
        Assert.Equal("/home/alice/.ssh", f.Path);
        Assert.Equal("1", f.Args["owner"]);
    }

    [Fact]
    public void Root_owned_files_and_dirs_pass()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh/authorized_keys", 0, 0).Chmod("/home/alice/.ssh/authorized_keys", 644);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }

    [Fact]
    public void Path_outside_home_is_walked_up_to_the_root()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config", "AuthorizedKeysFile /etc/ssh/keys/%u\n");
        t.Dir("/etc/ssh/keys", 755);
        t.File("/etc/ssh/keys/alice", TestKeys.Ed25519A + "\n", 644);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);

        t.Chmod("/etc", 777);
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal("/etc", r.Single(FindingId.STRICTMODES_MODE).Path);
    }

    [Fact]
    public void Target_root_directory_itself_is_checked_for_paths_outside_home()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config", "AuthorizedKeysFile /etc/ssh/keys/%u\n");
        t.Dir("/etc/ssh/keys", 755);
        t.File("/etc/ssh/keys/alice", TestKeys.Ed25519A + "\n", 644);
        t.Chown("/", TargetTree.Bob, TargetTree.Bob);
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal("/", r.Single(FindingId.STRICTMODES_OWNER).Path);
    }

    [Fact]
    public void StrictModes_no_ignores_modes_and_owners()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Config("StrictModes no\n");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 777).Chown("/home/alice/.ssh/authorized_keys", TargetTree.Bob, TargetTree.Bob)
            .Chmod("/home/alice/.ssh/authorized_keys", 666);
        Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);
    }
}
