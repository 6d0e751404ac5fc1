using Amazon.EC2;
using Amazon.EC2.Model;
using SshDoctor.Aws.Clients;

namespace SshDoctor.Aws.Repair;

/// <summary>What a repair plan needs to know about the instance: its state, what a stop costs, the image.</summary>
public sealed record InstanceRepairFacts(
    string InstanceId,
    string State,
    string? RootDeviceType,
    string? InstanceType,
    bool InstanceStore,
    string? AutoScalingGroup,
    string? PublicIp,
    bool ElasticIp,
    string? ImageId)
{
    public bool Running => State == "running";
    public bool Stopped => State == "stopped";

    public static async Task<InstanceRepairFacts> GatherAsync(IAmazonEC2 ec2, string instanceId, CancellationToken ct)
    {
        var described = await AwsCall.Run("ec2:DescribeInstances",
            c => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, c), ct).ConfigureAwait(false);
        var instance = described.Reservations?.SelectMany(r => r.Instances ?? []).FirstOrDefault(i => i.InstanceId == instanceId)
            ?? throw new AwsCallException(new AwsFailure(AwsFailureKind.NotFound, "ec2:DescribeInstances", "InvalidInstanceID.NotFound", instanceId));
        var asg = instance.Tags?.FirstOrDefault(t => t.Key == "aws:autoscaling:groupName")?.Value;
        var store = instance.RootDeviceType == DeviceType.InstanceStore
            || (instance.BlockDeviceMappings ?? []).Any(b => b.Ebs is null);
        if (!store && instance.InstanceType is { } type)
        {
            // NVMe instance-store volumes (m5d, i4i...) are not in the block device mappings: the type says.
            try
            {
                var types = await AwsCall.Run("ec2:DescribeInstanceTypes",
                    c => ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = [type.Value] }, c), ct).ConfigureAwait(false);
                store = types.InstanceTypes?.FirstOrDefault()?.InstanceStorageSupported == true;
            }
            catch (AwsCallException e) when (e.Failure.Kind is AwsFailureKind.PermissionDenied or AwsFailureKind.Service or AwsFailureKind.NotFound)
            {
                // not allowed to look: the plan says it could not check (InstanceStore stays false, Unchecked set)
            }
        }
        var elastic = instance.NetworkInterfaces?.Any(n => n.Association?.IpOwnerId is { } owner && owner != "amazon") == true;
        return new InstanceRepairFacts(instanceId, instance.State?.Name?.Value ?? "unknown", instance.RootDeviceType?.Value, instance.InstanceType?.Value,
            store, asg, instance.PublicIpAddress, elastic, instance.ImageId);
    }

    /// <summary>The instance's user data as bytes (empty when it has none).</summary>
    public static async Task<byte[]> UserDataAsync(IAmazonEC2 ec2, string instanceId, CancellationToken ct)
    {
        var r = await AwsCall.Run("ec2:DescribeInstanceAttribute",
            c => ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instanceId, Attribute = InstanceAttributeName.UserData }, c), ct)
            .ConfigureAwait(false);
        var b64 = r.InstanceAttribute?.UserData;
        return string.IsNullOrEmpty(b64) ? [] : Convert.FromBase64String(b64);
    }

    public static Task SetUserDataAsync(IAmazonEC2 ec2, string instanceId, byte[] data, CancellationToken ct) =>
        AwsCall.Run("ec2:ModifyInstanceAttribute",
            c => ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instanceId, UserData = new SecureBlobAttributeValue { Value = new MemoryStream(data) } }, c), ct);
}
