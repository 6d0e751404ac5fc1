using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Aws.Clients;

namespace SshDoctor.Aws.Ec2;

/// <summary>
/// Reads what the diagnosis needs, read-only: the instance first (everything else hangs off it), then every other
/// call at once. A call that fails leaves its fact empty with the failure recorded; only the instance itself is
/// indispensable. (SDK v4 returns null for empty lists: every list is read through `?? []`.)
/// </summary>
public static class Ec2Gatherer
{
    public const string AsgTag = "aws:autoscaling:groupName";

    /// <exception cref="AwsCallException">DescribeInstances failed, or the instance does not exist</exception>
    public static async Task<InstanceFacts> InstanceAsync(AwsClients aws, string instanceId, CancellationToken ct = default)
    {
        var response = await AwsCall.Run("ec2:DescribeInstances",
            c => aws.Ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, c), ct);
        foreach (var reservation in response.Reservations ?? [])
            foreach (var i in reservation.Instances ?? [])
                if (i.InstanceId == instanceId)
                    return Flatten(i, reservation.OwnerId);
        throw new AwsCallException(new AwsFailure(AwsFailureKind.NotFound, "ec2:DescribeInstances", "InvalidInstanceID.NotFound", instanceId));
    }

    public static async Task<Ec2Facts> GatherAsync(AwsClients aws, InstanceFacts instance, CancellationToken ct = default)
    {
        var status = Try("ec2:DescribeInstanceStatus", c => Status(aws, instance, c), ct);
        var image = Try("ec2:DescribeImages", c => Image(aws, instance, c), ct);
        var keyPair = Try("ec2:DescribeKeyPairs", c => KeyPair(aws, instance, c), ct);
        var console = Try("ec2:GetConsoleOutput", c => Console(aws, instance, c), ct);
        var type = Try("ec2:DescribeInstanceTypes", c => InstanceType(aws, instance, c), ct);
        var volume = Try("ec2:DescribeVolumes", c => RootVolume(aws, instance, c), ct);
        var network = Try("ec2:DescribeSecurityGroups", c => Network(aws, instance, c), ct);
        var ssm = Try("ssm:DescribeInstanceInformation", c => Ssm(aws, instance, c), ct);
        var serial = Try("ec2:GetSerialConsoleAccessStatus", c => Serial(aws, c), ct);
        await Task.WhenAll(status, image, keyPair, console, type, volume, network, ssm, serial).ConfigureAwait(false);
        return new Ec2Facts(instance, status.Result, image.Result, keyPair.Result, console.Result, type.Result, volume.Result,
            network.Result, ssm.Result, serial.Result);
    }

    private static async Task<Gathered<T>> Try<T>(string action, Func<CancellationToken, Task<T?>> call, CancellationToken ct) where T : class
    {
        try
        {
            return Gathered<T>.Of(await call(ct).ConfigureAwait(false));
        }
        catch (AwsCallException e)
        {
            return Gathered<T>.Failed(e.Failure);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return Gathered<T>.Failed(AwsErrorClassifier.Classify(action, e));
        }
    }

    internal static InstanceFacts Flatten(Instance i, string? ownerId)
    {
        var association = (i.NetworkInterfaces ?? []).Select(n => n.Association).FirstOrDefault(a => a?.PublicIp == i.PublicIpAddress && a is not null);
        var root = (i.BlockDeviceMappings ?? []).FirstOrDefault(b => b.DeviceName == i.RootDeviceName);
        return new InstanceFacts(
            i.InstanceId,
            i.State?.Name?.Value ?? "unknown",
            i.StateReason?.Message ?? (string.IsNullOrEmpty(i.StateTransitionReason) ? null : i.StateTransitionReason),
            ownerId,
            i.KeyName,
            i.ImageId,
            i.PlatformDetails,
            string.IsNullOrEmpty(i.PublicIpAddress) ? null : i.PublicIpAddress,
            // An Elastic IP is owned by the account; an auto-assigned public address by "amazon" (it changes at each start).
            association?.IpOwnerId is { } owner && owner != "amazon",
            i.PrivateIpAddress,
            string.IsNullOrEmpty(i.Ipv6Address) ? null : i.Ipv6Address,
            i.SubnetId,
            i.VpcId,
            (i.SecurityGroups ?? []).Select(g => g.GroupId).ToList(),
            i.IamInstanceProfile?.Arn,
            i.MetadataOptions?.HttpTokens?.Value,
            i.InstanceType?.Value ?? "",
            i.RootDeviceName,
            root?.Ebs?.VolumeId,
            (i.Tags ?? []).FirstOrDefault(t => t.Key == AsgTag)?.Value,
            (i.ProductCodes ?? []).Select(p => p.ProductCodeId).ToList());
    }

    private static async Task<StatusFacts?> Status(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        var r = await AwsCall.Run("ec2:DescribeInstanceStatus", c => aws.Ec2.DescribeInstanceStatusAsync(
            new DescribeInstanceStatusRequest { InstanceIds = [i.InstanceId], IncludeAllInstances = true }, c), ct);
        var s = (r.InstanceStatuses ?? []).FirstOrDefault(x => x.InstanceId == i.InstanceId);
        return new StatusFacts(s?.SystemStatus?.Status?.Value, s?.Status?.Status?.Value);
    }

    private static async Task<ImageFacts?> Image(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.ImageId is null) return null;
        var r = await AwsCall.Run("ec2:DescribeImages", c => aws.Ec2.DescribeImagesAsync(
            new DescribeImagesRequest { ImageIds = [i.ImageId], IncludeDeprecated = true, IncludeDisabled = true }, c), ct);
        var image = (r.Images ?? []).FirstOrDefault(x => x.ImageId == i.ImageId);
        if (image is null)
            return new ImageFacts(i.ImageId, false, new ImageIdentity(null, null, null, null, i.PlatformDetails, i.ProductCodes), false, null, null);
        var codes = (image.ProductCodes ?? []).Select(p => p.ProductCodeId).Concat(i.ProductCodes).Distinct().ToList();
        return new ImageFacts(image.ImageId, true,
            new ImageIdentity(image.OwnerId, image.ImageOwnerAlias, image.Name, image.Description, image.PlatformDetails ?? i.PlatformDetails, codes),
            image.Public ?? false, image.State?.Value, image.DeprecationTime);
    }

    private static async Task<KeyPairFacts?> KeyPair(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.KeyName is null) return null;
        var r = await AwsCall.Run("ec2:DescribeKeyPairs", c => aws.Ec2.DescribeKeyPairsAsync(
            new DescribeKeyPairsRequest { KeyNames = [i.KeyName], IncludePublicKey = true }, c), ct);
        var k = (r.KeyPairs ?? []).FirstOrDefault(x => x.KeyName == i.KeyName);
        return k is null ? null : new KeyPairFacts(k.KeyName, k.KeyType?.Value, k.KeyFingerprint, k.PublicKey, k.KeyPairId);
    }

    private static async Task<ConsoleOutputFacts?> Console(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        GetConsoleOutputResponse r;
        try
        {
            r = await AwsCall.Run("ec2:GetConsoleOutput", c => aws.Ec2.GetConsoleOutputAsync(
                new GetConsoleOutputRequest { InstanceId = i.InstanceId, Latest = true }, c), ct);
        }
        catch (AwsCallException e) when (e.Failure.Code is "UnsupportedOperation" or "InvalidParameterCombination")
        {
            // "Latest" exists only on Nitro; the Xen types keep the buffer of the last boot.
            r = await AwsCall.Run("ec2:GetConsoleOutput", c => aws.Ec2.GetConsoleOutputAsync(
                new GetConsoleOutputRequest { InstanceId = i.InstanceId }, c), ct);
        }
        var text = string.IsNullOrEmpty(r.Output) ? "" : Decode(r.Output);
        return new ConsoleOutputFacts(text, ConsoleOutputParser.Parse(text), r.Timestamp);
    }

    private static string Decode(string base64)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(base64)); }
        catch (FormatException) { return base64; }
    }

    private static async Task<InstanceTypeFacts?> InstanceType(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.InstanceType.Length == 0) return null;
        var r = await AwsCall.Run("ec2:DescribeInstanceTypes", c => aws.Ec2.DescribeInstanceTypesAsync(
            new DescribeInstanceTypesRequest { InstanceTypes = [i.InstanceType] }, c), ct);
        var t = (r.InstanceTypes ?? []).FirstOrDefault();
        if (t is null) return null;
        var nitro = t.Hypervisor?.Value == "nitro" || t.BareMetal == true;
        var disks = (t.InstanceStorageInfo?.Disks ?? []).Sum(d => d.Count ?? 0);
        return new InstanceTypeFacts(nitro, disks, t.InstanceStorageInfo?.TotalSizeInGB ?? 0);
    }

    private static async Task<VolumeFacts?> RootVolume(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.RootVolumeId is null) return null;
        var r = await AwsCall.Run("ec2:DescribeVolumes", c => aws.Ec2.DescribeVolumesAsync(
            new DescribeVolumesRequest { VolumeIds = [i.RootVolumeId] }, c), ct);
        var v = (r.Volumes ?? []).FirstOrDefault();
        return v is null ? null : new VolumeFacts(v.VolumeId, v.Encrypted ?? false, v.KmsKeyId);
    }

    private static async Task<NetworkFacts?> Network(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        var groups = i.SecurityGroupIds.Count == 0 ? Task.FromResult(new DescribeSecurityGroupsResponse()) :
            AwsCall.Run("ec2:DescribeSecurityGroups", c => aws.Ec2.DescribeSecurityGroupsAsync(
                new DescribeSecurityGroupsRequest { GroupIds = [.. i.SecurityGroupIds] }, c), ct);
        var acls = i.SubnetId is null ? Task.FromResult(new DescribeNetworkAclsResponse()) :
            AwsCall.Run("ec2:DescribeNetworkAcls", c => aws.Ec2.DescribeNetworkAclsAsync(
                new DescribeNetworkAclsRequest { Filters = [new Filter("association.subnet-id", [i.SubnetId])] }, c), ct);
        var routes = RouteTable(aws, i, ct);
        var vpcs = VpcRanges(aws, i, ct);
        await Task.WhenAll(groups, acls, routes, vpcs).ConfigureAwait(false);

        var rules = (groups.Result.SecurityGroups ?? []).SelectMany(g => (g.IpPermissions ?? []).Select(p => new SgRule(
            g.GroupId, p.IpProtocol ?? "-1", p.FromPort, p.ToPort,
            [.. (p.Ipv4Ranges ?? []).Select(r => r.CidrIp), .. (p.Ipv6Ranges ?? []).Select(r => r.CidrIpv6)],
            (p.UserIdGroupPairs ?? []).Select(u => u.GroupId).ToList(),
            (p.PrefixListIds ?? []).Select(x => x.Id).ToList()))).ToList();
        var acl = (acls.Result.NetworkAcls ?? []).FirstOrDefault();
        var entries = (acl?.Entries ?? []).Select(e => new NaclEntry(e.RuleNumber ?? 32767, e.Egress ?? false, e.Protocol ?? "-1",
            e.RuleAction?.Value == "allow", e.CidrBlock ?? e.Ipv6CidrBlock, e.PortRange?.From, e.PortRange?.To)).ToList();
        var table = routes.Result;
        var routeEntries = (table?.Routes ?? []).Select(r => new RouteEntry(r.DestinationCidrBlock ?? r.DestinationIpv6CidrBlock,
            r.GatewayId, r.NatGatewayId ?? r.TransitGatewayId ?? r.VpcPeeringConnectionId ?? r.NetworkInterfaceId ?? r.InstanceId,
            r.State?.Value == "blackhole")).ToList();
        return new NetworkFacts(rules, acl?.NetworkAclId, entries, table?.RouteTableId, routeEntries, vpcs.Result);
    }

    /// <summary>
    /// The VPC's ranges, only to tell whether --from is inside the VPC: when DescribeVpcs is refused the rest of the
    /// network view stands, and --from is taken as outside.
    /// </summary>
    private static async Task<IReadOnlyList<string>> VpcRanges(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.VpcId is null) return [];
        try
        {
            var r = await AwsCall.Run("ec2:DescribeVpcs", c => aws.Ec2.DescribeVpcsAsync(new DescribeVpcsRequest { VpcIds = [i.VpcId] }, c), ct);
            var vpc = (r.Vpcs ?? []).FirstOrDefault();
            return vpc is null ? [] : (vpc.CidrBlockAssociationSet ?? []).Select(a => a.CidrBlock).Append(vpc.CidrBlock)
                .Concat((vpc.Ipv6CidrBlockAssociationSet ?? []).Select(a => a.Ipv6CidrBlock)).OfType<string>().Distinct().ToList();
        }
        catch (AwsCallException)
        {
            return [];
        }
    }

    /// <summary>The subnet's own route table, else the VPC's main one.</summary>
    private static async Task<RouteTable?> RouteTable(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        if (i.SubnetId is null) return null;
        var own = await AwsCall.Run("ec2:DescribeRouteTables", c => aws.Ec2.DescribeRouteTablesAsync(
            new DescribeRouteTablesRequest { Filters = [new Filter("association.subnet-id", [i.SubnetId])] }, c), ct);
        if ((own.RouteTables ?? []).FirstOrDefault() is { } table) return table;
        if (i.VpcId is null) return null;
        var main = await AwsCall.Run("ec2:DescribeRouteTables", c => aws.Ec2.DescribeRouteTablesAsync(
            new DescribeRouteTablesRequest { Filters = [new Filter("vpc-id", [i.VpcId]), new Filter("association.main", ["true"])] }, c), ct);
        return (main.RouteTables ?? []).FirstOrDefault();
    }

    private static async Task<SsmFacts?> Ssm(AwsClients aws, InstanceFacts i, CancellationToken ct)
    {
        var r = await AwsCall.Run("ssm:DescribeInstanceInformation", c => aws.Ssm.DescribeInstanceInformationAsync(
            new DescribeInstanceInformationRequest { Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [i.InstanceId] }] }, c), ct);
        var info = (r.InstanceInformationList ?? []).FirstOrDefault(x => x.InstanceId == i.InstanceId);
        return new SsmFacts(info?.PingStatus?.Value, info?.AgentVersion, info?.PlatformName);
    }

    private static async Task<SerialConsoleFacts?> Serial(AwsClients aws, CancellationToken ct)
    {
        var r = await AwsCall.Run("ec2:GetSerialConsoleAccessStatus", c => aws.Ec2.GetSerialConsoleAccessStatusAsync(
            new GetSerialConsoleAccessStatusRequest(), c), ct);
        return new SerialConsoleFacts(r.SerialConsoleAccessEnabled ?? false);
    }
}
