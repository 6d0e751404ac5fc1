using System.Collections.Concurrent;

namespace SshDoctor.Core.Target;

/// <summary>
/// A root tree being judged (a live "/" or a volume mounted on a rescue instance). Paths given to it are
/// as seen from inside the target; absolute symlinks resolve inside the target, never on the host. Every
/// access goes through the door (<see cref="TargetFs"/>), opened on first use.
/// </summary>
public sealed partial class TargetRoot : IDisposable
{
    private const int MaxSymlinkHops = 40;

    /// <summary>Host path of the target's "/", without a trailing slash ("" for the live root).</summary>
    public string HostRoot { get; }
    public string DisplayRoot { get; }
    public bool IsLive => HostRoot.Length == 0;

    public TargetRoot(string root)
    {
        var full = Path.GetFullPath(root);
        DisplayRoot = full;
        HostRoot = full == "/" ? "" : full.TrimEnd('/');
    }

    private TargetFs? _door;
    private readonly Lock _opening = new();

    /// <summary>The descriptor-based door to this tree; opened once (also when accounts are judged in parallel).</summary>
    public TargetFs Door
    {
        get
        {
            if (Volatile.Read(ref _door) is { } door) return door;
            lock (_opening) return _door ??= TargetFs.Open(DisplayRoot);
        }
    }

    public void Dispose() => _door?.Dispose();

    /// <summary>The host path of a target path, for messages only: nothing opens it (the door resolves paths).</summary>
    public string HostPath(string targetPath) => HostRoot + (targetPath.StartsWith('/') ? targetPath : "/" + targetPath);

    // One check reads a tree that does not change under it: metadata and resolved paths are memoized.
    // Anything that writes to the tree calls Invalidate() before judging it again.
    // Shared with an overlay of the same tree (WithOverlay), which answers its own paths before these caches.
    // Concurrent: accounts are judged on several threads; two threads asking the same path at once both ask the
    // door and store the same answer.
    private ConcurrentDictionary<string, FileMeta> _lstat = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string?> _realpath = new(StringComparer.Ordinal);

    public void Invalidate()
    {
        _lstat.Clear();
        _realpath.Clear();
        _acl.Clear();
    }

    public FileMeta LStat(string targetPath)
    {
        if (OverlayMeta(targetPath) is { } overlaid) return overlaid;
        if (_lstat.TryGetValue(targetPath, out var meta)) return meta;
        meta = Door.LStat(targetPath);
        _lstat[targetPath] = meta;
        return meta;
    }

    /// <summary>stat(2): follows symlinks (inside the target).</summary>
    public FileMeta Stat(string targetPath)
    {
        var real = RealPath(targetPath);
        return real is null ? FileMeta.Missing : LStat(real);
    }

    /// <summary>
    /// realpath(3) inside the target: the canonical target path with every symlink resolved, or null when a
    /// component is missing or the links loop.
    /// </summary>
    public string? RealPath(string targetPath) => Resolve(Normalize(targetPath), 0);

    /// <summary>Resolves the parent first (memoized), then the last component, following links inside the target.</summary>
    private string? Resolve(string path, int hops)
    {
        if (path == "/") return "/";
        var overlaid = IsOverlaid(path);
        if (!overlaid && _realpath.TryGetValue(path, out var cached)) return cached;
        if (hops > MaxSymlinkHops) return null;
        var cut = path.LastIndexOf('/');
        var parent = cut == 0 ? "/" : path[..cut];
        var name = path[(cut + 1)..];
        string? result;
        var realParent = Resolve(parent, hops);
        if (realParent is null) result = null;
        else if (name == ".") result = realParent;
        else if (name == "..") result = DirName(realParent);
        else
        {
            var candidate = realParent == "/" ? "/" + name : realParent + "/" + name;
            var meta = LStat(candidate);
            if (!meta.Exists) result = null;
            else if (meta.Kind != FileKind.Symlink) result = candidate;
            else
            {
                var link = ReadLink(candidate);
                result = link is null ? null
                    : Resolve(Normalize(link.StartsWith('/') ? link : realParent + "/" + link), hops + 1);
            }
        }
        if (hops == 0 && !overlaid) _realpath[path] = result;
        return result;
    }

    /// <summary>An absolute path with no empty components ("/home//u/" → "/home/u").</summary>
    private static string Normalize(string path)
    {
        if (path.Length > 1 && path[0] == '/' && !path.Contains("//", StringComparison.Ordinal) && path[^1] != '/') return path;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length == 0 ? "/" : "/" + string.Join('/', parts);
    }

    /// <summary>Like RealPath, but tolerates a missing final component (for files that may not exist yet).</summary>
    public string ResolveParent(string targetPath)
    {
        var dir = DirName(targetPath);
        var name = targetPath[(targetPath.LastIndexOf('/') + 1)..];
        var realDir = RealPath(dir) ?? dir;
        return realDir == "/" ? "/" + name : realDir + "/" + name;
    }

    public string? ReadLink(string targetPath) => Door.ReadLink(targetPath);

    /// <summary>Reads a regular file (following links inside the target), at most <paramref name="limit"/> bytes.
    /// FIFOs, devices and sockets are never opened: null, like a missing file.</summary>
    public byte[]? ReadBytes(string targetPath, long limit = 16 * 1024 * 1024)
    {
        var real = RealPath(targetPath);
        if (real is null) return null;
        return OverlayBytes(real, limit) ?? Door.ReadBytes(real, limit);
    }

    /// <summary>The whole content of a regular file, or null when it is absent, not regular or longer than
    /// <paramref name="limit"/>: never a truncated prefix (what a rewrite starts from).</summary>
    public byte[]? ReadWhole(string targetPath, long limit) =>
        RealPath(targetPath) is { } real && !IsOverlaid(real) ? Door.ReadBytes(real, limit, whole: true) : null;

    public string? ReadText(string targetPath, long limit = 16 * 1024 * 1024) =>
        ReadBytes(targetPath, limit) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public IEnumerable<string> ListDirectory(string targetPath)
    {
        var real = RealPath(targetPath);
        if (real is null) return [];
        return Door.List(real).Concat(OverlayNames(real)).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Lexically: <paramref name="path"/> is <paramref name="dir"/> or lies below it.</summary>
    public static bool IsWithin(string dir, string path)
    {
        var d = dir.TrimEnd('/');
        return path == d || path.StartsWith(d + "/", StringComparison.Ordinal);
    }

    /// <summary>The directories to create, top first, from <paramref name="firstMissing"/> down to the file's own directory.</summary>
    public static List<string> DirectoriesToCreate(string firstMissing, string file)
    {
        var dirs = new List<string>();
        for (var d = DirName(file); d.Length >= firstMissing.Length && d != "/"; d = DirName(d)) dirs.Insert(0, d);
        return dirs;
    }

    public static string DirName(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        var i = trimmed.LastIndexOf('/');
        return i <= 0 ? "/" : trimmed[..i];
    }
}
