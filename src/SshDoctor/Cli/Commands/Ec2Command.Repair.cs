using System.CommandLine;

namespace SshDoctor.Cli.Commands;

/// <summary>The repair half of the `ec2` group: `ec2 fix` and `ec2 undo` (Ec2FixCommand, Ec2UndoCommand).</summary>
internal static partial class Ec2Command
{
    static partial void AttachSubcommands(Command group, CliIo io)
    {
        if (OperatingSystem.IsWindows()) return;
        group.Subcommands.Add(Ec2FixCommand.Create(io));
        group.Subcommands.Add(Ec2UndoCommand.Create(io));
    }
}
