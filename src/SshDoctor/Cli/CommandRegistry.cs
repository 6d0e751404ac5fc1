using System.CommandLine;
using SshDoctor.Cli.Commands;

namespace SshDoctor.Cli;

/// <summary>Every top-level command; one file per command under Cli/Commands.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr, Func<RootCommand> tree)
    {
        var io = new CliIo(stdout, stderr);
        yield return Commands.CheckCommand.Create(io);
        if (!OperatingSystem.IsWindows())
        {
            yield return Commands.FixCommand.Create(io);
            yield return Commands.UndoCommand.Create(io);
        }
        yield return Commands.ProbeCommand.Create(io);
        yield return Commands.KnownHostsCommand.Create(io);
        yield return Commands.UserdataCommand.Create(io);
        yield return Commands.Ec2Command.Create(io);
        if (!OperatingSystem.IsWindows()) yield return Commands.SsmCommand.Create(io);
        yield return ExplainCommand.Create(io);
        yield return LogsCommand.Create(io);
        yield return Commands.KeyCommand.Create(io);
        yield return Commands.ReportCommand.Create(io);
        yield return Commands.AnsibleModuleCommand.Create(io);
        yield return CompletionCommand.Create(io, tree);
        yield return CompletionCommand.CreateMan(io, tree);
    }
}

public sealed record CliIo(TextWriter Out, TextWriter Err);
