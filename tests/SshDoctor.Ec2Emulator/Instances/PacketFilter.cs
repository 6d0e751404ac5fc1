using System.Text;
using SshDoctor.Ec2Emulator.Model;

namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>
/// What the instance's VPC lets through, as an nftables ruleset in the instance's network namespace: the subnet's
/// network ACL (stateless, rules in number order, both ways, first match decides, implicit deny), the instance's
/// security groups (stateful: replies pass; ingress and egress rules accept, anything else is dropped), and the route
/// to an internet gateway (without an active 0.0.0.0/0 route to an igw-, only the private address is reachable).
/// The host stands for the client: its packets come from the veth's host address (10.215.x.1), which is what a
/// test's CIDRs are matched against.
/// </summary>
internal static class PacketFilter
{
    public static string Build(EmulatedInstance instance, NetworkModel network, SubnetSpec subnet, IEnumerable<SecurityGroupSpec> groups)
    {
        var acl = network.NetworkAcls.FirstOrDefault(a => a.SubnetIds.Contains(subnet.SubnetId))
            ?? network.NetworkAcls.FirstOrDefault(a => a.VpcId == subnet.VpcId && a.IsDefault);
        var table = network.RouteTables.FirstOrDefault(t => t.SubnetIds.Contains(subnet.SubnetId))
            ?? network.RouteTables.FirstOrDefault(t => t.VpcId == subnet.VpcId && t.Main);
        var internet = table?.Routes.Any(r => r.DestinationCidrBlock == "0.0.0.0/0" && r.State == "active"
            && r.GatewayId is { } g && g.StartsWith("igw-", StringComparison.Ordinal)) ?? false;
        var groupList = groups.ToList();

        var s = new StringBuilder();
        s.Append("table inet sdemu {}\ndelete table inet sdemu\ntable inet sdemu {\n");
        s.Append("  chain acl_in {\n    type filter hook input priority -10; policy drop;\n    iif \"lo\" accept\n");
        if (!internet) s.Append($"    ip daddr != {instance.PrivateIpAddress} drop\n");
        foreach (var e in AclEntries(acl, egress: false)) s.Append("    ").Append(AclRule(e, "saddr")).Append('\n');
        s.Append("  }\n");
        s.Append("  chain acl_out {\n    type filter hook output priority -10; policy drop;\n    oif \"lo\" accept\n");
        foreach (var e in AclEntries(acl, egress: true)) s.Append("    ").Append(AclRule(e, "daddr")).Append('\n');
        s.Append("  }\n");
        s.Append("  chain sg_in {\n    type filter hook input priority 0; policy drop;\n    iif \"lo\" accept\n    ct state established,related accept\n");
        foreach (var r in groupList.SelectMany(g => g.Ingress)) foreach (var line in SgRules(r, "saddr")) s.Append("    ").Append(line).Append('\n');
        s.Append("  }\n");
        s.Append("  chain sg_out {\n    type filter hook output priority 0; policy drop;\n    oif \"lo\" accept\n    ct state established,related accept\n");
        foreach (var r in groupList.SelectMany(g => g.Egress)) foreach (var line in SgRules(r, "daddr")) s.Append("    ").Append(line).Append('\n');
        s.Append("  }\n}\n");
        return s.ToString();
    }

    private static IEnumerable<AclEntry> AclEntries(NetworkAclSpec? acl, bool egress) =>
        acl is null ? [] : acl.Entries.Where(e => e.Egress == egress).OrderBy(e => e.RuleNumber);

    private static string? Protocol(string p) => p.ToLowerInvariant() switch
    {
        "-1" or "all" => null,
        "6" or "tcp" => "tcp",
        "17" or "udp" => "udp",
        "1" or "icmp" => "icmp",
        var other => other,
    };

    private static string Match(string direction, string cidr, string protocol, int? from, int? to)
    {
        var m = new StringBuilder($"ip {direction} {cidr}");
        if (Protocol(protocol) is { } p)
        {
            m.Append($" meta l4proto {p}");
            if (p is "tcp" or "udp" && from is { } f && f >= 0)
            {
                var t = to is { } tt && tt >= 0 ? tt : f;
                m.Append($" {p} dport {(f == t ? f.ToString() : $"{f}-{t}")}");
            }
        }
        return m.ToString();
    }

    private static string AclRule(AclEntry e, string direction) =>
        Match(direction, e.CidrBlock, e.Protocol, e.FromPort, e.ToPort) + (e.RuleAction == "allow" ? " accept" : " drop");

    private static IEnumerable<string> SgRules(IpRule r, string direction) =>
        r.Cidrs.Select(c => Match(direction, c, r.Protocol, r.FromPort, r.ToPort) + " accept");
}
