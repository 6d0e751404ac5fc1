namespace SshDoctor.Core.Sshd;

/// <summary>What sshd knows when it evaluates Match: the user, their groups, the client address (null: unknown).</summary>
public sealed record ConnectionInfo(string User, IReadOnlyList<string> Groups, string? Address, int LocalPort);
