using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Cli.Commands;

/// <summary>Loads a --root, turning an unusable one into one clear line and exit 2 (bad input) or 3 (unreadable).</summary>
public static class TargetErrors
{
    [ThreadStatic] private static int _lastExitCode;
    public static int LastExitCode => _lastExitCode;

    public static TargetContext? Load(string root, Messages m, CliIo io)
    {
        try
        {
            return TargetContext.Load(root);
        }
        catch (TargetException e)
        {
            var full = Path.GetFullPath(root);
            var (code, text) = e.Problem switch
            {
                TargetProblem.Missing => (ExitCodes.Usage, m.Get("err.root_missing", ("root", full))),
                TargetProblem.NotDirectory => (ExitCodes.Usage, m.Get("err.root_not_dir", ("root", full))),
                TargetProblem.NotLinux => (ExitCodes.Usage, m.Get("err.root_not_linux", ("root", full), ("missing", e.Detail))),
                _ => (ExitCodes.Undecided, m.Get("err.root_unreadable", ("root", full), ("reason", e.Detail))),
            };
            io.Err.WriteLine("sshdoctor: " + text);
            Output.CliErrors.Record("root_" + e.Problem.ToString().ToLowerInvariant());
            _lastExitCode = code;
            return null;
        }
    }
}
