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
        return words[0] == "key" && words.Count > 1 ? "key " + words[1] : words[0];
    }

    private static int RunCommand(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand(
            "sshdoctor finds out why an SSH server refuses a public key (\"Server refused our key\", " +
            "\"Permission denied (publickey)\") and repairs it.\n\n" +
            "On the server or its mounted root volume: check, fix, undo, logs.\n" +
            "From the client: probe, key, explain.  With no access at all: userdata.");
        foreach (var command in CommandRegistry.Create(stdout, stderr))
            root.Subcommands.Add(command);

        // Users paste OpenSSH warnings that start with '@' ("@@@@ WARNING: UNPROTECTED ..."):
        // never treat an argument as a response file.
        var parseConfig = new ParserConfiguration { ResponseFileTokenReplacer = null };
        var result = root.Parse(args, parseConfig);
        if (result.Errors.Count > 0)
        {
            Output.CliErrors.Record("usage", string.Join(" ", result.Errors.Select(x => x.Message)));
            foreach (var error in result.Errors)
                stderr.WriteLine("sshdoctor: " + error.Message);
            stderr.WriteLine("Try 'sshdoctor --help'.");
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
            stderr.WriteLine("sshdoctor: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Never a stack trace: one line, and "could not decide".
            Output.CliErrors.Record("internal");
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(null));
            stderr.WriteLine("sshdoctor: " + m.Get("err.internal", ("detail", e.Message)));
            return ExitCodes.Undecided;
        }
    }
}
