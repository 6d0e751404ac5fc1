namespace SshDoctor.Aws.Ec2;

/// <summary>One inbound permission of a security group (IpPermission flattened): protocol "-1" (all), "tcp"/"6", ports, sources.</summary>
public sealed record SgRule(
    string GroupId,
    string Protocol,
    int? FromPort,
    int? ToPort,
    IReadOnlyList<string> Cidrs,
    IReadOnlyList<string> ReferencedGroups,
    IReadOnlyList<string> PrefixLists);

public enum PortVerdict
{
    /// <summary>A rule admits the port from the whole client range.</summary>
    Open,
    /// <summary>Rules admit the port only from some addresses, another group's members or a prefix list: depends on where the client is.</summary>
    Conditional,
    /// <summary>No rule admits the port from the client.</summary>
    Closed,
}

/// <summary>Which rule decided, and the narrower sources that might admit the client instead.</summary>
public sealed record PortCheck(PortVerdict Verdict, string? Rule, IReadOnlyList<string> Conditions);

/// <summary>
/// Security groups are stateful allow-lists: the port is open when any inbound rule of any group admits TCP on it from
/// the client. Rules that name another group admit only that group's members (inside the VPC, never a client coming
/// over the internet to the public address); prefix lists are not expanded here.
/// </summary>
public static class SecurityGroupCheck
{
    public static PortCheck Evaluate(IEnumerable<SgRule> rules, int port, ClientAddress client, bool viaPublicAddress)
    {
        var conditions = new List<string>();
        foreach (var r in rules)
        {
            if (!CoversTcpPort(r, port)) continue;
            foreach (var cidr in r.Cidrs)
            {
                switch (client.CoveredBy(cidr))
                {
                    case true: return new PortCheck(PortVerdict.Open, $"{r.GroupId} {cidr}", []);
                    case null: conditions.Add($"{r.GroupId} {cidr}"); break;
                }
            }
            if (!viaPublicAddress)
                conditions.AddRange(r.ReferencedGroups.Select(g => $"{r.GroupId} ← {g}"));
            conditions.AddRange(r.PrefixLists.Select(p => $"{r.GroupId} {p}"));
        }
        return new PortCheck(conditions.Count > 0 ? PortVerdict.Conditional : PortVerdict.Closed, null, conditions);
    }

    public static bool CoversTcpPort(SgRule r, int port) => r.Protocol switch
    {
        "-1" or "all" => true,
        "tcp" or "6" => (r.FromPort ?? 0) <= port && port <= (r.ToPort ?? 65535) || r.FromPort == -1,
        _ => false,
    };
}
