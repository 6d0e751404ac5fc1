using SshDoctor.Core.Agent;
using SshDoctor.Core.Keys;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Core.Probe;

/// <summary>An identity file ssh would try but cannot use (missing, unreadable): ssh skips it too.</summary>
public sealed record SkippedIdentity(string Path, string Reason);

/// <summary>The keys ssh would offer, in its order, and what it would leave out.</summary>
public sealed record OfferedKeyPlan(
    IReadOnlyList<ProbeKey> Keys,
    IReadOnlyList<SkippedIdentity> SkippedFiles,
    IReadOnlyList<AgentIdentity> AgentLeftOut,
    AgentListing Agent,
    bool IdentitiesOnly)
{
    /// <summary>1-based position of a key in ssh's order; 0 when ssh would not offer it.</summary>
    public int PositionOf(PublicKey key)
    {
        for (var i = 0; i < Keys.Count; i++)
            if (Keys[i].Public.Equals(key)) return i + 1;
        return 0;
    }
}

/// <summary>
/// ssh's order (sshconnect2.c pubkey_prepare): the agent's keys first, in the agent's order — a key that is
/// also an identity file takes that file's place — then the remaining identity files in config order.
/// With IdentitiesOnly, agent keys that are no identity file are left out.
/// </summary>
public static class OfferedKeys
{
    public static OfferedKeyPlan Build(IReadOnlyList<string> identityPaths, bool identitiesOnly, AgentListing agent, bool wantSigner)
    {
        var files = new List<ProbeKey>();
        var skipped = new List<SkippedIdentity>();
        foreach (var path in identityPaths.Distinct(StringComparer.Ordinal))
        {
            if (!File.Exists(path) && !File.Exists(path + ".pub")) { skipped.Add(new SkippedIdentity(path, "missing")); continue; }
            try
            {
                var k = ProbeKey.Load(path, wantSigner);
                var cert = File.Exists(path + "-cert.pub") ? path + "-cert.pub" : null;
                if (!files.Any(f => f.Public.Equals(k.Public))) files.Add(k with { CertificatePath = cert });
            }
            catch (KeyFormatException e)
            {
                skipped.Add(new SkippedIdentity(path, e.Message));
            }
        }

        var preferred = new List<ProbeKey>();
        var leftOut = new List<AgentIdentity>();
        foreach (var id in agent.Identities)
        {
            if (id.Key is null) { leftOut.Add(id); continue; }
            var file = files.FirstOrDefault(f => f.Public.Equals(id.Key));
            if (file is not null)
            {
                files.Remove(file);
                var signer = file.Signer;
                if (wantSigner && signer is null && agent.Socket is { } s) signer = new AgentProbeSigner(s, id.Key);
                preferred.Add(file with { FromAgent = true, Signer = signer, SignerUnavailable = signer is null ? file.SignerUnavailable : null });
            }
            else if (!identitiesOnly)
            {
                if (preferred.Any(p => p.Public.Equals(id.Key))) continue;
                preferred.Add(new ProbeKey(id.Comment.Length > 0 ? id.Comment : id.Key.Sha256Fingerprint, id.Key, false)
                {
                    FromAgent = true,
                    AgentOnly = true,
                    Signer = wantSigner && agent.Socket is { } s2 ? new AgentProbeSigner(s2, id.Key) : null,
                });
            }
            else leftOut.Add(id);
        }
        preferred.AddRange(files);
        return new OfferedKeyPlan(preferred, skipped, leftOut, agent, identitiesOnly);
    }
}
