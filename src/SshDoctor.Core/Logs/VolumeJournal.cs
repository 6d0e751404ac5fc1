using SshDoctor.Core.Target;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Logs;

public enum JournalState { Readable, Missing, Linked }

/// <summary>
/// A volume's var/log/journal, opened through the door for journalctl. journalctl resolves paths on this host, so
/// it never gets one: it gets /proc/self/fd/N of a descriptor opened with no link anywhere on the path, inherited
/// by the child. journalctl follows links inside that directory (a machine-id directory or a *.journal that is a
/// link to the host's journal), so the directory is read only when none of its entries, nor those of its
/// subdirectories (the only level journalctl descends), is a link. The entries are checked by name after the
/// open: a volume changed while logs runs could still swap one (a mounted volume is not expected to change).
/// </summary>
public sealed class VolumeJournal : IDisposable
{
    public const string TargetDirectory = "/var/log/journal";

    private readonly Fd? _fd;

    public JournalState State { get; }
    /// <summary>The target path that is a link (or goes through one), when <see cref="State"/> is Linked.</summary>
    public string? Link { get; }
    /// <summary>What journalctl --directory gets: the inherited descriptor's /proc path, when readable.</summary>
    public string? Argument => _fd is null ? null : $"/proc/self/fd/{_fd.Value}";

    private VolumeJournal(JournalState state, string? link, Fd? fd) => (State, Link, _fd) = (state, link, fd);

    public static VolumeJournal Open(TargetFs door)
    {
        var errno = door.TryOpen(TargetDirectory, Libc.ORdOnly | Libc.ODirectory, TargetFs.Follow.None, out var fd);
        if (errno != 0)
        {
            var first = FirstLink(door);
            return new VolumeJournal(first is null ? JournalState.Missing : JournalState.Linked, first, null);
        }
        if (LinkInside(door) is { } link)
        {
            fd!.Dispose();
            return new VolumeJournal(JournalState.Linked, link, null);
        }
        // Inherited by journalctl: only this descriptor loses close-on-exec, and only for the child to come.
        if (Libc.Fcntl(fd!.Value, Libc.FSetFd, 0) != 0)
        {
            fd.Dispose();
            return new VolumeJournal(JournalState.Missing, null, null);
        }
        return new VolumeJournal(JournalState.Readable, null, fd);
    }

    /// <summary>The first component of /var/log/journal that is a link (for the message).</summary>
    private static string? FirstLink(TargetFs door)
    {
        var path = "";
        foreach (var part in TargetDirectory.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path += "/" + part;
            if (door.LStatCanonical(path) is not { } m || m.Kind == FileKind.Symlink) return path;
            if (!m.Exists) return null;
        }
        return null;
    }

    private static string? LinkInside(TargetFs door)
    {
        foreach (var name in door.List(TargetDirectory, TargetFs.Follow.None))
        {
            var path = TargetDirectory + "/" + name;
            var meta = door.LStatCanonical(path);
            if (meta is not { } m || m.Kind == FileKind.Symlink) return path;
            if (m.Kind != FileKind.Directory) continue;
            foreach (var inner in door.List(path, TargetFs.Follow.None))
                if (door.LStatCanonical(path + "/" + inner) is not { } i || i.Kind == FileKind.Symlink) return path + "/" + inner;
        }
        return null;
    }

    public void Dispose() => _fd?.Dispose();
}
