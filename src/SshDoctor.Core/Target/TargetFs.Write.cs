using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>
/// Changes through the door, on descriptors only. A path given here must be canonical (no link anywhere,
/// no "." or ".."): it is opened with RESOLVE_NO_SYMLINKS, so a link planted since the plan makes the
/// change fail instead of landing elsewhere; the object opened is compared with the (device, inode) the
/// plan saw; a regular file with more than one link is never chowned, chmodded or replaced.
/// </summary>
public sealed partial class TargetFs
{

    /// <summary>Lexical check of a path a change names: absolute, no empty, "." or ".." component, no NUL.</summary>
    public static bool IsCanonical(string path) =>
        path.Length > 1 && path[0] == '/' && path[^1] != '/' && !path.Contains('\0')
        && path[1..].Split('/').All(c => c.Length > 0 && c != "." && c != "..");

    private static void RequireCanonical(string path)
    {
        if (!IsCanonical(path)) throw new TargetFsException(path, "not a canonical path inside the root");
    }

    private static (string Dir, string Name) SplitLast(string path)
    {
        var i = path.LastIndexOf('/');
        return (i == 0 ? "/" : path[..i], path[(i + 1)..]);
    }

    /// <summary>The object a change acts on: opened O_PATH without following any link, checked against the plan.</summary>
    internal Fd OpenObject(string path, FileId? expected, out FileMeta meta)
    {
        RequireCanonical(path);
        var fd = OpenOrThrow(path, Libc.OPath, Follow.None);
        meta = Meta(fd);
        if (meta.Kind == FileKind.Symlink) { fd.Dispose(); throw new TargetFsException(path, "a symbolic link where none may be"); }
        if (expected is { } id && id != meta.Id) { fd.Dispose(); throw Swapped(path); }
        if (meta.HardLinked) { fd.Dispose(); throw HardLinked(path); }
        return fd;
    }

    internal static TargetFsException Swapped(string path) => new(path, "not the object the plan was made on (it was replaced)");
    internal static TargetFsException HardLinked(string path) => new(path, "a file with more than one hard link: changing it would change the others");

    /// <summary>A directory opened for *at() calls and fsync (O_RDONLY|O_DIRECTORY, no link anywhere).</summary>
    internal Fd OpenDirectory(string path, FileId? expected)
    {
        if (path != "/") RequireCanonical(path);
        var fd = OpenOrThrow(path, Libc.ORdOnly | Libc.ODirectory, Follow.None);
        if (expected is { } id && Meta(fd).Id != id) { fd.Dispose(); throw Swapped(path); }
        return fd;
    }

    public FileId Identity(string path)
    {
        using var fd = OpenObject(path, null, out var meta);
        return meta.Id;
    }

    /// <summary>chmod on the object's own descriptor (a directory O_DIRECTORY|O_NOFOLLOW; a regular file reopened).</summary>
    public void Chmod(string path, uint mode, FileId? expected)
    {
        using var pathFd = OpenObject(path, expected, out var meta);
        using var fd = meta.Kind switch
        {
            FileKind.Directory => OpenDirectory(path, meta.Id),
            FileKind.Regular => Reopen(pathFd, meta, path) ?? throw Swapped(path),
            _ => throw new TargetFsException(path, "neither a directory nor a regular file"),
        };
        if (Libc.Fchmod(fd.Value, mode & 0xFFF) != 0) throw Error(path, Libc.Errno);
    }

    /// <summary>fchownat(fd, "", AT_EMPTY_PATH) on the verified O_PATH descriptor.</summary>
    public void Chown(string path, uint uid, uint gid, FileId? expected)
    {
        using var fd = OpenObject(path, expected, out var meta);
        if (meta.Kind is not (FileKind.Directory or FileKind.Regular)) throw new TargetFsException(path, "neither a directory nor a regular file");
        if (Libc.Fchownat(fd.Value, "", uid, gid, Libc.AtEmptyPath | Libc.AtSymlinkNoFollow) != 0) throw Error(path, Libc.Errno);
    }

    /// <summary>mkdirat in the parent's descriptor; owner and mode set on the new directory's own descriptor.</summary>
    public FileId Mkdir(string path, uint mode, uint uid, uint gid, FileId? parent)
    {
        RequireCanonical(path);
        var (dir, name) = SplitLast(path);
        using var parentFd = OpenDirectory(dir, parent);
        return MkdirAt(parentFd, name, mode, uid, gid, path);
    }

    internal static FileId MkdirAt(Fd parent, string name, uint mode, uint uid, uint gid, string display, bool chown = true)
    {
        if (Libc.Mkdirat(parent.Value, name, 0x1C0) != 0) throw Error(display, Libc.Errno);
        var n = Libc.Openat(parent.Value, name, Libc.ORdOnly | Libc.ODirectory | Libc.ONoFollow | Libc.OCloExec, 0);
        if (n < 0) throw Error(display, Libc.Errno);
        using var fd = new Fd(n);
        if (chown && Libc.Fchownat(fd.Value, "", uid, gid, Libc.AtEmptyPath) != 0) throw Error(display, Libc.Errno);
        if (Libc.Fchmod(fd.Value, mode & 0xFFF) != 0) throw Error(display, Libc.Errno);
        Libc.Fsync(parent.Value);
        return Meta(fd).Id;
    }

    /// <summary>
    /// Replaces (or creates) a file atomically: a temp file made O_CREAT|O_EXCL|O_NOFOLLOW in the parent's
    /// descriptor, content written, fchown/fchmod/fsync on the temp's descriptor, renameat, fsync of the
    /// directory. <paramref name="existing"/>: the object the plan saw at the name (null: the name must be free).
    /// </summary>
    public FileId WriteAtomic(string path, ReadOnlySpan<byte> content, uint mode, uint uid, uint gid, FileId? existing, FileId? parent, bool chown = true)
    {
        RequireCanonical(path);
        var (dir, name) = SplitLast(path);
        using var parentFd = OpenDirectory(dir, parent);
        return WriteAtomicAt(parentFd, name, content, mode, uid, gid, existing, path, chown);
    }

    internal static unsafe FileId WriteAtomicAt(Fd parent, string name, ReadOnlySpan<byte> content, uint mode, uint uid, uint gid, FileId? existing, string display, bool chown = true)
    {
        var now = StatAt(parent, name);
        if (existing is { } id)
        {
            if (now.Kind != FileKind.Regular || now.Id != id) throw Swapped(display);
            if (now.HardLinked) throw HardLinked(display);
        }
        else if (now.Exists) throw new TargetFsException(display, "already exists");
        var temp = $".{name}.sshdoctor-{Environment.ProcessId}-{Random.Shared.Next():x8}";
        var n = Libc.Openat(parent.Value, temp, Libc.OWrOnly | Libc.OCreat | Libc.OExcl | Libc.ONoFollow | Libc.OCloExec, 0x180);
        if (n < 0) throw Error(display, Libc.Errno);
        try
        {
            using (var fd = new Fd(n))
            {
                fixed (byte* p = content)
                    for (var off = 0; off < content.Length;)
                    {
                        var w = Libc.Write(fd.Value, p + off, Math.Min(1 << 20, content.Length - off));
                        if (w < 0 && Libc.Errno == Libc.EINTR) continue;
                        if (w <= 0) throw Error(display, Libc.Errno);
                        off += (int)w;
                    }
                if (chown && Libc.Fchownat(fd.Value, "", uid, gid, Libc.AtEmptyPath) != 0) throw Error(display, Libc.Errno);
                if (Libc.Fchmod(fd.Value, mode & 0xFFF) != 0) throw Error(display, Libc.Errno);
                if (Libc.Fsync(fd.Value) != 0) throw Error(display, Libc.Errno);
                var created = Meta(fd).Id;
                if (Libc.Renameat2(parent.Value, temp, parent.Value, name, existing is null ? Libc.RenameNoReplace : 0) != 0)
                    throw Error(display, Libc.Errno);
                Libc.Fsync(parent.Value);
                return created;
            }
        }
        catch
        {
            Libc.Unlinkat(parent.Value, temp, 0);
            throw;
        }
    }

    /// <summary>Renames an object to a new name in the same directory (never over an existing name).</summary>
    public void Rename(string from, string to, FileId? expected)
    {
        RequireCanonical(from);
        RequireCanonical(to);
        var (dir, name) = SplitLast(from);
        var (toDir, toName) = SplitLast(to);
        if (dir != toDir) throw new TargetFsException(to, "not in the same directory");
        using var parentFd = OpenDirectory(dir, null);
        var now = StatAt(parentFd, name);
        if (!now.Exists || expected is { } id && now.Id != id) throw Swapped(from);
        if (Libc.Renameat2(parentFd.Value, name, parentFd.Value, toName, Libc.RenameNoReplace) != 0) throw Error(from, Libc.Errno);
        Libc.Fsync(parentFd.Value);
    }

    /// <summary>Removes one entry (a directory only when empty), only if it is the expected object. Never recursive.</summary>
    public void Remove(string path, FileId expected)
    {
        RequireCanonical(path);
        var (dir, name) = SplitLast(path);
        using var parentFd = OpenDirectory(dir, null);
        var now = StatAt(parentFd, name);
        if (!now.Exists) return;
        if (now.Id != expected) throw Swapped(path);
        if (Libc.Unlinkat(parentFd.Value, name, now.Kind == FileKind.Directory ? Libc.AtRemoveDir : 0) != 0) throw Error(path, Libc.Errno);
        Libc.Fsync(parentFd.Value);
    }

    /// <summary>Creates a symbolic link (its text is never followed here) owned by uid:gid.</summary>
    public FileId Symlink(string path, string text, uint uid, uint gid, FileId? parent)
    {
        RequireCanonical(path);
        var (dir, name) = SplitLast(path);
        using var parentFd = OpenDirectory(dir, parent);
        if (Libc.Symlinkat(text, parentFd.Value, name) != 0) throw Error(path, Libc.Errno);
        if (Libc.Fchownat(parentFd.Value, name, uid, gid, Libc.AtSymlinkNoFollow) != 0) throw Error(path, Libc.Errno);
        return StatAt(parentFd, name).Id;
    }

    /// <summary>Temp files a killed run left beside <paramref name="path"/> (only regular files this tool names).</summary>
    public void RemoveLeftoverTemps(string path)
    {
        if (!IsCanonical(path)) return;
        var (dir, name) = SplitLast(path);
        if (TryOpen(dir, Libc.ORdOnly | Libc.ODirectory, Follow.None, out var parentFd) != 0) return;
        using (parentFd)
            foreach (var (entry, _) in Entries(parentFd!))
                if (entry.StartsWith("." + name + ".sshdoctor-", StringComparison.Ordinal) && StatAt(parentFd!, entry).Kind == FileKind.Regular)
                    Libc.Unlinkat(parentFd!.Value, entry, 0);
    }
}

public sealed partial class TargetFs
{
    /// <summary>lstat of a canonical path without following any link; null when a link lies on the way.</summary>
    public FileMeta? LStatCanonical(string path)
    {
        if (!IsCanonical(path)) return null;
        var errno = TryOpen(path, Libc.OPath, Follow.None, out var fd);
        if (errno == Libc.ELOOP) return null;
        if (errno != 0) return IsAbsence(errno) ? FileMeta.Missing : throw Error(path, errno);
        using (fd) return Meta(fd!);
    }

    /// <summary>The whole content of the regular file at a canonical path, only if it is the expected object.</summary>
    public byte[] ReadVerified(string path, FileId expected, long limit)
    {
        RequireCanonical(path);
        using var fd = OpenRegular(path, Follow.None, out var meta) ?? throw new TargetFsException(path, "not a regular file");
        if (meta.Id != expected) throw Swapped(path);
        if (meta.Size > limit) throw new TargetFsException(path, "too large to back up");
        var buffer = new byte[meta.Size];
        if (ReadInto(fd, buffer) != buffer.Length || HasMore(fd)) throw new TargetFsException(path, "changed while it was read");
        return buffer;
    }
}
