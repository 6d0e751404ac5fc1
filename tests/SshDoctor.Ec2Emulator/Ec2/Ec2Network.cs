using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Model;
using static SshDoctor.Ec2Emulator.Ec2.Ec2Xml;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>DescribeSecurityGroups, DescribeNetworkAcls, DescribeRouteTables, DescribeSubnets.</summary>
internal sealed partial class Ec2Api
{
    private static IEnumerable<T> ById<T>(IEnumerable<T> all, List<string> ids, Func<T, string> id, string code, string noun)
    {
        var list = all.ToList();
        var missing = ids.FirstOrDefault(x => list.All(v => id(v) != x));
        if (missing is not null) throw ApiError.Ec2(code, $"The {noun} '{missing}' does not exist");
        return ids.Count == 0 ? list : list.Where(v => ids.Contains(id(v)));
    }

    private static object?[] Permission(IpRule r) =>
    [
        E("ipProtocol", r.Protocol),
        r.FromPort is { } from ? E("fromPort", from) : null,
        r.ToPort is { } to ? E("toPort", to) : null,
        E("groups", r.SourceGroupIds.Select(g => E("item", E("groupId", g))).Cast<object>().ToArray()),
        E("ipRanges", r.Cidrs.Select(c => E("item", E("cidrIp", c))).Cast<object>().ToArray()),
        E("ipv6Ranges", r.Ipv6Cidrs.Select(c => E("item", E("cidrIpv6", c))).Cast<object>().ToArray()),
        E("prefixListIds", r.PrefixListIds.Select(p => E("item", E("prefixListId", p))).Cast<object>().ToArray()),
    ];

    private object?[] DescribeSecurityGroups(Ec2Query q)
    {
        var groups = ById(State.Network.SecurityGroups, q.List("GroupId"), g => g.GroupId, "InvalidGroup.NotFound", "security group");
        var filters = new Dictionary<string, Func<SecurityGroupSpec, IEnumerable<string?>>>
        {
            ["group-id"] = g => [g.GroupId], ["group-name"] = g => [g.GroupName], ["vpc-id"] = g => [g.VpcId],
        };
        var items = q.Filter(groups, filters).Select(g => E("item",
            E("ownerId", g.OwnerId), E("groupId", g.GroupId), E("groupName", g.GroupName), E("groupDescription", g.Description),
            E("vpcId", g.VpcId),
            E("ipPermissions", g.Ingress.Select(r => E("item", Permission(r))).Cast<object>().ToArray()),
            E("ipPermissionsEgress", g.Egress.Select(r => E("item", Permission(r))).Cast<object>().ToArray())));
        return [E("securityGroupInfo", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeNetworkAcls(Ec2Query q)
    {
        var acls = ById(State.Network.NetworkAcls, q.List("NetworkAclId"), a => a.NetworkAclId, "InvalidNetworkAclID.NotFound", "network ACL");
        var filters = new Dictionary<string, Func<NetworkAclSpec, IEnumerable<string?>>>
        {
            ["network-acl-id"] = a => [a.NetworkAclId], ["vpc-id"] = a => [a.VpcId], ["association.subnet-id"] = a => a.SubnetIds,
            ["default"] = a => [a.IsDefault ? "true" : "false"],
        };
        var items = q.Filter(acls, filters).Select(a => E("item",
            E("networkAclId", a.NetworkAclId), E("vpcId", a.VpcId), E("default", a.IsDefault),
            E("entrySet", a.Entries.Select(e => E("item",
                E("ruleNumber", e.RuleNumber), E("protocol", e.Protocol), E("ruleAction", e.RuleAction), E("egress", e.Egress),
                E("cidrBlock", e.CidrBlock),
                e.FromPort is { } from ? E("portRange", E("from", from), E("to", e.ToPort ?? from)) : null)).Cast<object>().ToArray()),
            E("associationSet", a.SubnetIds.Select(s => E("item", E("networkAclAssociationId", "aclassoc-" + s[7..]),
                E("networkAclId", a.NetworkAclId), E("subnetId", s))).Cast<object>().ToArray()),
            E("tagSet"), E("ownerId", a.OwnerId)));
        return [E("networkAclSet", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeRouteTables(Ec2Query q)
    {
        var tables = ById(State.Network.RouteTables, q.List("RouteTableId"), t => t.RouteTableId, "InvalidRouteTableID.NotFound", "route table");
        var filters = new Dictionary<string, Func<RouteTableSpec, IEnumerable<string?>>>
        {
            ["route-table-id"] = t => [t.RouteTableId], ["vpc-id"] = t => [t.VpcId], ["association.subnet-id"] = t => t.SubnetIds,
            ["association.main"] = t => [t.Main ? "true" : "false"],
        };
        var items = q.Filter(tables, filters).Select(t => E("item",
            E("routeTableId", t.RouteTableId), E("vpcId", t.VpcId), E("ownerId", t.OwnerId),
            E("routeSet", t.Routes.Select(r => E("item",
                E("destinationCidrBlock", r.DestinationCidrBlock), Opt("gatewayId", r.GatewayId), Opt("natGatewayId", r.NatGatewayId),
                Opt("instanceId", r.InstanceId), E("state", r.State),
                E("origin", r.GatewayId == "local" ? "CreateRouteTable" : "CreateRoute"))).Cast<object>().ToArray()),
            E("associationSet", (t.Main
                ? [E("item", E("routeTableAssociationId", "rtbassoc-" + t.RouteTableId[4..]), E("routeTableId", t.RouteTableId), E("main", true),
                    E("associationState", E("state", "associated")))]
                : Array.Empty<System.Xml.Linq.XElement>()).Concat(t.SubnetIds.Select(s => E("item",
                    E("routeTableAssociationId", "rtbassoc-" + s[7..]), E("routeTableId", t.RouteTableId), E("subnetId", s), E("main", false),
                    E("associationState", E("state", "associated"))))).Cast<object>().ToArray()),
            E("propagatingVgwSet"), E("tagSet")));
        return [E("routeTableSet", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeSubnets(Ec2Query q)
    {
        var subnets = ById(State.Network.Subnets, q.List("SubnetId"), s => s.SubnetId, "InvalidSubnetID.NotFound", "subnet ID");
        var filters = new Dictionary<string, Func<SubnetSpec, IEnumerable<string?>>>
        {
            ["subnet-id"] = s => [s.SubnetId], ["vpc-id"] = s => [s.VpcId], ["availability-zone"] = s => [s.AvailabilityZone],
            ["default-for-az"] = s => [s.DefaultForAz ? "true" : "false"],
        };
        var items = q.Filter(subnets, filters).Select(s => E("item",
            E("subnetId", s.SubnetId), E("subnetArn", $"arn:aws:ec2:{State.Options.Region}:{State.Options.AccountId}:subnet/{s.SubnetId}"),
            E("state", "available"), E("ownerId", State.Options.AccountId), E("vpcId", s.VpcId), E("cidrBlock", s.CidrBlock),
            E("availableIpAddressCount", 4091), E("availabilityZone", s.AvailabilityZone), E("availabilityZoneId", "use1-az1"),
            E("defaultForAz", s.DefaultForAz), E("mapPublicIpOnLaunch", s.MapPublicIpOnLaunch), E("assignIpv6AddressOnCreation", false),
            E("ipv6CidrBlockAssociationSet"), E("tagSet")));
        return [E("subnetSet", items.Cast<object>().ToArray())];
    }
}
