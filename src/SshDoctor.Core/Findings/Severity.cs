namespace SshDoctor.Core.Findings;

public enum Severity
{
    /// <summary>sshd refuses this login because of it.</summary>
    Blocking,
    /// <summary>Risky or non-standard, but sshd accepts: never the cause.</summary>
    Warning,
    /// <summary>Context.</summary>
    Info,
}
