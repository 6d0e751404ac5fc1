namespace SshDoctor.Core.Target;

public enum FileKind { Missing, Regular, Directory, Symlink, Other }

/// <summary>The parts of stat(2) sshd looks at.</summary>
public readonly record struct FileMeta(FileKind Kind, uint Mode, uint Uid, uint Gid, long Size)
{
    public static readonly FileMeta Missing = new(FileKind.Missing, 0, 0, 0, 0);

    public bool Exists => Kind != FileKind.Missing;
    /// <summary>Permission bits only (07777).</summary>
    public uint Perm => Mode & 0xFFF;
    public string Octal => Convert.ToString(Perm, 8).PadLeft(4, '0');
}
