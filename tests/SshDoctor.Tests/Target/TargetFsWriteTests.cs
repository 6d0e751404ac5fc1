using SshDoctor.Core.Repair;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Target;

/// <summary>The door's write side: a swapped object, a link on the way, a backup directory that is a link, a forged journal.</summary>
public sealed class TargetFsWriteTests : IDisposable
{
    private readonly TargetTree _t = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("sshdoctor-canary-").FullName;

    public void Dispose()
    {
        _t.Dispose();
        Directory.Delete(_outside, true);
    }

    [Fact]
    public void A_file_swapped_between_plan_and_apply_is_refused()
    {
        _t.Keys("alice", "old\n");
        using var door = TargetFs.Open(_t.Root);
        var planned = door.Identity("/home/alice/.ssh/authorized_keys");
        // The replacement exists before the original goes (a rename over it), as in a swap race.
        _t.File("/home/alice/.ssh/replacement", "swapped\n", 600, TargetTree.Alice, TargetTree.Alice);
        File.Move(_t.Host("/home/alice/.ssh/replacement"), _t.Host("/home/alice/.ssh/authorized_keys"), overwrite: true);
        Assert.Throws<TargetFsException>(() => door.Chmod("/home/alice/.ssh/authorized_keys", 0x180, planned));
        Assert.Throws<TargetFsException>(() => door.WriteAtomic("/home/alice/.ssh/authorized_keys", "new\n"u8, 0x180, 0, 0, planned, null));
        Assert.Equal("swapped\n", File.ReadAllText(_t.Host("/home/alice/.ssh/authorized_keys")));
    }

    [Fact]
    public void A_link_on_the_way_stops_a_change()
    {
        Directory.Delete(_t.Host("/home/alice/.ssh"));
        _t.Symlink("/home/alice/.ssh", "/root");
        using var door = TargetFs.Open(_t.Root);
        Assert.Throws<TargetFsException>(() => door.Chmod("/home/alice/.ssh", 0x1FF, null));
        Assert.Throws<TargetFsException>(() => door.Chown("/home/alice/.ssh", TargetTree.Alice, TargetTree.Alice, null));
        Assert.Equal(0u, door.LStat("/root").Uid);
        Assert.Equal("0700", door.LStat("/root").Octal);
    }

    [Fact]
    public void A_backup_directory_that_is_a_link_is_refused()
    {
        _t.Dir("/var", 755).Dir("/var/backups", 755);
        _t.Symlink("/var/backups/sshdoctor", _outside);
        var root = new TargetRoot(_t.Root);
        Assert.Throws<TargetFsException>(() => RepairRun.Begin(root, "alice"));
        Assert.Empty(Directory.EnumerateFileSystemEntries(_outside));
    }

    [Fact]
    public void A_forged_journal_is_not_trusted_and_an_entry_outside_is_refused()
    {
        _t.Dir("/var", 755).Dir("/var/backups", 755).Dir("/var/backups/sshdoctor", 700).Dir("/var/backups/sshdoctor/20260101-000000-abcd", 700);
        _t.File("/var/backups/sshdoctor/20260101-000000-abcd/journal.json",
            """{"run_id":"20260101-000000-abcd","user":"alice","status":"applied","entries":[{"path":"/../../../etc/cron.d/x","existed":false,"kind":"none"}]}""", 600);
        var root = new TargetRoot(_t.Root);
        var e = Assert.Throws<UndoException>(() => UndoRun.Find(root, null, trustJournal: false));
        Assert.Equal(UndoProblem.Untrusted, e.Problem);
        using var found = UndoRun.Find(root, null, trustJournal: true);
        var report = UndoRun.Undo(root, found);
        Assert.Single(report.Failed);
        Assert.Empty(report.Restored);
    }
}
