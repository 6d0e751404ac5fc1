using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>Permission checks as the user (sshd opens authorized keys with the user's uid and groups).</summary>
public sealed class UserAccess
{
    private readonly TargetRoot _root;
    private readonly uint _uid;
    private readonly HashSet<uint> _gids;

    public UserAccess(TargetRoot root, Accounts accounts, Account account)
    {
        _root = root;
        _uid = account.Uid;
        _gids = accounts.GidsOf(account).ToHashSet();
    }

    /// <summary><paramref name="want"/>: 4 read, 1 search. A POSIX ACL on the object decides when it has one.</summary>
    private bool Allows(string path, FileMeta meta, int want)
    {
        if (_uid == 0) return true;
        if (meta.Uid == _uid) return (meta.Mode & (uint)(want << 6)) != 0;
        if (meta.Exists && PosixAcl.Read(_root, path) is { } acl) return acl.Allows(_uid, _gids, meta, want);
        uint groupBit = (uint)(want << 3), otherBit = (uint)want;
        if (_gids.Contains(meta.Gid)) return (meta.Mode & groupBit) != 0;
        return (meta.Mode & otherBit) != 0;
    }

    /// <summary>
    /// The first directory of the path as configured (before symlinks are resolved) that the user cannot
    /// search, or null. open(2) walks this path, so a link inside an unsearchable directory is out of reach.
    /// </summary>
    public (string Path, string Reason)? SearchBlocker(string path)
    {
        var dir = TargetRoot.DirName(path);
        var prefixes = new List<string>();
        for (var d = dir; ; d = TargetRoot.DirName(d))
        {
            prefixes.Insert(0, d);
            if (d == "/") break;
        }
        foreach (var prefix in prefixes)
        {
            var meta = _root.Stat(prefix);
            if (!meta.Exists) return null;
            if (!Allows(prefix, meta, 1)) return (prefix, "reason.not_searchable");
        }
        return null;
    }

    /// <summary>The first path that stops the user from opening <paramref name="realPath"/> for reading, or null.</summary>
    public (string Path, string Reason)? OpenBlocker(string realPath, bool isDirectory)
    {
        var parts = realPath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = "/";
        for (var i = 0; i < parts.Length; i++)
        {
            var dir = _root.LStat(current);
            if (!Allows(current, dir, 1)) return (current, "reason.not_searchable");
            current = current == "/" ? "/" + parts[i] : current + "/" + parts[i];
        }
        var file = _root.LStat(current);
        if (!Allows(current, file, 4)) return (current, "reason.not_readable");
        return null;
    }
}
