using SshDoctor.TestSupport;

namespace SshDoctor.Tests.Support;

/// <summary>Runs the CLI (in-process, or the executable SSHDOCTOR_BIN names), capturing stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int Exit, string Out, string Err);

    public static Result Run(params string[] args)
    {
        var (code, o, e) = CliRunner.Run(args);
        return new Result(code, o, e);
    }

    public static Result Check(TargetTree tree, string user, string? keyFile, params string[] more)
    {
        var args = new List<string> { "check", "--root", tree.Root, "--user", user, "--json", "--lang", "en" };
        if (keyFile is not null) args.AddRange(["--key", keyFile]);
        args.AddRange(more);
        return Run([.. args]);
    }
}
