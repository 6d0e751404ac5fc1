using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Every entry under a directory with its type, mode, owner, inode, link count, size and content hash (or link
/// target), read with lstat only: two snapshots differ when anything was written, chowned, chmodded, replaced
/// (a new inode), hard-linked, created or removed.
/// </summary>
public static partial class Canary
{
    public static SortedDictionary<string, string> Take(string dir, params string[] ignored)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (Stat(dir) is { } top) result["."] = top.Describe(dir);
        Walk(dir, dir, ignored, result);
        return result;
    }

    private static void Walk(string root, string dir, string[] ignored, SortedDictionary<string, string> into)
    {
        IEnumerable<string> names;
        try { names = Directory.EnumerateFileSystemEntries(dir).ToList(); }
        catch (IOException) { return; }
        catch (UnauthorizedAccessException) { return; }
        foreach (var path in names)
        {
            var relative = Path.GetRelativePath(root, path);
            if (ignored.Any(i => relative == i || relative.StartsWith(i + "/", StringComparison.Ordinal))) continue;
            if (Stat(path) is not { } meta) continue;
            into[relative] = meta.Describe(path);
            if (meta.Type == 0x4000) Walk(root, path, ignored, into);
        }
    }

    public static string Diff(SortedDictionary<string, string> before, SortedDictionary<string, string> after, IEnumerable<string>? allowed = null)
    {
        var ok = allowed?.Select(a => a.TrimStart('/')).ToHashSet() ?? [];
        var lines = new List<string>();
        foreach (var (k, v) in before)
            if (ok.Contains(k)) continue;
            else if (!after.TryGetValue(k, out var a)) lines.Add($"- {k} {v}");
            else if (a != v) lines.Add($"~ {k} {v} -> {a}");
        foreach (var (k, v) in after)
            if (!before.ContainsKey(k) && !ok.Contains(k)) lines.Add($"+ {k} {v}");
        return string.Join('\n', lines);
    }

    public sealed record Meta(int Type, int Mode, uint Uid, uint Gid, ulong Inode, uint Links, long Size)
    {
        public string Describe(string path)
        {
            var what = Type switch
            {
                0x8000 => "file:" + Hash(path),
                0x4000 => "dir",
                0xA000 => "link:" + (new FileInfo(path).LinkTarget ?? "?"),
                0x1000 => "fifo",
                0xC000 => "socket",
                _ => "other:" + Type.ToString("x"),
            };
            // A directory's link count and size follow its entries, which are compared one by one.
            var counts = Type == 0x4000 ? "" : $" n={Links} size={Size}";
            return $"{what} {Convert.ToString(Mode, 8)} {Uid}:{Gid} ino={Inode}{counts}";
        }
    }

    private static string Hash(string path)
    {
        // Only called for what lstat just saw as a regular file (snapshots are taken while nothing races).
        using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
        using var stream = new FileStream(handle, FileAccess.Read);
        return Convert.ToHexString(SHA256.HashData(stream))[..16];
    }

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int NativeStatx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>lstat through statx(2): null when the path is gone.</summary>
    public static unsafe Meta? Stat(string path)
    {
        var b = stackalloc byte[256];
        if (NativeStatx(-100, path, 0x100, 0x7ff, b) != 0) return null;
        var mode = *(ushort*)(b + 28);
        return new Meta(mode & 0xF000, mode & 0xFFF, *(uint*)(b + 20), *(uint*)(b + 24), *(ulong*)(b + 32), *(uint*)(b + 16), *(long*)(b + 40));
    }

    public static string Text(SortedDictionary<string, string> snapshot) =>
        snapshot.Aggregate(new StringBuilder(), (sb, kv) => sb.Append(kv.Key).Append(' ').Append(kv.Value).Append('\n')).ToString();
}
