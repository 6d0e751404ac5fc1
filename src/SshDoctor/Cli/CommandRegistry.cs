using System.CommandLine;
using SshDoctor.Cli.Commands;

namespace SshDoctor.Cli;

/// <summary>Every top-level command; one file per command under Cli/Commands.</summary>
internal static class CommandRegistry
{
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr)
    {
        var io = new CliIo(stdout, stderr);
        yield return CheckCommand.Create(io);
        yield return KeyCommand.Create(io);
    }
}

public sealed record CliIo(TextWriter Out, TextWriter Err);
