namespace SshDoctor.Core.SshConfig;

/// <summary>Something ssh would do that sshdoctor only reports: a `Match exec` not run, an Include too deep, a bad line.</summary>
public sealed record SshConfigNote(string Code, string File, int Line, string Detail);

/// <summary>The settings probe uses, as `ssh -G` resolves them for one host.</summary>
public sealed record ResolvedSshConfig
{
    public required string Host { get; init; }
    public required string HostName { get; init; }
    public required string User { get; init; }
    /// <summary>User came from the command line or a file (otherwise it is the local account's name).</summary>
    public required bool UserSet { get; init; }
    public required int Port { get; init; }
    /// <summary>As written (ssh -G prints them so): `~/.ssh/id_%h`.</summary>
    public required IReadOnlyList<string> IdentityFiles { get; init; }
    /// <summary>Tokens and ~ expanded: the files ssh opens.</summary>
    public required IReadOnlyList<string> IdentityPaths { get; init; }
    /// <summary>No IdentityFile anywhere: ssh's default list.</summary>
    public required bool DefaultIdentities { get; init; }
    public required IReadOnlyList<string> CertificateFiles { get; init; }
    public required IReadOnlyList<string> CertificatePaths { get; init; }
    public required bool IdentitiesOnly { get; init; }
    /// <summary>Expanded; null when not set (SSH_AUTH_SOCK is used), "none" when the agent is off.</summary>
    public string? IdentityAgent { get; init; }
    public required IReadOnlyList<string> UserKnownHostsFiles { get; init; }
    public required IReadOnlyList<string> GlobalKnownHostsFiles { get; init; }
    public required IReadOnlyList<string> HostKeyAlgorithms { get; init; }
    public required IReadOnlyList<string> PubkeyAcceptedAlgorithms { get; init; }
    public string? ProxyJump { get; init; }
    public string? ProxyCommand { get; init; }
    public string? HostKeyAlias { get; init; }
    public required IReadOnlyList<string> FilesRead { get; init; }
    public required IReadOnlyList<SshConfigNote> Notes { get; init; }

    /// <summary>The agent socket ssh would use: IdentityAgent, else SSH_AUTH_SOCK; null when none.</summary>
    public string? AgentSocket(string? authSock)
    {
        if (IdentityAgent is null) return string.IsNullOrEmpty(authSock) ? null : authSock;
        if (IdentityAgent == "none") return null;
        if (IdentityAgent == "SSH_AUTH_SOCK") return string.IsNullOrEmpty(authSock) ? null : authSock;
        return IdentityAgent;
    }
}
