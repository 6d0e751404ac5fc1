using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Repair;

/// <summary>One small change to the target, and the shell command that would do the same.</summary>
public abstract record RepairAction(FindingId Because, string Path)
{
    public abstract string Command { get; }

    /// <summary>The (device, inode) of Path when the plan was made (null: it did not exist).</summary>
    public Target.FileId? PlannedObject { get; init; }
    /// <summary>The (device, inode) of Path's directory when the plan was made (null: created by this run).</summary>
    public Target.FileId? PlannedParent { get; init; }
}

public sealed record ChmodAction(FindingId Because, string Path, uint Mode) : RepairAction(Because, Path)
{
    public override string Command => $"chmod {Convert.ToString(Mode, 8).PadLeft(4, '0')} {Path}";
}

public sealed record ChownAction(FindingId Because, string Path, uint Uid, uint Gid, string Owner) : RepairAction(Because, Path)
{
    public override string Command => $"chown {Owner} {Path}";
}

public sealed record MakeDirectoryAction(FindingId Because, string Path, uint Mode, uint Uid, uint Gid, bool FromSkel) : RepairAction(Because, Path)
{
    public override string Command => FromSkel
        ? $"mkdir -m {Convert.ToString(Mode, 8)} {Path} && cp -a /etc/skel/. {Path}/ && chown -R {Uid}:{Gid} {Path}"
        : $"mkdir -m {Convert.ToString(Mode, 8)} {Path} && chown {Uid}:{Gid} {Path}";
}

public sealed record CreateFileAction(FindingId Because, string Path, byte[] Content, uint Mode, uint Uid, uint Gid, string What) : RepairAction(Because, Path)
{
    public override string Command => $"install -m {Convert.ToString(Mode, 8)} -o {Uid} -g {Gid} /dev/null {Path}" + (What.Length > 0 ? $"  # {What}" : "");
}

/// <summary>New content for an existing file, keeping its mode and owner (append a key, fix a line, re-encode).</summary>
public sealed record RewriteFileAction(FindingId Because, string Path, byte[] Content, string What) : RepairAction(Because, Path)
{
    public override string Command => $"# {Path}: {What}";
}

public sealed record MoveAsideAction(FindingId Because, string Path, string To) : RepairAction(Because, Path)
{
    public override string Command => $"mv {Path} {To}";
}
