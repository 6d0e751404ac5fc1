using SshDoctor.Cli;

namespace SshDoctor.Lab.Claim;

/// <summary>Runs sshdoctor in-process, as a user would from the shell.</summary>
public static class LabCli
{
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = CliApp.Run(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
