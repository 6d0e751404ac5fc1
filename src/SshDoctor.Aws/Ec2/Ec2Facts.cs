using SshDoctor.Aws.Clients;

namespace SshDoctor.Aws.Ec2;

/// <summary>A fact that one API call gave, or the failure that call met (then the diagnosis says what it could not see).</summary>
public sealed record Gathered<T>(T? Value, AwsFailure? Failure) where T : class
{
    public static Gathered<T> Of(T? value) => new(value, null);
    public static Gathered<T> Failed(AwsFailure failure) => new(null, failure);
}

/// <summary>DescribeInstances, flattened to what the diagnosis reads.</summary>
public sealed record InstanceFacts(
    string InstanceId,
    string State,
    string? StateReason,
    string? OwnerId,
    string? KeyName,
    string? ImageId,
    string? PlatformDetails,
    string? PublicIp,
    bool ElasticIp,
    string? PrivateIp,
    string? Ipv6,
    string? SubnetId,
    string? VpcId,
    IReadOnlyList<string> SecurityGroupIds,
    string? InstanceProfileArn,
    string? MetadataHttpTokens,
    string InstanceType,
    string? RootDeviceName,
    string? RootVolumeId,
    string? AutoScalingGroup,
    IReadOnlyList<string> ProductCodes);

/// <summary>DescribeInstanceStatus: the system and instance reachability checks ("ok", "impaired", "initializing"...).</summary>
public sealed record StatusFacts(string? System, string? Instance);

/// <summary>DescribeInstanceTypes: Nitro (the serial console needs it) and instance-store disks (lost by a stop).</summary>
public sealed record InstanceTypeFacts(bool Nitro, int InstanceStoreDisks, long InstanceStoreGb);

/// <summary>DescribeVolumes for the root volume.</summary>
public sealed record VolumeFacts(string VolumeId, bool Encrypted, string? KmsKeyId);

/// <summary>DescribeImages (deprecated and disabled included); Found false when the image is gone or not visible.</summary>
public sealed record ImageFacts(string ImageId, bool Found, ImageIdentity Identity, bool Public, string? State, string? DeprecationTime);

/// <summary>ssm:DescribeInstanceInformation: null PingStatus when the instance is not registered with SSM.</summary>
public sealed record SsmFacts(string? PingStatus, string? AgentVersion, string? PlatformName);

/// <summary>ec2:GetSerialConsoleAccessStatus: the account-wide switch of the serial console in this region.</summary>
public sealed record SerialConsoleFacts(bool Enabled);

/// <summary>The network in front of the instance: its groups' inbound rules, the subnet's ACL and route table, the VPC's ranges.</summary>
public sealed record NetworkFacts(
    IReadOnlyList<SgRule> SecurityGroupRules,
    string? NetworkAclId,
    IReadOnlyList<NaclEntry> NetworkAcl,
    string? RouteTableId,
    IReadOnlyList<RouteEntry> Routes,
    IReadOnlyList<string> VpcCidrs);

/// <summary>GetConsoleOutput (latest), decoded, with what was read from it.</summary>
public sealed record ConsoleOutputFacts(string Text, ConsoleFacts Parsed, DateTime? Timestamp);

/// <summary>Everything one `sshdoctor ec2` run gathered.</summary>
public sealed record Ec2Facts(
    InstanceFacts Instance,
    Gathered<StatusFacts> Status,
    Gathered<ImageFacts> Image,
    Gathered<KeyPairFacts> KeyPair,
    Gathered<ConsoleOutputFacts> Console,
    Gathered<InstanceTypeFacts> InstanceType,
    Gathered<VolumeFacts> RootVolume,
    Gathered<NetworkFacts> Network,
    Gathered<SsmFacts> Ssm,
    Gathered<SerialConsoleFacts> SerialConsole)
{
    /// <summary>Every call that failed, in a stable order.</summary>
    public IEnumerable<AwsFailure> Failures => new AwsFailure?[]
    {
        Status.Failure, Image.Failure, KeyPair.Failure, Console.Failure, InstanceType.Failure, RootVolume.Failure,
        Network.Failure, Ssm.Failure, SerialConsole.Failure,
    }.OfType<AwsFailure>();
}
