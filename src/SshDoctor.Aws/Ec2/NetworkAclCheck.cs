namespace SshDoctor.Aws.Ec2;

/// <summary>One network ACL entry: evaluated in rule-number order, the first that matches decides (32767 is the final deny).</summary>
public sealed record NaclEntry(int RuleNumber, bool Egress, string Protocol, bool Allow, string? Cidr, int? FromPort, int? ToPort);

public enum NaclVerdict { Allow, Deny, Conditional }

/// <summary>The verdict for one direction, the rule that decided, and the narrower rules met before it.</summary>
public sealed record NaclDirection(NaclVerdict Verdict, int? Rule, IReadOnlyList<int> Conditions);

/// <summary>Inbound SSH and the replies outbound to the client's ephemeral ports.</summary>
public sealed record NaclCheck(NaclDirection Inbound, NaclDirection Outbound, IReadOnlyList<int> DeniedEphemeralPorts);

/// <summary>
/// Network ACLs are stateless: the SSH port must be allowed in from the client, and the replies out to its
/// ephemeral port (Linux uses 32768–60999, Windows and macOS 49152–65535).
/// </summary>
public static class NetworkAclCheck
{
    public static readonly int[] EphemeralSamples = [32768, 49152, 60999, 65535];

    public static NaclCheck Evaluate(IReadOnlyList<NaclEntry> entries, int port, ClientAddress client)
    {
        var inbound = Decide(entries.Where(e => !e.Egress), port, client);
        var outs = EphemeralSamples.Select(p => (Port: p, Result: Decide(entries.Where(e => e.Egress), p, client))).ToList();
        var denied = outs.Where(o => o.Result.Verdict == NaclVerdict.Deny).Select(o => o.Port).ToList();
        var outbound = denied.Count == outs.Count ? outs[0].Result
            : outs.FirstOrDefault(o => o.Result.Verdict == NaclVerdict.Conditional).Result
              ?? outs.First(o => o.Result.Verdict == NaclVerdict.Allow).Result;
        return new NaclCheck(inbound, outbound, denied);
    }

    /// <summary>The first entry (by number) matching a TCP packet to/from the client on this port.</summary>
    public static NaclDirection Decide(IEnumerable<NaclEntry> entries, int port, ClientAddress client)
    {
        var conditions = new List<int>();
        foreach (var e in entries.OrderBy(e => e.RuleNumber))
        {
            if (!(e.Protocol is "-1" or "all" || (e.Protocol is "6" or "tcp" && (e.FromPort ?? 0) <= port && port <= (e.ToPort ?? 65535))))
                continue;
            switch (client.CoveredBy(e.Cidr))
            {
                case true:
                    return new NaclDirection(e.Allow ? NaclVerdict.Allow : NaclVerdict.Deny, e.RuleNumber, conditions);
                case null:
                    conditions.Add(e.RuleNumber);
                    break;
            }
        }
        // No entry at all matched: the implicit final deny.
        return new NaclDirection(conditions.Count > 0 ? NaclVerdict.Conditional : NaclVerdict.Deny, null, conditions);
    }
}
