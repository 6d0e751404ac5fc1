namespace SshDoctor.Cli;

/// <summary>design.md: 0 accepted / nothing blocking, 1 blocking finding, 2 bad input, 3 could not decide.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int Blocking = 1;
    public const int Usage = 2;
    public const int Undecided = 3;
}

/// <summary>Bad input or usage: one clear (already localized) line on stderr, exit 2, nothing changed.</summary>
public sealed class UsageException(string message, string id = "usage") : Exception(message)
{
    /// <summary>The stable error id of the `--json` error document.</summary>
    public string Id { get; } = id;
}
