namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>A line that carries the wanted key but that sshd ignores, and why (a `line.*` text key).</summary>
public sealed record DamagedLine(int Number, string Problem, string Detail = "");
