using System.CommandLine;

namespace SshDoctor.Cli;

/// <summary>Builds the command tree and runs it with sshdoctor's exit-code contract.</summary>
public static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
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
            stderr.WriteLine("sshdoctor: " + e.Message);
            return ExitCodes.Usage;
        }
        catch (Core.Target.NeedsRootException e)
        {
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(LangArgument(args)));
            stderr.WriteLine("sshdoctor: " + m.Get("err.needs_root", ("path", e.HostPath)));
            return ExitCodes.Usage;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidOperationException or FormatException or ArgumentException)
        {
            // Never a stack trace: one line, and "could not decide".
            var m = Core.Localization.Messages.For(Core.Localization.LangResolver.Resolve(null));
            stderr.WriteLine("sshdoctor: " + m.Get("err.internal", ("detail", e.Message)));
            return ExitCodes.Undecided;
        }
    }

    /// <summary>The --lang value, read from the arguments themselves (the error may come before any option is bound).</summary>
    private static string? LangArgument(string[] args)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--lang" && i + 1 < args.Length) return args[i + 1];
            if (args[i].StartsWith("--lang=", StringComparison.Ordinal)) return args[i]["--lang=".Length..];
        }
        return null;
    }
}
