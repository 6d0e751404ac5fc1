using System.Buffers.Binary;

namespace SshDoctor.Core.Target;

/// <summary>
/// A POSIX access ACL (the system.posix_acl_access attribute setfacl writes) and the kernel's access check:
/// owner entry, then a named user (limited by the mask), then the owning group and named groups (any match that
/// grants, limited by the mask; a match that does not grant denies), then other.
/// </summary>
public sealed class PosixAcl
{
    private const ushort UserObj = 0x01, User = 0x02, GroupObj = 0x04, Group = 0x08, Mask = 0x10, Other = 0x20;
    private readonly List<(ushort Tag, int Perm, uint Id)> _entries;

    private PosixAcl(List<(ushort, int, uint)> entries) => _entries = entries;

    /// <summary>Header (version 2) and 8-byte little-endian entries; null when absent or not understood.</summary>
    public static PosixAcl? Parse(byte[]? value)
    {
        if (value is null || value.Length < 4 || (value.Length - 4) % 8 != 0 || BinaryPrimitives.ReadUInt32LittleEndian(value) != 2) return null;
        var entries = new List<(ushort, int, uint)>();
        for (var i = 4; i < value.Length; i += 8)
            entries.Add((BinaryPrimitives.ReadUInt16LittleEndian(value.AsSpan(i)), BinaryPrimitives.ReadUInt16LittleEndian(value.AsSpan(i + 2)) & 7,
                BinaryPrimitives.ReadUInt32LittleEndian(value.AsSpan(i + 4))));
        return new PosixAcl(entries);
    }

    /// <summary>The ACL of the object a path names, asked once per path and run (see TargetRoot.AccessAcl).</summary>
    public static PosixAcl? Read(TargetRoot root, string path) => root.AccessAcl(path);

    /// <summary>Whether a process with <paramref name="uid"/> and <paramref name="gids"/> gets every bit of <paramref name="want"/> (r=4, w=2, x=1).</summary>
    public bool Allows(uint uid, IReadOnlySet<uint> gids, FileMeta meta, int want)
    {
        int? Find(ushort tag, uint? id = null) =>
            _entries.Where(e => e.Tag == tag && (id is null || e.Id == id)).Select(e => (int?)e.Perm).FirstOrDefault();
        var mask = Find(Mask) ?? 7;
        if (meta.Uid == uid) return ((Find(UserObj) ?? 0) & want) == want;
        if (Find(User, uid) is { } named) return (named & mask & want) == want;
        var matched = false;
        foreach (var e in _entries)
        {
            var member = (e.Tag == GroupObj && gids.Contains(meta.Gid)) || (e.Tag == Group && gids.Contains(e.Id));
            if (!member) continue;
            matched = true;
            if ((e.Perm & mask & want) == want) return true;
        }
        if (matched) return false;
        return ((Find(Other) ?? 0) & want) == want;
    }
}
