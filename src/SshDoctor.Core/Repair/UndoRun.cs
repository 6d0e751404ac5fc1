using System.Runtime.Versioning;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

public enum UndoProblem { NoRuns, UnknownRun, AlreadyUndone, BrokenJournal }

public sealed class UndoException(UndoProblem problem, string runId) : Exception(runId)
{
    public UndoProblem Problem { get; } = problem;
    public string RunId { get; } = runId;
}

/// <summary>Restores a run's journal: paths that did not exist are removed, the others get back content, mode and owner.</summary>
[UnsupportedOSPlatform("windows")]
public static class UndoRun
{
    /// <summary>The run to undo: the given id, else the newest run not yet undone.</summary>
    public static (Journal Journal, string Directory) Find(TargetRoot root, string? runId)
    {
        var backups = root.HostPath(Journal.BackupRoot);
        var runs = System.IO.Directory.Exists(backups)
            ? System.IO.Directory.GetDirectories(backups).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList()
            : [];
        if (runId is not null)
        {
            if (!runs.Contains(runId)) throw new UndoException(UndoProblem.UnknownRun, runId);
            var journal = Load(backups, runId);
            if (journal.Status is "undone" or "rolled-back") throw new UndoException(UndoProblem.AlreadyUndone, runId);
            return (journal, Path.Combine(backups, runId));
        }
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            // A run killed before its journal was first written changed nothing: skip it.
            if (!File.Exists(Path.Combine(backups, runs[i], Journal.FileName))) continue;
            var journal = Load(backups, runs[i]);
            if (journal.Status is "applied" or "applying") return (journal, Path.Combine(backups, runs[i]));
        }
        throw new UndoException(UndoProblem.NoRuns, "");
    }

    private static Journal Load(string backups, string runId)
    {
        var file = Path.Combine(backups, runId, Journal.FileName);
        var journal = File.Exists(file) ? Journal.Deserialize(File.ReadAllBytes(file)) : null;
        return journal ?? throw new UndoException(UndoProblem.BrokenJournal, runId);
    }

    public static void Undo(TargetRoot root, Journal journal, string runDirectory)
    {
        Restore(root, runDirectory, journal);
        journal.Status = "undone";
        AtomicFile.Write(Path.Combine(runDirectory, Journal.FileName), journal.Serialize(), UnixFileMode.UserRead | UnixFileMode.UserWrite, 0, 0);
    }

    internal static void Restore(TargetRoot root, string runDirectory, Journal journal)
    {
        for (var i = journal.Entries.Count - 1; i >= 0; i--)
        {
            var e = journal.Entries[i];
            var host = root.HostPath(e.Path);
            RemoveLeftoverTemps(host);
            if (e.MovedTo is not null)
            {
                Remove(host);
                var aside = root.HostPath(e.MovedTo);
                if (System.IO.Directory.Exists(aside) || File.Exists(aside)) System.IO.Directory.Move(aside, host);
            }
            else if (!e.Existed)
            {
                Remove(host);
            }
            else if (e.Kind == "file" && e.Content is not null)
            {
                var content = File.ReadAllBytes(Path.Combine(runDirectory, e.Content));
                AtomicFile.Write(host, content, (UnixFileMode)e.Mode, e.Uid, e.Gid);
            }
            else if (e.Kind == "dir")
            {
                System.IO.Directory.CreateDirectory(host);
                Posix.Lchown(host, e.Uid, e.Gid);
                File.SetUnixFileMode(host, (UnixFileMode)e.Mode);
            }
        }
        root.Invalidate();
    }

    private static void Remove(string host)
    {
        var info = new FileInfo(host);
        if (info.LinkTarget is not null || File.Exists(host)) File.Delete(host);
        else if (System.IO.Directory.Exists(host)) System.IO.Directory.Delete(host, recursive: true);
    }

    /// <summary>A run killed mid-write can leave its temp file beside the target.</summary>
    private static void RemoveLeftoverTemps(string host)
    {
        var dir = Path.GetDirectoryName(host);
        if (dir is null || !System.IO.Directory.Exists(dir)) return;
        foreach (var temp in System.IO.Directory.EnumerateFiles(dir, "." + Path.GetFileName(host) + ".sshdoctor-*"))
            File.Delete(temp);
    }
}
