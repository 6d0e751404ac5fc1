namespace SshDoctor.Core.Target;

public enum FileKind { Missing, Regular, Directory, Symlink, Other }

/// <summary>Which object a path named: device and inode (as statx reports them).</summary>
public readonly record struct FileId(ulong Dev, ulong Ino)
{
    public override string ToString() => $"{Dev}:{Ino}";
}

/// <summary>The parts of stat(2) sshd looks at, plus the identity and link count the door checks.</summary>
public readonly record struct FileMeta(FileKind Kind, uint Mode, uint Uid, uint Gid, long Size, ulong Dev = 0, ulong Ino = 0, uint Nlink = 0)
{
    public static readonly FileMeta Missing = new(FileKind.Missing, 0, 0, 0, 0);

    public bool Exists => Kind != FileKind.Missing;
    /// <summary>Permission bits only (07777).</summary>
    public uint Perm => Mode & 0xFFF;
    public string Octal => Convert.ToString(Perm, 8).PadLeft(4, '0');
    public FileId Id => new(Dev, Ino);
    /// <summary>A regular file that other names share: changing it would change them too.</summary>
    public bool HardLinked => Kind == FileKind.Regular && Nlink > 1;
}
