using System.CommandLine;
using SshDoctor.Cli.Commands;

namespace SshDoctor.Cli;

/// <summary>Every top-level command; one file per command under Cli/Commands.</summary>
internal static class CommandRegistry
{
    /// <summary>The top-level commands in the order help lists them, each with its name so that a run builds only its own.</summary>
    public static IEnumerable<(string Name, Func<CliIo, Command> Create)> Factories(Func<RootCommand> tree)
    {
        yield return ("check", Commands.CheckCommand.Create);
        if (!OperatingSystem.IsWindows())
        {
            yield return ("fix", Commands.FixCommand.Create);
            yield return ("undo", Commands.UndoCommand.Create);
        }
        yield return ("probe", Commands.ProbeCommand.Create);
        yield return ("knownhosts", Commands.KnownHostsCommand.Create);
        yield return ("userdata", Commands.UserdataCommand.Create);
        yield return ("ec2", Commands.Ec2Command.Create);
        if (!OperatingSystem.IsWindows()) yield return ("ssm", Commands.SsmCommand.Create);
        yield return ("explain", ExplainCommand.Create);
        yield return ("logs", LogsCommand.Create);
        yield return ("key", Commands.KeyCommand.Create);
        yield return ("report", Commands.ReportCommand.Create);
        yield return ("ansible-module", Commands.AnsibleModuleCommand.Create);
        yield return ("completion", io => CompletionCommand.Create(io, tree));
        yield return ("man", io => CompletionCommand.CreateMan(io, tree));
    }

    /// <summary>The commands named <paramref name="only"/> (every command when null).</summary>
    public static IEnumerable<Command> Create(TextWriter stdout, TextWriter stderr, Func<RootCommand> tree, string? only = null)
    {
        var io = new CliIo(stdout, stderr);
        foreach (var (name, create) in Factories(tree))
            if (only is null || only == name)
                yield return create(io);
    }

    /// <summary>Whether a top-level command has this name.</summary>
    public static bool Has(string name) => Factories(() => null!).Any(f => f.Name == name);
}

public sealed record CliIo(TextWriter Out, TextWriter Err);
