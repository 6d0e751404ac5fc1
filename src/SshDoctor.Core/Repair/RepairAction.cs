using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Core.Repair;

/// <summary>One small change to the target, and the shell command that would do the same.</summary>
public abstract record RepairAction(FindingId Because, string Path)
{
    public abstract string Command { get; }

    /// <summary>The command with its explanatory comment in the reader's language (Command is the English form).</summary>
    public virtual string CommandIn(Messages m) => Command;
}

/// <summary>What a rewrite or a created file does, as a text key and its arguments.</summary>
public sealed record RepairNote(string Key, params (string Name, string Value)[] Args)
{
    public string In(Messages m) => m.Get("fix.note." + Key, Args);

    public static string Join(IReadOnlyList<RepairNote> notes, Messages m) => string.Join("; ", notes.Select(n => n.In(m)));
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

public sealed record CreateFileAction(FindingId Because, string Path, byte[] Content, uint Mode, uint Uid, uint Gid, IReadOnlyList<RepairNote> What) : RepairAction(Because, Path)
{
    public override string Command => CommandIn(Messages.For(Lang.En));

    public override string CommandIn(Messages m) =>
        $"install -m {Convert.ToString(Mode, 8)} -o {Uid} -g {Gid} /dev/null {Path}" + (What.Count > 0 ? $"  # {RepairNote.Join(What, m)}" : "");
}

/// <summary>New content for an existing file, keeping its mode and owner (append a key, fix a line, re-encode).</summary>
public sealed record RewriteFileAction(FindingId Because, string Path, byte[] Content, IReadOnlyList<RepairNote> What) : RepairAction(Because, Path)
{
    public override string Command => CommandIn(Messages.For(Lang.En));

    public override string CommandIn(Messages m) => $"# {Path}{m.Colon} {RepairNote.Join(What, m)}";
}

public sealed record MoveAsideAction(FindingId Because, string Path, string To) : RepairAction(Because, Path)
{
    public override string Command => $"mv {Path} {To}";
}
