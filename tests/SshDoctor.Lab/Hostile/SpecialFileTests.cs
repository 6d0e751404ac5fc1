using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Local user to root" (hard links) and "Reading" (FIFOs, sockets, devices where a file is expected):
/// a multiply-linked file is never chowned or rewritten; a non-regular file is never opened (no hang: every run is
/// bounded by <see cref="Jail.TimeoutSeconds"/>).
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class SpecialFileTests
{
    [LabFact]
    public void Authorized_keys_hard_linked_to_another_users_file()
    {
        using var w = new HostileWorld("hardlink bob");
        w.Tree.Cast().Mkdir("/home/bob/.ssh", "0700", Bob, Bob)
            .WriteFile("/home/bob/.ssh/authorized_keys", LabKeys.Other.Line + " bob@laptop\n", "0600", Bob, Bob)
            .Remove(AliceKeys);
        LabRun.Exec("/usr/bin/ln", w.Tree.HostPath("/home/bob/.ssh/authorized_keys"), w.Tree.HostPath(AliceKeys));
        w.Arm();
        // alice's name for the file is the same inode as bob's: any change to it shows on bob's path.
        w.AssertFixAndUndoHeld("alice", "home/alice", "home/alice/.ssh");
    }

    [LabFact]
    public void Authorized_keys_hard_linked_to_a_shadow_like_file_outside()
    {
        using var w = new HostileWorld("hardlink shadow");
        w.Tree.Cast().Remove(AliceKeys);
        LabRun.Exec("/usr/bin/ln", w.CanaryPath("outside/shadow"), w.Tree.HostPath(AliceKeys));
        File.SetUnixFileMode(w.CanaryPath("outside/shadow"), Modes.Parse("0660"));
        w.Arm();
        w.AssertFixAndUndoHeld("alice", "home/alice", "home/alice/.ssh");
    }

    public static TheoryData<string, string> NonRegular => new()
    {
        { "authorized_keys", "fifo" }, { "authorized_keys", "socket" }, { "authorized_keys", "zero" }, { "authorized_keys", "null" },
        { ".ssh", "fifo" }, { ".ssh", "zero" },
    };

    [LabTheory]
    [MemberData(nameof(NonRegular))]
    public void Non_regular_file_where_a_file_is_expected(string name, string kind)
    {
        using var w = new HostileWorld($"special {name} {kind}");
        var path = "/home/alice/" + (name == ".ssh" ? ".ssh" : ".ssh/authorized_keys");
        w.Tree.Cast().Remove(path);
        MakeSpecial(w.Tree.HostPath(path), kind);
        w.Arm();
        w.AssertHeld(w.Run("check", "--root", "{T}", "--user", "alice", "--key", LabKeys.Main.PublicPath));
        // fix may move the odd object aside and create a proper file; it must neither hang nor write through it.
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
    }

    [LabTheory]
    [InlineData("fifo")]
    [InlineData("zero")]
    public void Sshd_config_include_of_a_non_regular_file(string kind)
    {
        using var w = new HostileWorld("special dropin " + kind);
        w.Tree.Cast().Chmod("/home/alice/.ssh", "0777");
        MakeSpecial(w.Tree.HostPath("/etc/ssh/sshd_config.d/evil.conf"), kind);
        w.Arm();
        w.AssertHeld(w.Run("check", "--root", "{T}", "--user", "alice", "--key", LabKeys.Main.PublicPath));
        w.AssertFixAndUndoHeld("alice", "home/alice/**");
    }

    internal static void MakeSpecial(string host, string kind)
    {
        switch (kind)
        {
            case "fifo": LabRun.Exec("/usr/bin/mkfifo", "-m", "0600", host); break;
            case "socket": RaceHelper.Socket(host); break;
            case "zero": LabRun.Exec("/usr/bin/mknod", "-m", "0666", host, "c", "1", "5"); break;
            case "null": LabRun.Exec("/usr/bin/mknod", "-m", "0666", host, "c", "1", "3"); break;
            default: throw new ArgumentException(kind);
        }
    }
}
