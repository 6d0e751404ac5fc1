using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>
/// The one door to the target's disk. The root is opened once as a descriptor; every target path is resolved
/// inside it by the kernel (openat2 with RESOLVE_IN_ROOT: absolute links and ".." stay inside the root), or,
/// where openat2 is missing, by a component-by-component O_PATH|O_NOFOLLOW walk from the root's descriptor
/// with the same rules. No host path is ever built from a target path.
/// </summary>
public sealed partial class TargetFs : IDisposable
{
    private const int MaxHops = 40;
    private readonly Fd _root;
    private static bool _openat2Missing;

    /// <summary>The host path the root was opened from, for messages only.</summary>
    public string DisplayRoot { get; }
    public FileId RootId { get; }

    private TargetFs(Fd root, string display)
    {
        _root = root;
        DisplayRoot = display;
        RootId = Meta(root).Id;
    }

    /// <summary>Opens the root directory (the operator named it: links in that host path are the operator's).</summary>
    public static TargetFs Open(string hostRoot)
    {
        var fd = Libc.Open(hostRoot, Libc.OPath | Libc.ODirectory | Libc.OCloExec, 0);
        if (fd < 0) throw new TargetFsException(hostRoot, Libc.Describe(Libc.Errno), Libc.Errno);
        return new TargetFs(new Fd(fd), hostRoot);
    }

    public void Dispose() => _root.Dispose();

    /// <summary>Resolves with the component walk only (tests prove both resolvers keep the same rules).</summary>
    internal bool WalkOnly { get; set; }

    /// <summary>How the components of a path are resolved.</summary>
    public enum Follow
    {
        /// <summary>Every link is followed inside the root (what open(2) does for sshd on the target).</summary>
        All,
        /// <summary>Links before the last component are followed inside the root, the last is not (lstat).</summary>
        NotLast,
        /// <summary>No link anywhere: the path must be canonical (what a repair acts on).</summary>
        None,
    }

    /// <summary>Opens a target path; returns the errno instead of throwing (0 on success).</summary>
    internal int TryOpen(string path, int flags, Follow follow, out Fd? fd)
    {
        fd = null;
        if (path.Length == 0) return Libc.EINVAL;
        // No Linux file name holds a NUL (an Include or a passwd home from the target may): nothing is there.
        if (path.Contains('\0')) return Libc.ENOENT;
        var relative = path.TrimStart('/');
        if (relative.Length == 0) relative = ".";
        var all = flags | Libc.OCloExec | (follow == Follow.All ? 0 : Libc.ONoFollow);
        if (!_openat2Missing && !WalkOnly)
        {
            var resolve = Libc.ResolveInRoot | Libc.ResolveNoMagicLinks | (follow == Follow.None ? Libc.ResolveNoSymlinks : 0);
            int n;
            do n = Libc.Openat2(_root.Value, relative, (ulong)all, 0, resolve);
            while (n < 0 && Libc.Errno is Libc.EAGAIN or Libc.EINTR);
            if (n >= 0) { fd = new Fd(n); return 0; }
            var errno = Libc.Errno;
            if (errno != Libc.ENOSYS) return errno;
            _openat2Missing = true;
        }
        return Walk(relative, all, follow, out fd);
    }

    internal Fd OpenOrThrow(string path, int flags, Follow follow)
    {
        var errno = TryOpen(path, flags, follow, out var fd);
        if (errno != 0) throw Error(path, errno);
        return fd!;
    }

    internal static TargetFsException Error(string path, int errno) =>
        new(path, errno == Libc.ELOOP ? "a symbolic link where none may be" : Libc.Describe(errno), errno);

    /// <summary>
    /// The fallback resolver: one component at a time from the root's descriptor, each opened O_PATH|O_NOFOLLOW;
    /// a link is read and its text resolved from the root (absolute) or from its directory (relative); ".."
    /// goes back to the physical parent and never above the root.
    /// </summary>
    private int Walk(string relative, int flags, Follow follow, out Fd? result)
    {
        result = null;
        var stack = new List<Fd>();
        var pending = new List<string>(Split(relative));
        var hops = 0;
        Fd Current() => stack.Count == 0 ? _root : stack[^1];
        try
        {
            while (pending.Count > 0)
            {
                var name = pending[0];
                pending.RemoveAt(0);
                var last = pending.Count == 0;
                if (name == ".") { if (last) break; continue; }
                if (name == "..")
                {
                    if (stack.Count > 0) { stack[^1].Dispose(); stack.RemoveAt(stack.Count - 1); }
                    continue;
                }
                if (last && (flags & Libc.OPath) == 0)
                {
                    // The final open with the caller's flags, never following a link here: a link is resolved below.
                    var meta0 = StatAt(Current(), name);
                    if (meta0.Kind != FileKind.Symlink || follow != Follow.All)
                    {
                        var n = Libc.Openat(Current().Value, name, flags | Libc.ONoFollow, 0);
                        if (n < 0) return Libc.Errno;
                        result = new Fd(n);
                        return 0;
                    }
                }
                var fd = Libc.Openat(Current().Value, name, Libc.OPath | Libc.ONoFollow | Libc.OCloExec, 0);
                if (fd < 0) return Libc.Errno;
                var handle = new Fd(fd);
                var meta = Meta(handle);
                if (meta.Kind == FileKind.Symlink && (follow == Follow.All || (follow == Follow.NotLast && !last)))
                {
                    if (++hops > MaxHops) { handle.Dispose(); return Libc.ELOOP; }
                    var text = ReadLinkAt(handle);
                    handle.Dispose();
                    if (text is null) return Libc.ENOENT;
                    if (text.StartsWith('/'))
                    {
                        foreach (var f in stack) f.Dispose();
                        stack.Clear();
                    }
                    pending.InsertRange(0, Split(text));
                    if (pending.Count == 0) pending.Add(".");
                    continue;
                }
                if (meta.Kind == FileKind.Symlink && follow == Follow.None) { handle.Dispose(); return Libc.ELOOP; }
                if (last)
                {
                    if ((flags & Libc.ODirectory) != 0 && meta.Kind != FileKind.Directory) { handle.Dispose(); return Libc.ENOTDIR; }
                    result = handle;
                    return 0;
                }
                if (meta.Kind != FileKind.Directory) { handle.Dispose(); return Libc.ENOTDIR; }
                stack.Add(handle);
            }
            // The walk ended on a directory (or the root): open it with the caller's flags.
            var again = Libc.Openat(Current().Value, ".", flags & ~Libc.ONoFollow, 0);
            if (again < 0) return Libc.Errno;
            result = new Fd(again);
            return 0;
        }
        finally
        {
            foreach (var f in stack) f.Dispose();
        }
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);

    /// <summary>statx of the object a descriptor refers to (the link itself for an O_PATH|O_NOFOLLOW link).</summary>
    internal static FileMeta Meta(Fd fd) => StatAt(fd, "", Libc.AtEmptyPath);

    internal static unsafe FileMeta StatAt(Fd dir, string name, int extra = 0)
    {
        var buffer = stackalloc byte[256];
        if (Libc.Statx(dir.Value, name, Libc.AtSymlinkNoFollow | extra, 0xfff, buffer) != 0)
        {
            var errno = Libc.Errno;
            if (errno is Libc.ENOENT or Libc.ENOTDIR or Libc.ELOOP or Libc.ENAMETOOLONG) return FileMeta.Missing;
            throw new TargetFsException(name, Libc.Describe(errno), errno);
        }
        // struct statx offsets (linux/stat.h).
        var mode = *(ushort*)(buffer + 28);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            _ => FileKind.Other,
        };
        var dev = ((ulong)*(uint*)(buffer + 136) << 32) | *(uint*)(buffer + 140);
        return new FileMeta(kind, mode, *(uint*)(buffer + 20), *(uint*)(buffer + 24), *(long*)(buffer + 40),
            dev, *(ulong*)(buffer + 32), *(uint*)(buffer + 16));
    }

    private static unsafe string? ReadLinkAt(Fd link)
    {
        var buffer = new byte[4096];
        fixed (byte* p = buffer)
        {
            var n = Libc.Readlinkat(link.Value, "", p, buffer.Length);
            return n <= 0 || n >= buffer.Length ? null : System.Text.Encoding.UTF8.GetString(buffer, 0, (int)n);
        }
    }
}
