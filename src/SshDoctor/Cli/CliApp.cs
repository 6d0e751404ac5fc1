using System.CommandLine;

namespace SshDoctor.Cli;

/// <summary>Builds the command tree and runs it with sshdoctor's exit-code contract.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var watchedOut = new Output.WatchedWriter(stdout);
        var watchedErr = new Output.WatchedWriter(stderr);
        Output.CliErrors.Reset();
        Output.Colour.SetTerminal(ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected);
        var code = RunCommand(args, watchedOut, watchedErr);
        // With --json an error is also a document on stdout, unless the command already wrote its own.
        if (code is ExitCodes.Usage or ExitCodes.Undecided && !watchedOut.Written && args.Contains("--json") && watchedErr.LastLine is { } line)
            Output.JsonOut.Write(stdout, ErrorDocument(args, code, line), Output.ErrorJsonContext.Relaxed.ErrorJson);
        return code;
    }

    private static Output.ErrorJson ErrorDocument(string[] args, int code, string line)
    {
        var message = Output.CliErrors.LastMessage ?? (line.StartsWith("sshdoctor: ", StringComparison.Ordinal) ? line["sshdoctor: ".Length..] : line);
        var id = Output.CliErrors.LastId ?? (code == ExitCodes.Usage ? "bad_input" : "undecided");
        return new Output.ErrorJson("sshdoctor", 1, CommandName(args), new Output.ErrorBodyJson(id, message), code);
    }

    /// <summary>"check", or "key inspect" for a command group; "" when no command was named.</summary>
    public static string CommandName(string[] args)
    {
        var words = args.TakeWhile(a => !a.StartsWith('-')).Take(2).ToList();
        if (words.Count == 0) return "";
        return words[0] is "key" or "ssm" && words.Count > 1 ? words[0] + " " + words[1] : words[0];
    }

    /// <summary>The value of --lang when the command line did not parse (an invalid value counts as none).</summary>
    public static string? LangArgument(string[] args)
    {
        var i = Array.IndexOf(args, "--lang");
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : args.FirstOrDefault(a => a.StartsWith("--lang=", StringComparison.Ordinal))?[7..];
    }

    /// <summary>The command tree: what runs, and the source of --help, the completion scripts and the man page.</summary>
    public static RootCommand BuildTree(TextWriter stdout, TextWriter stderr) => BuildTree(stdout, stderr, null);

    /// <summary>The tree with only the top-level command named <paramref name="only"/> ("" for none; null for all).</summary>
    private static RootCommand BuildTree(TextWriter stdout, TextWriter stderr, string? only)
    {
        RootCommand? root = null;
        root = new RootCommand(
            "sshdoctor finds out why an SSH server refuses a public key (\"Server refused our key\", " +
            "\"Permission denied (publickey)\") and repairs it.");
        foreach (var command in CommandRegistry.Create(stdout, stderr, () => root!, only))
            root.Subcommands.Add(command);
        return root;
    }

    /// <summary>
    /// The tree of a run that names one command: that command under a plain Command. A RootCommand's help and version
    /// options read System.CommandLine's resources through reflection, which costs memory and start-up time, and
    /// neither is visible under a command (sshdoctor renders help itself, see RunCommand).
    /// </summary>
    private static Command CommandTree(TextWriter stdout, TextWriter stderr, string only)
    {
        var root = new Command("sshdoctor");
        foreach (var command in CommandRegistry.Create(stdout, stderr, () => throw new InvalidOperationException("no whole tree in a run"), only))
            root.Subcommands.Add(command);
        return root;
    }

    private static readonly string[] HelpTokens = ["-h", "--help", "-?"];

    /// <summary>
    /// The one top-level command a run needs built: args[0] when it names one, "" (none) for a lone --version,
    /// null (the whole tree) otherwise and for the commands that print the tree (completion, man).
    /// </summary>
    private static string? OnlyCommand(string[] args) =>
        args is ["--version"] ? "" : args[0] is "completion" or "man" || !CommandRegistry.Has(args[0]) ? null : args[0];

    private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        // Help is rendered here, in the user's language, from the whole tree.
        if (args.Any(a => HelpTokens.Contains(a)) || args.Length == 0)
        {
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(LangArgument(args)));
            Help.HelpRenderer.Write(stdout, Help.HelpRenderer.Resolve(BuildTree(stdout, stderr), args), m);
            return args.Length == 0 ? ExitCodes.Usage : ExitCodes.Ok;
        }

        // Users paste OpenSSH warnings that start with '@' ("@@@@ WARNING: UNPROTECTED ..."):
        // never treat an argument as a response file.
        var parseConfig = new ParserConfiguration { ResponseFileTokenReplacer = null };
        // Building every command costs start-up time and memory, so a run builds only the command it names. A command
        // line that does not parse is parsed again with the whole tree, so that errors and suggestions are as before.
        var only = OnlyCommand(args);
        var result = (only is null or "" ? BuildTree(stdout, stderr, only) : CommandTree(stdout, stderr, only)).Parse(args, parseConfig);
        if (result.Errors.Count > 0 && only is not null)
            result = BuildTree(stdout, stderr).Parse(args, parseConfig);
        if (result.Errors.Count > 0)
        {
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(LangArgument(args)));
            var lines = UsageErrors.Lines(result, m).ToList();
            Output.CliErrors.Record("usage", string.Join(" ", lines.SkipLast(1)));
            foreach (var line in lines.SkipLast(1)) stderr.WriteLine("sshdoctor: " + line);
            stderr.WriteLine(lines[^1]);
            return ExitCodes.Usage;
        }
        var invokeConfig = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false };
        try
        {
            return result.Invoke(invokeConfig);
        }
        catch (UsageException e)
        {
            Output.CliErrors.Record(e.Id, e.Message);
            stderr.WriteLine("sshdoctor: " + Core.Text.TerminalText.Escape(e.Message));
            return ExitCodes.Usage;
        }
        catch (Core.Target.NeedsRootException e)
        {
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(LangArgument(args)));
            Output.CliErrors.Record("needs_root", m.Get("err.needs_root", ("path", e.HostPath)));
            stderr.WriteLine("sshdoctor: " + Core.Text.TerminalText.Escape(m.Get("err.needs_root", ("path", e.HostPath))));
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Never a stack trace: one line, and "could not decide".
            Output.CliErrors.Record("internal");
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(null));
            stderr.WriteLine("sshdoctor: " + Core.Text.TerminalText.Escape(m.Get("err.internal", ("detail", e.Message))));
            return ExitCodes.Undecided;
        }
    }
}
