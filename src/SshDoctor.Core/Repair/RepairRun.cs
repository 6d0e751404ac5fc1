using System.Runtime.Versioning;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>
/// Applies actions to a target with a write-ahead journal: before a path is first touched, its prior state
/// (existence, mode, owner, content) is saved under &lt;root&gt;/var/backups/sshdoctor/&lt;run-id&gt;/ and the
/// journal is fsynced; only then is the path changed. A failure rolls the run back.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class RepairRun
{
    private readonly TargetRoot _root;
    private readonly HashSet<string> _recorded = new(StringComparer.Ordinal);
    public Journal Journal { get; }
    public string RunDirectory { get; }

    private RepairRun(TargetRoot root, Journal journal, string runDirectory)
    {
        _root = root;
        Journal = journal;
        RunDirectory = runDirectory;
    }

    public static RepairRun Begin(TargetRoot root, string user)
    {
        var journal = new Journal { RunId = Journal.NewRunId(), User = user, Started = DateTimeOffset.UtcNow };
        var dir = root.HostPath(Journal.BackupRoot + "/" + journal.RunId);
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var run = new RepairRun(root, journal, dir);
        try
        {
            run.Save();
        }
        catch (IOException)
        {
            // No room even for the journal: leave no empty run behind.
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
            throw;
        }
        return run;
    }

    public void Apply(RepairAction action)
    {
        switch (action)
        {
            case ChmodAction a:
                var chmodPath = Real(a.Path);
                Record(chmodPath);
                File.SetUnixFileMode(Host(chmodPath), (UnixFileMode)a.Mode);
                break;
            case ChownAction a:
                var chownPath = Real(a.Path);
                Record(chownPath);
                Posix.Lchown(Host(chownPath), a.Uid, a.Gid);
                break;
            case MakeDirectoryAction a:
                var dir = _root.ResolveParent(a.Path);
                Record(dir);
                Directory.CreateDirectory(Host(dir));
                if (a.FromSkel) Skeleton.Copy(_root, "/etc/skel", dir, a.Uid, a.Gid);
                Posix.Lchown(Host(dir), a.Uid, a.Gid);
                File.SetUnixFileMode(Host(dir), (UnixFileMode)a.Mode);
                Posix.FsyncDirectory(Path.GetDirectoryName(Host(dir))!);
                break;
            case CreateFileAction a:
                var created = _root.ResolveParent(a.Path);
                Record(created);
                AtomicFile.Write(Host(created), a.Content, (UnixFileMode)a.Mode, a.Uid, a.Gid);
                break;
            case RewriteFileAction a:
                var rewritten = Real(a.Path);
                Record(rewritten);
                var meta = _root.LStat(rewritten);
                AtomicFile.Write(Host(rewritten), a.Content, (UnixFileMode)meta.Perm, meta.Uid, meta.Gid);
                break;
            case MoveAsideAction a:
                var from = Real(a.Path);
                var to = _root.ResolveParent(a.To);
                Record(from, movedTo: to);
                Directory.Move(Host(from), Host(to));
                Posix.FsyncDirectory(Path.GetDirectoryName(Host(from))!);
                break;
        }
        _root.Invalidate();
    }

    public void Complete()
    {
        Journal.Status = "applied";
        Save();
    }

    /// <summary>Restores everything this run changed (after a failure).</summary>
    public void Rollback()
    {
        UndoRun.Restore(_root, RunDirectory, Journal);
        Journal.Status = "rolled-back";
        Save();
    }

    private string Real(string path) => _root.RealPath(path) ?? path;
    private string Host(string targetPath) => _root.HostPath(targetPath);

    private void Record(string path, string? movedTo = null)
    {
        if (!_recorded.Add(path)) return;
        var meta = _root.LStat(path);
        var entry = new JournalEntry
        {
            Path = path,
            Existed = meta.Exists,
            Kind = meta.Kind switch { FileKind.Regular => "file", FileKind.Directory => "dir", FileKind.Symlink => "symlink", FileKind.Missing => "none", _ => "other" },
            Mode = meta.Perm,
            Uid = meta.Uid,
            Gid = meta.Gid,
            MovedTo = movedTo,
        };
        if (meta.Kind == FileKind.Regular && movedTo is null)
        {
            entry.Content = $"{Journal.Entries.Count:D3}.bak";
            var bytes = File.ReadAllBytes(Host(path));
            AtomicFile.Write(Path.Combine(RunDirectory, entry.Content), bytes, UnixFileMode.UserRead | UnixFileMode.UserWrite, 0, 0);
        }
        Journal.Entries.Add(entry);
        Save();
    }

    private void Save() =>
        AtomicFile.Write(Path.Combine(RunDirectory, Journal.FileName), Journal.Serialize(), UnixFileMode.UserRead | UnixFileMode.UserWrite, 0, 0);
}
