namespace SshDoctor.Ec2Emulator.Model;

/// <summary>
/// The VPC pieces DescribeSecurityGroups/NetworkAcls/RouteTables/Subnets return. Tests change them freely (the lists
/// are live); the emulator starts with one default VPC as a new account has: a public subnet, a main route table
/// with 0.0.0.0/0 to an internet gateway, the default network ACL (allow all both ways) and a security group
/// that allows SSH from anywhere.
/// </summary>
public sealed class NetworkModel
{
    public List<VpcSpec> Vpcs { get; } = [];
    public List<SubnetSpec> Subnets { get; } = [];
    public List<SecurityGroupSpec> SecurityGroups { get; } = [];
    public List<NetworkAclSpec> NetworkAcls { get; } = [];
    public List<RouteTableSpec> RouteTables { get; } = [];

    public VpcSpec DefaultVpc => Vpcs[0];
    public SubnetSpec DefaultSubnet => Subnets[0];
    public SecurityGroupSpec DefaultSecurityGroup => SecurityGroups[0];

    public static NetworkModel CreateDefault(string ownerId, string availabilityZone)
    {
        var n = new NetworkModel();
        var vpc = new VpcSpec(Ids.New("vpc"), "172.31.0.0/16", true);
        n.Vpcs.Add(vpc);
        var subnet = new SubnetSpec(Ids.New("subnet"), vpc.VpcId, "172.31.0.0/20", availabilityZone) { MapPublicIpOnLaunch = true, DefaultForAz = true };
        n.Subnets.Add(subnet);
        var sg = new SecurityGroupSpec(Ids.New("sg"), "launch-wizard-1", vpc.VpcId, ownerId) { Description = "launch-wizard-1 created 2026-01-02" };
        sg.Ingress.Add(new IpRule("tcp", 22, 22, ["0.0.0.0/0"]));
        sg.Egress.Add(new IpRule("-1", null, null, ["0.0.0.0/0"]));
        n.SecurityGroups.Add(sg);
        var acl = new NetworkAclSpec(Ids.New("acl"), vpc.VpcId, ownerId) { IsDefault = true };
        acl.Entries.Add(new AclEntry(100, "-1", "allow", false, "0.0.0.0/0", null, null));
        acl.Entries.Add(new AclEntry(32767, "-1", "deny", false, "0.0.0.0/0", null, null));
        acl.Entries.Add(new AclEntry(100, "-1", "allow", true, "0.0.0.0/0", null, null));
        acl.Entries.Add(new AclEntry(32767, "-1", "deny", true, "0.0.0.0/0", null, null));
        acl.SubnetIds.Add(subnet.SubnetId);
        n.NetworkAcls.Add(acl);
        var rt = new RouteTableSpec(Ids.New("rtb"), vpc.VpcId, ownerId) { Main = true };
        rt.Routes.Add(new RouteSpec(vpc.CidrBlock, "local"));
        rt.Routes.Add(new RouteSpec("0.0.0.0/0", Ids.New("igw")));
        n.RouteTables.Add(rt);
        return n;
    }
}

public sealed record VpcSpec(string VpcId, string CidrBlock, bool IsDefault);

public sealed record SubnetSpec(string SubnetId, string VpcId, string CidrBlock, string AvailabilityZone)
{
    public bool MapPublicIpOnLaunch { get; init; }
    public bool DefaultForAz { get; init; }
}

/// <summary>One permission: protocol "tcp"/"udp"/"icmp"/"-1" (all), ports (null for all), IPv4 CIDRs, source groups.</summary>
public sealed record IpRule(string Protocol, int? FromPort, int? ToPort, IReadOnlyList<string> Cidrs)
{
    public IReadOnlyList<string> Ipv6Cidrs { get; init; } = [];
    public IReadOnlyList<string> SourceGroupIds { get; init; } = [];
    public IReadOnlyList<string> PrefixListIds { get; init; } = [];
}

public sealed record SecurityGroupSpec(string GroupId, string GroupName, string VpcId, string OwnerId)
{
    public string Description { get; init; } = "";
    public List<IpRule> Ingress { get; } = [];
    public List<IpRule> Egress { get; } = [];
}

/// <summary>A network ACL entry; protocol "-1" (all) or a number as a string ("6" = TCP).</summary>
public sealed record AclEntry(int RuleNumber, string Protocol, string RuleAction, bool Egress, string CidrBlock, int? FromPort, int? ToPort);

public sealed record NetworkAclSpec(string NetworkAclId, string VpcId, string OwnerId)
{
    public bool IsDefault { get; init; }
    public List<AclEntry> Entries { get; } = [];
    public List<string> SubnetIds { get; } = [];
}

/// <summary>A route: destination and its target (GatewayId "local", "igw-…"), or a NAT gateway/instance target.</summary>
public sealed record RouteSpec(string DestinationCidrBlock, string? GatewayId)
{
    public string? NatGatewayId { get; init; }
    public string? InstanceId { get; init; }
    /// <summary>"active", or "blackhole" when the target is gone.</summary>
    public string State { get; init; } = "active";
}

public sealed record RouteTableSpec(string RouteTableId, string VpcId, string OwnerId)
{
    public bool Main { get; init; }
    public List<RouteSpec> Routes { get; } = [];
    public List<string> SubnetIds { get; } = [];
}
