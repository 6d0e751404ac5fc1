using System.Runtime.Versioning;
using SshDoctor.Core.Target;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Repair;

/// <summary>Whose rights a change inside a home is made with.</summary>
public sealed record RunAs(uint Uid, uint Gid, IReadOnlyCollection<uint> Groups, string Home);

/// <summary>
/// Applies actions through the door with a write-ahead journal: before a path is first touched, its prior state
/// (existence, identity, mode, owner, content) is saved under &lt;root&gt;/var/backups/sshdoctor/&lt;run-id&gt;/ and
/// recorded on this machine (RunRecord); only then is the path changed, on descriptors, after checking it is
/// still the object the plan was made on. Inside the user's home, what the user may do is done with the
/// user's own rights (UserRights). A failure rolls the run back and says what was and was not restored.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RepairRun
{
    private const long MaxBackup = 256L * 1024 * 1024;
    private readonly TargetRoot _root;
    private readonly Fd _runDir;
    private readonly RunAs? _user;
    private readonly Dictionary<string, JournalEntry> _recorded = new(StringComparer.Ordinal);
    private readonly Dictionary<string, FileId> _created = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (FileId Old, FileId New)> _replaced = new(StringComparer.Ordinal);
    private readonly RunRecord _record;
    public Journal Journal { get; }
    /// <summary>The run directory, for messages (root prefix + target path).</summary>
    public string RunDirectory { get; }

    private TargetFs Door => _root.Door;

    private RepairRun(TargetRoot root, Journal journal, Fd runDir, RunAs? user)
    {
        _root = root;
        Journal = journal;
        _runDir = runDir;
        _user = user;
        RunDirectory = root.HostPath(Journal.BackupRoot + "/" + journal.RunId);
        _record = new RunRecord { RunId = journal.RunId, Root = root.DisplayRoot, RootDev = root.Door.RootId.Dev, RootIno = root.Door.RootId.Ino };
    }

    public static RepairRun Begin(TargetRoot root, string user, RunAs? runAs = null)
    {
        var journal = new Journal { RunId = Journal.NewRunId(), User = user, Started = DateTimeOffset.UtcNow };
        var dir = root.Door.CreateRunDirectory(journal.RunId);
        var run = new RepairRun(root, journal, dir, runAs);
        try
        {
            run.Save();
        }
        catch (IOException)
        {
            // No room even for the journal: leave no empty run behind.
            Libc.Unlinkat(dir.Value, Journal.FileName, 0);
            root.Door.Remove(Journal.BackupRoot + "/" + journal.RunId, TargetFs.Meta(dir).Id);
            throw;
        }
        return run;
    }

    public void Apply(RepairAction action)
    {
        try { ApplyOne(action); }
        finally { _root.Invalidate(); }
    }

    private void ApplyOne(RepairAction action)
    {
        switch (action)
        {
            case ChmodAction a:
            {
                var meta = Existing(a.Path, a.PlannedObject);
                var entry = Record(a.Path, meta);
                AsOwner(a.Path, meta.Uid, false, () => Door.Chmod(a.Path, a.Mode, meta.Id));
                Done(entry, a.Path);
                break;
            }
            case ChownAction a:
            {
                var meta = Existing(a.Path, a.PlannedObject);
                var entry = Record(a.Path, meta);
                Door.Chown(a.Path, a.Uid, a.Gid, meta.Id);
                Done(entry, a.Path);
                break;
            }
            case MakeDirectoryAction a:
            {
                var parent = Parent(a.Path, a.PlannedParent);
                var entry = Record(a.Path, FileMeta.Missing);
                var id = AsOwner(a.Path, a.Uid, true, () => Door.Mkdir(a.Path, a.Mode, a.Uid, a.Gid, parent));
                _created[a.Path] = id;
                Done(entry, a.Path);
                if (a.FromSkel)
                {
                    // The copy reads /etc/skel as root (it is root's) and writes only into the new directory.
                    var skel = _root.RealPath("/etc/skel");
                    if (skel is not null)
                        Door.CopyTree(skel, a.Path, id, a.Uid, a.Gid, (path, created) =>
                        {
                            _created[path] = created;
                            var item = Record(path, FileMeta.Missing);
                            Done(item, path);
                        });
                }
                break;
            }
            case CreateFileAction a:
            {
                var parent = Parent(a.Path, a.PlannedParent);
                var entry = _recorded.GetValueOrDefault(a.Path) ?? Record(a.Path, FileMeta.Missing);
                var id = AsOwner(a.Path, a.Uid, true, () => Door.WriteAtomic(a.Path, a.Content, a.Mode, a.Uid, a.Gid, null, parent));
                _created[a.Path] = id;
                Done(entry, a.Path);
                break;
            }
            case RewriteFileAction a:
            {
                var meta = Existing(a.Path, a.PlannedObject);
                if (meta.Kind != FileKind.Regular) throw new TargetFsException(a.Path, "not a regular file");
                var entry = Record(a.Path, meta);
                var id = AsOwner(a.Path, meta.Uid, true, () => Door.WriteAtomic(a.Path, a.Content, meta.Perm, meta.Uid, meta.Gid, meta.Id, null));
                var first = _replaced.TryGetValue(a.Path, out var earlier) ? earlier.Old : a.PlannedObject ?? meta.Id;
                _replaced[a.Path] = (first, id);
                Done(entry, a.Path);
                break;
            }
            case MoveAsideAction a:
            {
                var meta = Existing(a.Path, a.PlannedObject);
                var entry = Record(a.Path, meta, movedTo: a.To);
                Door.Rename(a.Path, a.To, meta.Id);
                entry.Done = true;
                Save();
                break;
            }
        }
    }

    /// <summary>The object an action acts on, as it is now: no link anywhere on its path, the planned inode, one link.</summary>
    private FileMeta Existing(string path, FileId? planned)
    {
        var meta = Door.LStatCanonical(path) ?? throw new TargetFsException(path, "a symbolic link where none may be");
        if (!meta.Exists) throw new TargetFsException(path, "missing");
        if (meta.Kind == FileKind.Symlink) throw new TargetFsException(path, "a symbolic link where none may be");
        // An earlier action of this run may have replaced the planned file (a rewrite makes a new inode).
        if (planned is { } id && meta.Id != id && !(_replaced.TryGetValue(path, out var r) && r.Old == id && r.New == meta.Id))
            throw TargetFs.Swapped(path);
        if (meta.HardLinked) throw TargetFs.HardLinked(path);
        return meta;
    }

    /// <summary>The directory a new object goes into: the one the plan saw, or one this run created.</summary>
    private FileId? Parent(string path, FileId? planned) =>
        _created.TryGetValue(TargetRoot.DirName(path), out var made) ? made
        : planned ?? throw new TargetFsException(TargetRoot.DirName(path), "the directory was not there when the plan was made");

    /// <summary>
    /// Inside the user's home, on what the user owns (and, for a new entry, in a directory the user owns): done
    /// with the user's own rights, so the kernel refuses whatever the user could not do. Anything else needs
    /// root, and is done on descriptors checked against the plan (a directory the user does not own is one
    /// the user cannot swap entries in).
    /// </summary>
    private T AsOwner<T>(string path, uint owner, bool newEntry, Func<T> change)
    {
        if (_user is null || owner != _user.Uid || _user.Uid == 0 || !TargetRoot.IsWithin(_user.Home, path)) return change();
        var dir = newEntry || Door.LStatCanonical(path) is not { Kind: FileKind.Directory } ? TargetRoot.DirName(path) : null;
        var ownsObject = newEntry || Door.LStatCanonical(path) is { Exists: true } m && m.Uid == _user.Uid;
        var ownsDir = dir is null || Door.LStatCanonical(dir) is { Kind: FileKind.Directory } d && d.Uid == _user.Uid;
        return ownsObject && ownsDir ? UserRights.Run(_user.Uid, _user.Gid, _user.Groups, change) : change();
    }

    private void AsOwner(string path, uint owner, bool newEntry, Action change) => AsOwner(path, owner, newEntry, () => { change(); return 0; });

    public void Complete()
    {
        Journal.Status = "applied";
        Save();
    }

    /// <summary>Restores what this run changed (after a failure) and says what it could and could not restore.</summary>
    public RestoreReport Rollback()
    {
        var report = UndoRun.Restore(_root, _runDir, Journal, trusted: true, _record.Backups);
        Journal.Status = report.Failed.Count == 0 ? "rolled-back" : "rollback-incomplete";
        try { Save(); } catch (IOException) { }
        return report;
    }

    private JournalEntry Record(string path, FileMeta meta, string? movedTo = null)
    {
        if (_recorded.TryGetValue(path, out var known)) return known;
        var entry = new JournalEntry
        {
            Path = path,
            Existed = meta.Exists,
            Kind = meta.Kind switch { FileKind.Regular => "file", FileKind.Directory => "dir", FileKind.Symlink => "symlink", FileKind.Missing => "none", _ => "other" },
            Mode = meta.Perm,
            Uid = meta.Uid,
            Gid = meta.Gid,
            Dev = meta.Dev,
            Ino = meta.Ino,
            MovedTo = movedTo,
        };
        if (meta.Kind == FileKind.Regular && movedTo is null)
        {
            entry.Content = $"{Journal.Entries.Count:D3}.bak";
            var bytes = Door.ReadVerified(path, meta.Id, MaxBackup);
            TargetFs.WriteRunFile(_runDir, entry.Content, bytes, entry.Content);
            _record.Backups[entry.Content] = RunRecord.Sha256(bytes);
        }
        Journal.Entries.Add(entry);
        _recorded[path] = entry;
        Save();
        return entry;
    }

    /// <summary>Notes what the change left at the path: undo acts on that object only.</summary>
    private void Done(JournalEntry entry, string path)
    {
        var now = Door.LStatCanonical(path) ?? FileMeta.Missing;
        entry.AfterDev = now.Dev;
        entry.AfterIno = now.Ino;
        entry.AfterMode = now.Perm;
        entry.AfterUid = now.Uid;
        entry.AfterGid = now.Gid;
        entry.Done = true;
        Save();
    }

    private void Save()
    {
        var bytes = Journal.Serialize();
        // The record outside the target first: a journal in the target is never newer than what this machine knows.
        _record.Journal = Journal;
        _record.JournalSha256 = RunRecord.Sha256(bytes);
        _record.Save();
        TargetFs.WriteRunFile(_runDir, Journal.FileName, bytes, Journal.FileName);
    }
}
