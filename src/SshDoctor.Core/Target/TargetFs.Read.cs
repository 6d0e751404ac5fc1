using Microsoft.Win32.SafeHandles;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>Reading through the door: metadata, links, directories, and regular files only.</summary>
public sealed partial class TargetFs
{
    /// <summary>lstat(2) inside the root: earlier links followed inside the root, the last one reported as a link.</summary>
    public FileMeta LStat(string path)
    {
        var errno = TryOpen(path, Libc.OPath, Follow.NotLast, out var fd);
        if (errno != 0) return IsAbsence(errno) ? FileMeta.Missing : throw (Exception?)Denied(path, errno) ?? Error(path, errno);
        using (fd) return Meta(fd!);
    }

    /// <summary>Run without root, a permission error means "run it with sudo", said with the file's name.</summary>
    private NeedsRootException? Denied(string path, int errno) =>
        errno == Libc.EACCES && NeedsRootException.Applies ? new NeedsRootException(DisplayPath(path)) : null;

    private string DisplayPath(string path) => DisplayRoot == "/" ? path : DisplayRoot.TrimEnd('/') + path;

    /// <summary>stat(2) inside the root: every link followed inside the root.</summary>
    public FileMeta Stat(string path)
    {
        var errno = TryOpen(path, Libc.OPath, Follow.All, out var fd);
        if (errno != 0) return IsAbsence(errno) ? FileMeta.Missing : throw (Exception?)Denied(path, errno) ?? Error(path, errno);
        using (fd) return Meta(fd!);
    }

    private static bool IsAbsence(int errno) => errno is Libc.ENOENT or Libc.ENOTDIR or Libc.ELOOP or Libc.ENAMETOOLONG or Libc.EXDEV;

    public string? ReadLink(string path)
    {
        if (TryOpen(path, Libc.OPath, Follow.NotLast, out var fd) != 0) return null;
        using (fd) return Meta(fd!).Kind == FileKind.Symlink ? ReadLinkAt(fd!) : null;
    }

    /// <summary>The entry names of a directory (links followed inside the root), sorted; empty when absent.</summary>
    public IReadOnlyList<string> List(string path, Follow follow = Follow.All)
    {
        var errno = TryOpen(path, Libc.ORdOnly | Libc.ODirectory, follow, out var fd);
        if (errno != 0) return Denied(path, errno) is { } denied ? throw denied : [];
        using (fd) return Entries(fd!).Select(e => e.Name).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>getdents64 on a directory descriptor: names (without . and ..) and inode numbers.</summary>
    internal static unsafe List<(string Name, ulong Ino)> Entries(Fd dir)
    {
        var result = new List<(string, ulong)>();
        var buffer = new byte[32 * 1024];
        fixed (byte* p = buffer)
        {
            while (true)
            {
                var n = Libc.Getdents64(dir.Value, p, buffer.Length);
                if (n <= 0) break;
                for (nint off = 0; off < n;)
                {
                    var ino = *(ulong*)(p + off);
                    var reclen = *(ushort*)(p + off + 16);
                    var nameStart = p + off + 19;
                    var len = 0;
                    while (nameStart[len] != 0) len++;
                    var name = System.Text.Encoding.UTF8.GetString(nameStart, len);
                    if (name is not "." and not "..") result.Add((name, ino));
                    off += reclen;
                }
            }
        }
        return result;
    }

    /// <summary>
    /// Opens a regular file for reading: first as O_PATH to learn what it is (a FIFO, device or socket is never
    /// opened for reading, so nothing hangs and no device is touched), then the same object for reading.
    /// Null when absent or not a regular file.
    /// </summary>
    internal Fd? OpenRegular(string path, Follow follow, out FileMeta meta)
    {
        meta = FileMeta.Missing;
        var errno = TryOpen(path, Libc.OPath, follow, out var probe);
        if (errno != 0) return Denied(path, errno) is { } denied ? throw denied : null;
        using (probe)
        {
            meta = Meta(probe!);
            if (meta.Kind != FileKind.Regular) return null;
            return Reopen(probe!, meta, path);
        }
    }

    /// <summary>The object an O_PATH descriptor names, opened for reading; refuses if what opens is another object.</summary>
    internal Fd? Reopen(Fd pathFd, FileMeta expected, string path)
    {
        var flags = Libc.ORdOnly | Libc.ONonBlock | Libc.ONoCtty | Libc.OCloExec;
        var n = Libc.Open($"/proc/self/fd/{pathFd.Value}", flags, 0);
        Fd fd;
        if (n >= 0) fd = new Fd(n);
        else if (TryOpen(path, flags, Follow.All, out var again) is var errno && errno == 0) fd = again!;
        else return Denied(path, errno) is { } denied ? throw denied : null;
        var now = Meta(fd);
        if (now.Id != expected.Id || now.Kind != expected.Kind) { fd.Dispose(); return null; }
        return fd;
    }

    /// <summary>A whole regular file, or null (absent, not regular, or longer than <paramref name="limit"/> when <paramref name="whole"/>).</summary>
    public byte[]? ReadBytes(string path, long limit, bool whole = false, Follow follow = Follow.All)
    {
        using var fd = OpenRegular(path, follow, out var meta);
        if (fd is null) return null;
        if (whole && meta.Size > limit) return null;
        var buffer = new byte[Math.Min(meta.Size, limit)];
        var total = ReadInto(fd, buffer);
        if (whole && total == buffer.Length && HasMore(fd)) return null;
        return total == buffer.Length ? buffer : buffer[..total];
    }

    private static unsafe int ReadInto(Fd fd, byte[] buffer)
    {
        var total = 0;
        fixed (byte* p = buffer)
            while (total < buffer.Length)
            {
                var n = Libc.Read(fd.Value, p + total, buffer.Length - total);
                if (n < 0 && Libc.Errno == Libc.EINTR) continue;
                if (n <= 0) break;
                total += (int)n;
            }
        return total;
    }

    private static unsafe bool HasMore(Fd fd)
    {
        byte one;
        return Libc.Read(fd.Value, &one, 1) > 0;
    }

    /// <summary>A regular file as a stream (for files too large to hold); null when absent or not regular.</summary>
    public Stream? OpenRead(string path, Follow follow = Follow.All)
    {
        if (OpenRegular(path, follow, out _) is not { } fd) return null;
        var raw = fd.DangerousGetHandle();
        fd.SetHandleAsInvalid();
        return new FileStream(new SafeFileHandle(raw, ownsHandle: true), FileAccess.Read, 1);
    }

    /// <summary>fstatfs on the directory's descriptor: (total, available) bytes, or null.</summary>
    public unsafe (long Total, long Available)? Space(string path)
    {
        if (TryOpen(path, Libc.OPath, Follow.All, out var fd) != 0) return null;
        using (fd)
        {
            var buffer = stackalloc byte[120];
            if (Libc.Fstatfs(fd!.Value, buffer) != 0) return null;
            var bsize = *(long*)(buffer + 8);
            return (*(long*)(buffer + 16) * bsize, *(long*)(buffer + 32) * bsize);
        }
    }

    /// <summary>An extended attribute of the object a path names (links followed inside the root), or null.</summary>
    public unsafe string? Xattr(string path, string name)
    {
        if (TryOpen(path, Libc.OPath, Follow.All, out var fd) != 0) return null;
        using (fd)
        {
            var value = stackalloc byte[512];
            // An O_PATH descriptor has no fgetxattr: /proc/self/fd/N names exactly that object.
            var n = Libc.Getxattr($"/proc/self/fd/{fd!.Value}", name, value, 512);
            return n <= 0 ? null : System.Text.Encoding.UTF8.GetString(value, (int)n).TrimEnd('\0');
        }
    }

    /// <summary>The raw bytes of an extended attribute (e.g. system.posix_acl_access), links followed inside the root; null when absent.</summary>
    public unsafe byte[]? XattrBytes(string path, string name)
    {
        if (TryOpen(path, Libc.OPath, Follow.All, out var fd) != 0) return null;
        using (fd)
        {
            var value = stackalloc byte[4096];
            var n = Libc.Getxattr($"/proc/self/fd/{fd!.Value}", name, value, 4096);
            return n <= 0 ? null : new ReadOnlySpan<byte>(value, (int)n).ToArray();
        }
    }
}
