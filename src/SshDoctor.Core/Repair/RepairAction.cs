using System.Globalization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Repair;

/// <summary>One small change to the target, and the shell command that would do the same where it is pasted.</summary>
public abstract record RepairAction(FindingId Because, string Path)
{
    /// <summary>The command, written by <paramref name="sh"/> for the live system or the rescue host.</summary>
    public abstract string CommandFor(HostShell sh);

    protected static string Octal(uint mode) => Convert.ToString(mode, 8).PadLeft(4, '0');
}

public sealed record ChmodAction(FindingId Because, string Path, uint Mode) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) => sh.Chmod(Octal(Mode), Path);
}

public sealed record ChownAction(FindingId Because, string Path, uint Uid, uint Gid, string Owner) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) => sh.Chown(sh.Owner(Uid, Gid), Path);
}

public sealed record MakeDirectoryAction(FindingId Because, string Path, uint Mode, uint Uid, uint Gid, bool FromSkel) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) => FromSkel
        ? sh.MakeHomeFromSkel(Path, sh.Owner(Uid, Gid))
        : sh.MakeDirectory(Path, Convert.ToString(Mode, 8), sh.Owner(Uid, Gid));
}

public sealed record CreateFileAction(FindingId Because, string Path, byte[] Content, uint Mode, uint Uid, uint Gid, string What) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) =>
        sh.CreateEmptyFile(Path, Uid, Gid, Convert.ToString(Mode, 8)) + (What.Length > 0 ? $"  # {What}" : "");
}

/// <summary>New content for an existing file, keeping its mode and owner (append a key, fix a line, re-encode).</summary>
public sealed record RewriteFileAction(FindingId Because, string Path, byte[] Content, string What) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) => $"# {sh.Path(Path)}: {What}";
}

public sealed record MoveAsideAction(FindingId Because, string Path, string To) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh) => sh.MoveAside(Path, To);
}
