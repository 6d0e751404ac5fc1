using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Agent;

/// <summary>One key the agent holds: its blob and comment. <see cref="Key"/> is null for a type sshdoctor does not parse (certificates).</summary>
public sealed record AgentIdentity(byte[] Blob, string Type, string Comment, PublicKey? Key);

/// <summary>What asking the agent gave: its keys, or why there are none.</summary>
public sealed record AgentListing(string? Socket, IReadOnlyList<AgentIdentity> Identities, string? Error)
{
    public static AgentListing NoAgent => new(null, [], null);
}
