using System.Security.Cryptography;

namespace SshDoctor.Lab.Repair;

/// <summary>Every path of a tree with its type, mode, owner and content hash — what undo must restore exactly.</summary>
public static class TreeSnapshot
{
    // The runner rewrites sshd_config (its port) on every run; sshdoctor's own backups are not part of the tree.
    private static readonly string[] Ignored = ["etc/ssh/sshd_config", "var/backups/sshdoctor"];

    private static readonly SshDoctor.Core.Target.TargetFs HostDoor = SshDoctor.Core.Target.TargetFs.Open("/");

    public static SortedDictionary<string, string> Take(string root)
    {
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var relative = Path.GetRelativePath(root, path);
            // var/ and var/backups/ themselves appear with the first run's backups: only their content is ignored.
            if (Ignored.Any(i => relative == i || relative.StartsWith(i + "/", StringComparison.Ordinal)) || relative is "var" or "var/backups")
                continue;
            var info = new FileInfo(path);
            var meta = HostDoor.LStat(path);
            var (uid, gid) = (meta.Uid, meta.Gid);
            var kind = info.LinkTarget is not null ? "link:" + info.LinkTarget : Directory.Exists(path) ? "dir" : "file:" + Hash(path);
            var mode = info.LinkTarget is null ? Convert.ToString((int)File.GetUnixFileMode(path), 8) : "-";
            result[relative] = $"{kind} {mode} {uid}:{gid}";
        }
        return result;
    }

    /// <summary>The owner of a path (not following a final link).</summary>
    public static (uint Uid, uint Gid) Owner(string path)
    {
        var meta = HostDoor.LStat(path);
        return (meta.Uid, meta.Gid);
    }

    public static string Diff(SortedDictionary<string, string> before, SortedDictionary<string, string> after)
    {
        var lines = new List<string>();
        foreach (var (k, v) in before)
            if (!after.TryGetValue(k, out var a)) lines.Add($"- {k} {v}");
            else if (a != v) lines.Add($"~ {k} {v} -> {a}");
        foreach (var (k, v) in after)
            if (!before.ContainsKey(k)) lines.Add($"+ {k} {v}");
        return string.Join('\n', lines);
    }

    private static string Hash(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)))[..16];
}

/// <summary>A stricter picture for "nothing changed": every path under the given ones with its inode, link count and mtime too.</summary>
public static class ExactSnapshot
{
    private static readonly SshDoctor.Core.Target.TargetFs HostDoor = SshDoctor.Core.Target.TargetFs.Open("/");

    public static SortedDictionary<string, string> Take(string root, params string[] under)
    {
        var result = TreeSnapshot.Take(root);
        foreach (var key in result.Keys.ToList())
        {
            if (under.Length > 0 && !under.Any(u => key == u || key.StartsWith(u + "/", StringComparison.Ordinal)))
            {
                result.Remove(key);
                continue;
            }
            var path = Path.Combine(root, key);
            var meta = HostDoor.LStat(path);
            var mtime = File.GetLastWriteTimeUtc(path).Ticks;
            var linkTime = new FileInfo(path).LinkTarget is null ? mtime : 0;
            result[key] += $" ino={meta.Ino} links={meta.Nlink} mtime={linkTime}";
        }
        return result;
    }
}
