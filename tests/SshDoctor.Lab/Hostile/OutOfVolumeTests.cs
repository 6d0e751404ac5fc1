using SshDoctor.Lab.Harness;
using SshDoctor.Lab.Scenarios;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Out of the volume" and "More ways out": links and `..` homes in a mounted volume must be resolved
/// inside --root. Each test runs fix (and where it matters undo) and asserts the host's canaries did not change.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class OutOfVolumeTests
{
    [LabFact]
    public void Ssh_dir_absolute_link_to_root_ssh()
    {
        using var w = new HostileWorld("ssh abs link");
        w.Tree.Cast().Remove("/home/alice/.ssh").Symlink("/home/alice/.ssh", "/root/.ssh").Mkdir("/root/.ssh", "0700");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
    }

    [LabFact]
    public void Ssh_dir_relative_link_out_of_the_volume()
    {
        using var w = new HostileWorld("ssh rel link");
        w.Tree.Cast().Remove("/home/alice/.ssh").Symlink("/home/alice/.ssh", HostileWorld.FromHomeToOutside + "/.ssh");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
    }

    [LabFact]
    public void Ssh_dir_relative_link_climbing_to_the_host_root()
    {
        using var w = new HostileWorld("ssh deep rel link");
        w.Tree.Cast().Remove("/home/alice/.ssh").Symlink("/home/alice/.ssh", HostileWorld.ToHostRoot + "root/.ssh");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
    }

    [LabFact]
    public void Authorized_keys_absolute_link_to_host_file_is_not_copied_into_the_volume()
    {
        using var w = new HostileWorld("ak abs link");
        w.Tree.Cast().Remove(AliceKeys).Symlink(AliceKeys, "/root/.ssh/authorized_keys").Chmod("/home/alice/.ssh", "0777");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
        var leaks = w.LeakedIntoTarget();
        Assert.True(leaks.Length == 0, "the host's file was copied into the volume (backup through a link):\n" + string.Join('\n', leaks));
    }

    [LabFact]
    public void Authorized_keys_file_directory_absolute_link_to_etc_profile_d()
    {
        using var w = new HostileWorld("akf dir abs");
        w.Tree.Cast().Config("AuthorizedKeysFile /etc/ssh/authorized/%u").Symlink("/etc/ssh/authorized", "/etc/profile.d/..");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**", "etc/**");
    }

    [LabFact]
    public void Authorized_keys_file_directory_relative_link_out()
    {
        using var w = new HostileWorld("akf dir rel");
        w.Tree.Cast().Config("AuthorizedKeysFile /etc/ssh/authorized/%u").Symlink("/etc/ssh/authorized", "../../../canary/outside/dir");
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**", "etc/**");
    }

    [LabFact]
    public void Passwd_home_is_a_link_to_etc_profile_d_and_skel_is_copied()
    {
        using var w = new HostileWorld("home esc");
        w.Tree.Cast().AddGroup("dave", 2004).AddUser("dave", 2004, 2004, "/esc")
            .Symlink("/esc", "/etc/profile.d")
            .Mkdir("/etc/skel").WriteFile("/etc/skel/.profile", "# skel profile\n").WriteFile("/etc/skel/evil.sh", "echo pwned\n");
        w.Arm();
        w.AssertFixAndUndoHeld("dave", "etc/**", "esc");
    }

    private static readonly string Up = string.Concat(Enumerable.Repeat("/..", 24));

    public static TheoryData<string> DotDotHomes => new()
    {
        Up + "/root",
        "/home/" + HostileWorld.ToHostRoot + "srv/X/new",
    };

    /// <summary>A parent missing in the volume, and `X/nonexistent/..`: the rollback once removed the host's X.</summary>
    public static TheoryData<string> DotDotHomesMissingParent => new()
    {
        "/home/ghost/" + HostileWorld.ToHostRoot + "srv/X",
        Up + "/srv/X/nonexistent/..",
    };

    [LabTheory]
    [MemberData(nameof(DotDotHomesMissingParent))]
    public void Dot_dot_home_with_a_missing_parent_stays_inside_the_root(string home) => Dot_dot_home_stays_inside_the_root(home);

    [LabTheory]
    [MemberData(nameof(DotDotHomes))]
    public void Dot_dot_home_stays_inside_the_root(string home)
    {
        using var w = new HostileWorld("dotdot home");
        w.Tree.Cast().AddGroup("dave", 2004).AddUser("dave", 2004, 2004, home).Mkdir("/srv").Mkdir("/srv/X");
        w.Arm();
        // A failed run's rollback and undo must not remove or chown the host's X either.
        w.AssertFixAndUndoHeld("dave", "root/**", "srv/**", "home/**");
    }

    [LabFact]
    public void Skel_entry_linking_to_root_is_not_followed()
    {
        using var w = new HostileWorld("skel link");
        w.Tree.Cast().AddGroup("dave", 2004).AddUser("dave", 2004, 2004, "/home/dave")
            .Mkdir("/etc/skel").WriteFile("/etc/skel/.profile", "# skel\n")
            .Symlink("/etc/skel/abs", "/root").Symlink("/etc/skel/rel", HostileWorld.ToHostRoot + "root/.ssh")
            .Mkdir("/root/.ssh", "0700").WriteFile("/root/.ssh/authorized_keys", "# volume root keys\n", "0600");
        w.Arm();
        w.AssertFixAndUndoHeld("dave", "home/dave/**", "home/dave");
    }

    [LabTheory]
    [InlineData("/etc/cron.d")]
    [InlineData("../../../canary/outside/dir")]
    public void Backup_directory_link_to_a_host_directory(string target)
    {
        using var w = new HostileWorld("backup link", treeIgnored: []);
        w.Tree.Cast().Chmod("/home/alice/.ssh", "0777").Mkdir("/var/backups").Symlink("/var/backups/sshdoctor", target);
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice/**", "var/backups/**");
    }
}

[CollectionDefinition(Name)]
public sealed class HostileCollection
{
    public const string Name = "hostile trees (namespaced canaries)";
}
