namespace SshDoctor.Core.Sshd;

/// <summary>
/// What sshd knows when it evaluates Match: the user, their groups, the client address, the local port and
/// address the client connected to (null: unknown, or the config leaves more than one possibility).
/// </summary>
public sealed record ConnectionInfo(string User, IReadOnlyList<string> Groups, string? Address, int? LocalPort)
{
    public string? LocalAddress { get; init; }
}
