using SshDoctor.TestSupport;

namespace SshDoctor.Lab.Claim;

/// <summary>Runs sshdoctor as a user would from the shell: in-process, or the executable SSHDOCTOR_BIN names.</summary>
public static class LabCli
{
    public static (int Exit, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);
}
