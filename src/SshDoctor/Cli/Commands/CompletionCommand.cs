using System.CommandLine;
using SshDoctor.Cli.Help;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor completion bash|zsh|fish` and `sshdoctor man`: generated from the command tree itself.</summary>
internal static class CompletionCommand
{
    public static Command Create(CliIo io, Func<RootCommand> tree)
    {
        var lang = new CommonOptions();
        var shell = new Argument<string>("SHELL") { Description = "bash, zsh or fish." };
        shell.AcceptOnlyFromAmong(CompletionScripts.Shells);
        var command = new Command("completion", "Print a shell completion script generated from the command tree.");
        command.Arguments.Add(shell);
        command.Options.Add(lang.Lang);
        command.SetAction(parse =>
        {
            io.Out.Write(CompletionScripts.For(parse.GetValue(shell)!, tree(), lang.MessagesFor(parse)));
            return ExitCodes.Ok;
        });
        return command;
    }

    public static Command CreateMan(CliIo io, Func<RootCommand> tree)
    {
        var lang = new CommonOptions();
        var command = new Command("man", "Print the manual page (roff) generated from the command tree.");
        command.Options.Add(lang.Lang);
        command.SetAction(parse =>
        {
            io.Out.Write(ManPage.Render(tree(), lang.MessagesFor(parse)));
            return ExitCodes.Ok;
        });
        return command;
    }
}
