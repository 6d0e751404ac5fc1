using SshDoctor.Cli;

namespace SshDoctor.Tests.Support;

/// <summary>Runs the CLI in-process, capturing stdout and stderr.</summary>
public static class Cli
{
    public sealed record Result(int Exit, string Out, string Err);

    public static Result Run(params string[] args)
    {
        var o = new StringWriter();
        var e = new StringWriter();
        var code = CliApp.Run(args, o, e);
        return new Result(code, o.ToString(), e.ToString());
    }

    public static Result Check(TargetTree tree, string user, string? keyFile, params string[] more)
    {
        var args = new List<string> { "check", "--root", tree.Root, "--user", user, "--json", "--lang", "en" };
        if (keyFile is not null) args.AddRange(["--key", keyFile]);
        args.AddRange(more);
        return Run([.. args]);
    }
}
