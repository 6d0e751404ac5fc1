namespace SshDoctor.Ec2Emulator.Model;

/// <summary>
/// What a test launches: the lab tree that is the instance's disk (<see cref="Root"/>, a host directory), the image
/// and key pair it was launched with, its network and what runs on it. Launching boots it (first boot, per-instance
/// cloud-init work) unless <see cref="StartStopped"/>.
/// </summary>
public sealed record InstanceSpec(string Root)
{
    public string? InstanceId { get; init; }
    public string? ImageId { get; init; }
    public string? KeyName { get; init; }
    /// <summary>cloud-init's cc_ssh at first boot adds the key pair's public key for the default user (true, as on AWS).</summary>
    public bool InstallKeyPairAtFirstBoot { get; init; } = true;
    /// <summary>The image's default user unless set.</summary>
    public string? DefaultUser { get; init; }
    public string InstanceType { get; init; } = "t3.micro";
    public string? SubnetId { get; init; }
    public IReadOnlyList<string>? SecurityGroupIds { get; init; }
    /// <summary>Instance profile ARN ("arn:aws:iam::ACCOUNT:instance-profile/NAME"), or none.</summary>
    public string? IamInstanceProfileArn { get; init; }
    /// <summary>IMDS: "required" (IMDSv2 only) or "optional".</summary>
    public string HttpTokens { get; init; } = "required";
    public string HttpEndpoint { get; init; } = "enabled";
    /// <summary>An Elastic IP keeps the public address across stop/start; without it a stop releases the address.</summary>
    public bool ElasticIp { get; init; }
    /// <summary>A public address at launch (the subnet's MapPublicIpOnLaunch unless set).</summary>
    public bool? AssociatePublicIp { get; init; }
    /// <summary>The SSM agent is installed and registers when the instance runs (Amazon Linux, Ubuntu: yes; Debian: no).</summary>
    public bool SsmAgent { get; init; } = true;
    /// <summary>
    /// SSM commands get AWS_ENDPOINT_URL = the emulator as the instance reaches it (<see cref="Instances.EmulatedInstance.EmulatorUrl"/>),
    /// so the AWS SDK and CLI inside the instance call the emulator: the one emulator artifact in a command's environment.
    /// </summary>
    public bool EndpointInCommandEnvironment { get; init; }
    /// <summary>More NAME=VALUE for SSM commands' environment, as a drop-in for the agent's service would set (credentials: the emulator has no IMDS).</summary>
    public IReadOnlyDictionary<string, string> CommandEnvironment { get; init; } = new Dictionary<string, string>();
    public byte[] UserData { get; init; } = [];
    public IReadOnlyDictionary<string, string> Tags { get; init; } = new Dictionary<string, string>();
    /// <summary>Adds the tag aws:autoscaling:groupName (the instance is in that Auto Scaling group).</summary>
    public string? AutoScalingGroup { get; init; }
    public bool RootVolumeEncrypted { get; init; }
    public int RootVolumeSizeGiB { get; init; } = 8;
    /// <summary>Added to the instance without booting it (state stopped, never booted: the next start is its first boot).</summary>
    public bool StartStopped { get; init; }
}
