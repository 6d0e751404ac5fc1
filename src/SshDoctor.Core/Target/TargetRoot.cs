namespace SshDoctor.Core.Target;

/// <summary>
/// A root tree being judged (a live "/" or a volume mounted on a rescue instance). Paths given to it are
/// as seen from inside the target; absolute symlinks resolve inside the target, never on the host.
/// </summary>
public sealed class TargetRoot
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

    /// <summary>The host path of a target path, without resolving anything.</summary>
    public string HostPath(string targetPath) => HostRoot + (targetPath.StartsWith('/') ? targetPath : "/" + targetPath);

    public FileMeta LStat(string targetPath) => Statx.LStat(HostPath(targetPath));

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
    public string? RealPath(string targetPath)
    {
        var pending = new Stack<string>(Split(targetPath).Reverse());
        var resolved = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".") continue;
            if (part == "..")
            {
                if (resolved.Count > 0) resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            resolved.Add(part);
            var current = "/" + string.Join('/', resolved);
            var meta = LStat(current);
            if (!meta.Exists) return null;
            if (meta.Kind != FileKind.Symlink) continue;
            if (++hops > MaxSymlinkHops) return null;
            var link = ReadLink(current);
            if (link is null) return null;
            resolved.RemoveAt(resolved.Count - 1);
            if (link.StartsWith('/')) resolved.Clear();
            foreach (var p in Split(link).Reverse()) pending.Push(p);
        }
        return "/" + string.Join('/', resolved);
    }

    /// <summary>Like RealPath, but tolerates a missing final component (for files that may not exist yet).</summary>
    public string ResolveParent(string targetPath)
    {
        var dir = DirName(targetPath);
        var name = targetPath[(targetPath.LastIndexOf('/') + 1)..];
        var realDir = RealPath(dir) ?? dir;
        return realDir == "/" ? "/" + name : realDir + "/" + name;
    }

    public string? ReadLink(string targetPath)
    {
        try { return new FileInfo(HostPath(targetPath)).LinkTarget; }
        catch (IOException) { return null; }
    }

    /// <summary>Reads a whole file (following links inside the target), at most <paramref name="limit"/> bytes.</summary>
    public byte[]? ReadBytes(string targetPath, long limit = 16 * 1024 * 1024)
    {
        var real = RealPath(targetPath);
        if (real is null) return null;
        try
        {
            using var stream = new FileStream(HostPath(real), FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (!stream.CanSeek || stream.Length <= limit)
            {
                using var ms = new MemoryStream();
                var buffer = new byte[81920];
                int n;
                long total = 0;
                while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    total += n;
                    if (total > limit) break;
                    ms.Write(buffer, 0, n);
                }
                return ms.ToArray();
            }
            var bytes = new byte[limit];
            stream.ReadExactly(bytes);
            return bytes;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    public string? ReadText(string targetPath, long limit = 16 * 1024 * 1024) =>
        ReadBytes(targetPath, limit) is { } bytes ? System.Text.Encoding.UTF8.GetString(bytes) : null;

    public IEnumerable<string> ListDirectory(string targetPath)
    {
        var real = RealPath(targetPath);
        if (real is null) return [];
        try
        {
            return Directory.EnumerateFileSystemEntries(HostPath(real)).Select(Path.GetFileName).OfType<string>()
                .Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return []; }
    }

    public static string DirName(string path)
    {
        var trimmed = path.Length > 1 ? path.TrimEnd('/') : path;
        var i = trimmed.LastIndexOf('/');
        return i <= 0 ? "/" : trimmed[..i];
    }

    private static string[] Split(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries);
}
