using System.Xml.Linq;
using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;
using static SshDoctor.Ec2Emulator.Ec2.Ec2Xml;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>DescribeInstances, DescribeInstanceStatus, DescribeInstanceTypes, DescribeVolumes.</summary>
internal sealed partial class Ec2Api
{
    private Dictionary<string, Func<EmulatedInstance, IEnumerable<string?>>> InstanceFilters => new()
    {
        ["instance-id"] = i => [i.InstanceId],
        ["instance-state-name"] = i => [i.State.Name()],
        ["image-id"] = i => [i.Image.ImageId],
        ["key-name"] = i => [i.Spec.KeyName],
        ["subnet-id"] = i => [SubnetOf(i).SubnetId],
        ["vpc-id"] = i => [SubnetOf(i).VpcId],
        ["private-ip-address"] = i => [i.PrivateIpAddress],
        ["ip-address"] = i => [i.PublicIpAddress],
        ["instance-type"] = i => [i.Spec.InstanceType],
        ["tag:"] = i => Tags(i).Select(t => t.Key + "=" + t.Value),
        ["tag-key"] = i => Tags(i).Select(t => t.Key),
    };

    internal static IEnumerable<KeyValuePair<string, string>> Tags(EmulatedInstance i)
    {
        foreach (var t in i.Spec.Tags) yield return t;
        if (i.Spec.AutoScalingGroup is { } asg) yield return new("aws:autoscaling:groupName", asg);
    }

    private SubnetSpec SubnetOf(EmulatedInstance i) => State.SubnetOf(i);
    private IEnumerable<SecurityGroupSpec> GroupsOf(EmulatedInstance i) => State.GroupsOf(i);

    private static XElement StateXml(string name, InstanceState s) => E(name, E("code", (int)s), E("name", s.Name()));

    private static string PrivateDns(EmulatedInstance i) => "ip-" + i.PrivateIpAddress.Replace('.', '-') + ".ec2.internal";
    private static string PublicDns(EmulatedInstance i) => i.PublicIpAddress is { } ip ? "ec2-" + ip.Replace('.', '-') + ".compute-1.amazonaws.com" : "";

    private object?[] DescribeInstances(Ec2Query q)
    {
        var selected = q.Filter(Selected(q), InstanceFilters).ToList();
        var reservations = selected.Select(i => E("item",
            E("reservationId", "r-" + i.InstanceId[2..]),
            E("ownerId", State.Options.AccountId),
            E("groupSet"),
            E("instancesSet", E("item", InstanceXml(i)))));
        return [E("reservationSet", reservations.Cast<object>().ToArray())];
    }

    private object?[] InstanceXml(EmulatedInstance i)
    {
        var subnet = SubnetOf(i);
        var groups = GroupsOf(i).ToList();
        var type = InstanceTypeInfo.Get(i.Spec.InstanceType);
        var state = i.State;
        XElement GroupSet() => E("groupSet", groups.Select(g => E("item", E("groupId", g.GroupId), E("groupName", g.GroupName))).Cast<object>().ToArray());
        return
        [
            E("instanceId", i.InstanceId),
            E("imageId", i.Image.ImageId),
            StateXml("instanceState", state),
            E("privateDnsName", PrivateDns(i)),
            E("dnsName", PublicDns(i)),
            E("reason", i.StateTransitionReason),
            Opt("keyName", i.Spec.KeyName),
            E("amiLaunchIndex", 0),
            E("productCodes", i.Image.ProductCodes.Select(c => E("item", E("productCode", c), E("type", "marketplace"))).Cast<object>().ToArray()),
            E("instanceType", i.Spec.InstanceType),
            E("launchTime", i.LaunchTime),
            E("placement", E("availabilityZone", subnet.AvailabilityZone), E("groupName", ""), E("tenancy", "default")),
            E("monitoring", E("state", "disabled")),
            E("subnetId", subnet.SubnetId),
            E("vpcId", subnet.VpcId),
            E("privateIpAddress", i.PrivateIpAddress),
            Opt("ipAddress", i.PublicIpAddress),
            E("sourceDestCheck", true),
            GroupSet(),
            state == InstanceState.Stopped ? E("stateReason", E("code", "Client.UserInitiatedShutdown"), E("message", "Client.UserInitiatedShutdown: User initiated shutdown")) : null,
            E("architecture", type.Architecture),
            E("rootDeviceType", "ebs"),
            E("rootDeviceName", i.Image.RootDeviceName),
            E("blockDeviceMapping", E("item", E("deviceName", i.Image.RootDeviceName),
                E("ebs", E("volumeId", i.VolumeId), E("status", "attached"), E("attachTime", i.LaunchTime), E("deleteOnTermination", true)))),
            E("virtualizationType", "hvm"),
            E("clientToken", ""),
            E("tagSet", Tags(i).Select(t => E("item", E("key", t.Key), E("value", t.Value))).Cast<object>().ToArray()),
            E("hypervisor", "xen"),
            i.Spec.IamInstanceProfileArn is { } arn ? E("iamInstanceProfile", E("arn", arn), E("id", "AIPA" + i.InstanceId[2..].ToUpperInvariant())) : null,
            E("networkInterfaceSet", E("item",
                E("networkInterfaceId", i.NetworkInterfaceId), E("subnetId", subnet.SubnetId), E("vpcId", subnet.VpcId), E("description", ""),
                E("ownerId", State.Options.AccountId), E("status", "in-use"), E("macAddress", "02:00:00:00:00:01"),
                E("privateIpAddress", i.PrivateIpAddress), E("privateDnsName", PrivateDns(i)), E("sourceDestCheck", true), GroupSet(),
                E("attachment", E("attachmentId", "eni-attach-" + i.InstanceId[2..]), E("deviceIndex", 0), E("status", "attached"),
                    E("attachTime", i.LaunchTime), E("deleteOnTermination", true)),
                i.PublicIpAddress is { } pub ? E("association", E("publicIp", pub), E("publicDnsName", PublicDns(i)), E("ipOwnerId", i.Spec.ElasticIp ? State.Options.AccountId : "amazon")) : null,
                E("interfaceType", "interface"))),
            E("ebsOptimized", false),
            E("enaSupport", true),
            E("cpuOptions", E("coreCount", type.VCpus), E("threadsPerCore", 1)),
            E("metadataOptions", E("state", "applied"), E("httpTokens", i.Spec.HttpTokens), E("httpPutResponseHopLimit", 2),
                E("httpEndpoint", i.Spec.HttpEndpoint), E("httpProtocolIpv6", "disabled"), E("instanceMetadataTags", "disabled")),
            E("platformDetails", i.Image.PlatformDetails),
            E("usageOperation", i.Image.UsageOperation),
            E("usageOperationUpdateTime", i.LaunchTime),
            E("bootMode", "uefi-preferred"),
            E("currentInstanceBootMode", "legacy-bios"),
        ];
    }

    private object?[] DescribeInstanceStatus(Ec2Query q)
    {
        var all = q.Bool("IncludeAllInstances");
        var items = Selected(q).Where(i => all || i.State == InstanceState.Running).Select(i =>
        {
            var running = i.State == InstanceState.Running;
            var status = !running ? "not-applicable" : i.BootFinished ? "ok" : "initializing";
            var system = !running ? "not-applicable" : "ok";
            XElement Summary(string name, string s) => E(name, E("status", s),
                E("details", E("item", E("name", "reachability"), E("status", s == "ok" ? "passed" : s == "initializing" ? "initializing" : "not-applicable"))));
            return E("item", E("instanceId", i.InstanceId), E("availabilityZone", SubnetOf(i).AvailabilityZone),
                StateXml("instanceState", i.State), Summary("systemStatus", system), Summary("instanceStatus", status));
        });
        return [E("instanceStatusSet", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeInstanceTypes(Ec2Query q)
    {
        var names = q.List("InstanceType");
        var unknown = names.Where(n => InstanceTypeInfo.All.All(t => t.Name != n)).ToArray();
        if (unknown.Length > 0) throw ApiError.Ec2("InvalidInstanceType", $"The following supplied instance types do not exist: [{string.Join(", ", unknown)}]");
        var types = names.Count == 0 ? InstanceTypeInfo.All : names.Select(InstanceTypeInfo.Get).ToList();
        var items = types.Select(t => E("item",
            E("instanceType", t.Name), E("currentGeneration", t.Hypervisor == "nitro"), E("freeTierEligible", t.Name is "t2.micro" or "t3.micro"),
            E("supportedUsageClasses", E("item", "on-demand")), E("supportedRootDeviceTypes", E("item", "ebs")),
            E("bareMetal", false), E("hypervisor", t.Hypervisor),
            E("processorInfo", E("supportedArchitectures", E("item", t.Architecture))),
            E("vCpuInfo", E("defaultVCpus", t.VCpus)), E("memoryInfo", E("sizeInMiB", t.MemoryMiB)),
            E("instanceStorageSupported", t.InstanceStoreGb > 0),
            t.InstanceStoreGb > 0 ? E("instanceStorageInfo", E("totalSizeInGB", t.InstanceStoreGb),
                E("disks", E("item", E("sizeInGB", t.InstanceStoreGb), E("count", 1), E("type", t.InstanceStoreType))),
                E("nvmeSupport", t.Hypervisor == "nitro" ? "required" : "unsupported")) : null,
            E("ebsInfo", E("ebsOptimizedSupport", "default"), E("encryptionSupport", "supported"), E("nvmeSupport", t.Hypervisor == "nitro" ? "required" : "unsupported"))));
        return [E("instanceTypeSet", items.Cast<object>().ToArray())];
    }

    private object?[] DescribeVolumes(Ec2Query q)
    {
        var ids = q.List("VolumeId");
        var instances = State.OrderedInstances.ToList();
        var missing = ids.Where(id => instances.All(i => i.VolumeId != id)).ToArray();
        if (missing.Length > 0) throw ApiError.Ec2("InvalidVolume.NotFound", $"The volume '{missing[0]}' does not exist.");
        var selected = instances.Where(i => ids.Count == 0 || ids.Contains(i.VolumeId));
        var filters = new Dictionary<string, Func<EmulatedInstance, IEnumerable<string?>>>
        {
            ["volume-id"] = i => [i.VolumeId],
            ["attachment.instance-id"] = i => [i.InstanceId],
            ["attachment.device"] = i => [i.Image.RootDeviceName],
        };
        var items = q.Filter(selected, filters).Select(i => E("item",
            E("volumeId", i.VolumeId), E("size", i.Spec.RootVolumeSizeGiB), E("snapshotId", "snap-" + i.Image.ImageId[4..]),
            E("availabilityZone", SubnetOf(i).AvailabilityZone), E("status", "in-use"), E("createTime", i.LaunchTime),
            E("attachmentSet", E("item", E("volumeId", i.VolumeId), E("instanceId", i.InstanceId), E("device", i.Image.RootDeviceName),
                E("status", "attached"), E("attachTime", i.LaunchTime), E("deleteOnTermination", true))),
            E("volumeType", "gp3"), E("iops", 3000), E("throughput", 125), E("encrypted", i.Spec.RootVolumeEncrypted),
            i.Spec.RootVolumeEncrypted ? E("kmsKeyId", $"arn:aws:kms:{State.Options.Region}:{State.Options.AccountId}:key/00000000-0000-0000-0000-000000000000") : null,
            E("multiAttachEnabled", false)));
        return [E("volumeSet", items.Cast<object>().ToArray())];
    }
}
