namespace SshDoctor.Cli.Commands;

/// <summary>Standard input for commands that read `-`; replaceable in tests.</summary>
internal static class CliInput
{
    public static Func<Stream> OpenStdin { get; set; } = StandardInput.Open;
}
