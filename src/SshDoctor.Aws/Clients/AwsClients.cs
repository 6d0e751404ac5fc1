using Amazon;
using Amazon.EC2;
using Amazon.SimpleSystemsManagement;

namespace SshDoctor.Aws.Clients;

/// <summary>The EC2 and SSM clients of one command run, with the region and profile they were made for.</summary>
public sealed class AwsClients(IAmazonEC2 ec2, IAmazonSimpleSystemsManagement ssm, RegionEndpoint region, string? profile) : IDisposable
{
    public IAmazonEC2 Ec2 { get; } = ec2;
    public IAmazonSimpleSystemsManagement Ssm { get; } = ssm;
    public RegionEndpoint Region { get; } = region;
    /// <summary>The shared-config profile in use, or null (environment, container, instance metadata).</summary>
    public string? Profile { get; } = profile;

    public void Dispose()
    {
        Ec2.Dispose();
        Ssm.Dispose();
    }
}
