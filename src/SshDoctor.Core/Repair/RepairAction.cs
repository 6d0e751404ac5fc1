using System.Globalization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Repair;

/// <summary>One small change to the target, and the shell command that would do the same where it is pasted.</summary>
public abstract record RepairAction(FindingId Because, string Path)
{
    /// <summary>The command, written by <paramref name="sh"/> for the live system or the rescue host.</summary>
    public abstract string CommandFor(HostShell sh, Messages m);

    /// <summary>The same with its comments in English (the JSON form).</summary>
    public string CommandFor(HostShell sh) => CommandFor(sh, Messages.For(Lang.En));

    protected static string Octal(uint mode) => Convert.ToString(mode, 8).PadLeft(4, '0');

    /// <summary>The (device, inode) of Path when the plan was made (null: it did not exist).</summary>
    public Target.FileId? PlannedObject { get; init; }
    /// <summary>The (device, inode) of Path's directory when the plan was made (null: created by this run).</summary>
    public Target.FileId? PlannedParent { get; init; }
}

/// <summary>What a rewrite or a created file does, as a text key and its arguments.</summary>
public sealed record RepairNote(string Key, params (string Name, string Value)[] Args)
{
    /// <summary>An argument "@key" is itself a text key (a reason), localized too.</summary>
    public string In(Messages m) =>
        m.Get("fix.note." + Key, Args.Select(a => a.Value.Length > 1 && a.Value[0] == '@' ? (a.Name, m.Get(a.Value[1..])) : a).ToArray());

    public static string Join(IReadOnlyList<RepairNote> notes, Messages m) => string.Join("; ", notes.Select(n => n.In(m)));
}

public sealed record ChmodAction(FindingId Because, string Path, uint Mode) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) => sh.Chmod(Octal(Mode), Path);
}

public sealed record ChownAction(FindingId Because, string Path, uint Uid, uint Gid, string Owner) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) => sh.Chown(sh.Owner(Uid, Gid), Path);
}

public sealed record MakeDirectoryAction(FindingId Because, string Path, uint Mode, uint Uid, uint Gid, bool FromSkel) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) => FromSkel
        ? sh.MakeHomeFromSkel(Path, sh.Owner(Uid, Gid))
        : sh.MakeDirectory(Path, Convert.ToString(Mode, 8), sh.Owner(Uid, Gid));
}

public sealed record CreateFileAction(FindingId Because, string Path, byte[] Content, uint Mode, uint Uid, uint Gid, IReadOnlyList<RepairNote> What) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) =>
        sh.CreateEmptyFile(Path, Uid, Gid, Convert.ToString(Mode, 8)) + (What.Count > 0 ? $"  # {RepairNote.Join(What, m)}" : "");
}

/// <summary>New content for an existing file, keeping its mode and owner (append a key, fix a line, re-encode).</summary>
public sealed record RewriteFileAction(FindingId Because, string Path, byte[] Content, IReadOnlyList<RepairNote> What) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) => $"# {sh.Path(Path)}{m.Colon} {RepairNote.Join(What, m)}";
}

public sealed record MoveAsideAction(FindingId Because, string Path, string To) : RepairAction(Because, Path)
{
    public override string CommandFor(HostShell sh, Messages m) => sh.MoveAside(Path, To);
}
