using System.Runtime.Versioning;
using System.Text.RegularExpressions;
using SshDoctor.Core.Target;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Repair;

public enum UndoProblem { NoRuns, UnknownRun, AlreadyUndone, BrokenJournal, Untrusted }

public sealed class UndoException(UndoProblem problem, string runId) : Exception(runId)
{
    public UndoProblem Problem { get; } = problem;
    public string RunId { get; } = runId;
}

/// <summary>What a restore did: the paths it restored, and those it could not (with the reason).</summary>
public sealed record RestoreReport(IReadOnlyList<string> Restored, IReadOnlyList<(string Path, string Reason)> Failed);

/// <summary>A run found for undo: its journal, whether this machine recorded it, and the backups' expected hashes.</summary>
public sealed class FoundRun : IDisposable
{
    internal Fd Directory { get; init; } = null!;
    public required Journal Journal { get; init; }
    public required bool Recorded { get; init; }
    internal IReadOnlyDictionary<string, string>? Backups { get; init; }
    public void Dispose() => Directory.Dispose();
}

/// <summary>
/// Restores a run's journal through the door, trusting nothing it did not write: the journal is taken from
/// this machine's record of the run (RunRecord) when there is one, otherwise only with --trust-journal; every
/// entry is validated (a canonical path inside the root, outside the backups; the object now at the path is
/// the one the run left there; backups are regular files of the run directory with the recorded hash; a mode
/// or owner is given back only if the object still has what the run set, and never set-id bits from an
/// unrecorded journal). Created objects are removed one by one by inode, never recursively.
/// </summary>
[UnsupportedOSPlatform("windows")]
public static partial class UndoRun
{
    public static FoundRun Find(TargetRoot root, string? runId, bool trustJournal)
    {
        var door = root.Door;
        var runs = door.RunIds();
        if (runId is not null)
        {
            if (!runs.Contains(runId)) throw new UndoException(UndoProblem.UnknownRun, runId);
            var found = Load(root, runId, trustJournal);
            if (found.Journal.Status is "undone" or "rolled-back") { found.Dispose(); throw new UndoException(UndoProblem.AlreadyUndone, runId); }
            return found;
        }
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            // A run killed before its journal was first written changed nothing: skip it.
            using (var dir = door.OpenRunDirectory(runs[i]))
                if (dir is null || TargetFs.ReadRunFile(dir, Journal.FileName, 1) is null && TargetFs.StatAt(dir, Journal.FileName).Kind != FileKind.Regular)
                    continue;
            var found = Load(root, runs[i], trustJournal);
            if (found.Journal.Status is "applied" or "applying" or "rollback-incomplete") return found;
            found.Dispose();
        }
        throw new UndoException(UndoProblem.NoRuns, "");
    }

    private static FoundRun Load(TargetRoot root, string runId, bool trustJournal)
    {
        var dir = root.Door.OpenRunDirectory(runId) ?? throw new UndoException(UndoProblem.UnknownRun, runId);
        var record = RunRecord.Load(runId);
        if (record is not null && record.RunId == runId && record.RootIno == root.Door.RootId.Ino)
            return new FoundRun { Directory = dir, Journal = record.Journal, Recorded = true, Backups = record.Backups };
        if (!trustJournal) { dir.Dispose(); throw new UndoException(UndoProblem.Untrusted, runId); }
        var bytes = TargetFs.ReadRunFile(dir, Journal.FileName, 16 * 1024 * 1024);
        var journal = bytes is null ? null : Journal.Deserialize(bytes);
        if (journal is null || journal.RunId != runId) { dir.Dispose(); throw new UndoException(UndoProblem.BrokenJournal, runId); }
        return new FoundRun { Directory = dir, Journal = journal, Recorded = false, Backups = null };
    }

    public static RestoreReport Undo(TargetRoot root, FoundRun run)
    {
        var report = Restore(root, run.Directory, run.Journal, run.Recorded, run.Backups);
        run.Journal.Status = report.Failed.Count == 0 ? "undone" : "undo-incomplete";
        var bytes = run.Journal.Serialize();
        if (run.Recorded && RunRecord.Load(run.Journal.RunId) is { } record)
        {
            record.Journal = run.Journal;
            record.JournalSha256 = RunRecord.Sha256(bytes);
            record.Save();
        }
        TargetFs.WriteRunFile(run.Directory, Journal.FileName, bytes, Journal.FileName);
        return report;
    }

    internal static RestoreReport Restore(TargetRoot root, Fd runDir, Journal journal, bool trusted, IReadOnlyDictionary<string, string>? backups)
    {
        var restored = new List<string>();
        var failed = new List<(string, string)>();
        for (var i = journal.Entries.Count - 1; i >= 0; i--)
        {
            var e = journal.Entries[i];
            try
            {
                if (Invalid(e) is { } why) { failed.Add((e.Path, why)); continue; }
                root.Door.RemoveLeftoverTemps(e.Path);
                RestoreOne(root.Door, runDir, e, trusted, backups);
                restored.Add(e.Path);
            }
            catch (IOException x)
            {
                failed.Add((e.Path, x is TargetFsException t ? t.Reason : x.Message));
            }
        }
        root.Invalidate();
        return new RestoreReport(restored.Distinct().ToList(), failed);
    }

    /// <summary>Lexical validation of an entry (it may come from a journal the target could have forged).</summary>
    private static string? Invalid(JournalEntry e)
    {
        if (!TargetFs.IsCanonical(e.Path)) return "not a canonical path inside the root";
        if (TargetRoot.IsWithin(Journal.BackupRoot, e.Path)) return "inside sshdoctor's backups";
        if (e.Content is not null && !BackupName().IsMatch(e.Content)) return "its backup is not a file of the run directory";
        if (e.MovedTo is not null && (!TargetFs.IsCanonical(e.MovedTo) || TargetRoot.DirName(e.MovedTo) != TargetRoot.DirName(e.Path)))
            return "moved outside its directory";
        if (e.Mode > 0xFFF) return "not a file mode";
        return null;
    }

    [GeneratedRegex("^[0-9]{3,6}\\.bak$")]
    private static partial Regex BackupName();

    private static void RestoreOne(TargetFs door, Fd runDir, JournalEntry e, bool trusted, IReadOnlyDictionary<string, string>? backups)
    {
        var now = door.LStatCanonical(e.Path) ?? throw new TargetFsException(e.Path, "a symbolic link on its path: left alone");
        var before = new FileId(e.Dev, e.Ino);
        var left = e.After;
        if (e.MovedTo is not null)
        {
            if (now.Exists)
            {
                if (now.Id != left || left.Ino == 0) throw TargetFs.Swapped(e.Path);
                door.Remove(e.Path, left);
            }
            if (door.LStatCanonical(e.MovedTo) is { Exists: true } aside) door.Rename(e.MovedTo, e.Path, aside.Id == before ? before : throw TargetFs.Swapped(e.MovedTo));
            return;
        }
        if (!e.Existed)
        {
            if (!now.Exists) return;
            if (left.Ino == 0 || now.Id != left) throw TargetFs.Swapped(e.Path);
            try { door.Remove(e.Path, left); }
            catch (TargetFsException x) when (x.Errno == Libc.ENOTEMPTY)
            {
                throw new TargetFsException(e.Path, "holds files this run did not create: left in place");
            }
            return;
        }
        if (!now.Exists) throw new TargetFsException(e.Path, "missing since the run: left alone");
        var unchanged = now.Id == before && !e.Done;
        if (unchanged && e.Kind == "file" && !trusted) return;
        if (!(now.Id == left && e.Done) && !unchanged && !(trusted && e.Kind == "file" && now.Kind == FileKind.Regular))
            throw TargetFs.Swapped(e.Path);
        CheckModeAndOwner(e, now, trusted);
        if (e.Kind == "file" && e.Content is not null)
        {
            var content = TargetFs.ReadRunFile(runDir, e.Content, 256L * 1024 * 1024)
                ?? throw new TargetFsException(e.Content, "the backup is missing or not a regular file of the run directory");
            if (backups is not null && (!backups.TryGetValue(e.Content, out var sha) || sha != RunRecord.Sha256(content)))
                throw new TargetFsException(e.Content, "the backup differs from the one this machine recorded");
            if (now.Kind != FileKind.Regular) throw TargetFs.Swapped(e.Path);
            door.WriteAtomic(e.Path, content, e.Mode, e.Uid, e.Gid, now.Id, null);
        }
        else if (e.Kind == "dir" && now.Kind == FileKind.Directory)
        {
            door.Chown(e.Path, e.Uid, e.Gid, now.Id);
            door.Chmod(e.Path, e.Mode, now.Id);
        }
        else throw new TargetFsException(e.Path, "not what the run changed");
    }

    /// <summary>A mode is given back only if it is narrower or equal to the current one, or the run narrowed it
    /// (the object still has the mode the run set); set-id bits and owners only from a recorded journal or the
    /// run's own state.</summary>
    private static void CheckModeAndOwner(JournalEntry e, FileMeta now, bool trusted)
    {
        var widens = (e.Mode & ~now.Perm) != 0;
        var runNarrowed = e.Done && now.Perm == e.AfterMode && (e.AfterMode & ~e.Mode) == 0;
        if (widens && !runNarrowed && !trusted) throw new TargetFsException(e.Path, $"would widen its mode to {Convert.ToString(e.Mode, 8)}: left alone");
        if (!trusted && (e.Mode & 0xE00 & ~now.Perm) != 0) throw new TargetFsException(e.Path, "would add set-id bits from an unrecorded journal: left alone");
        if (!trusted && (e.Uid != now.Uid || e.Gid != now.Gid) && !(e.Done && now.Uid == e.AfterUid && now.Gid == e.AfterGid))
            throw new TargetFsException(e.Path, "would change its owner from an unrecorded journal: left alone");
    }
}
