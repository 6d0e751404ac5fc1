namespace SshDoctor.Ec2Emulator.Model;

/// <summary>An AMI as DescribeImages shows it. <see cref="DefaultUser"/> is the user its cloud-init config creates.</summary>
public sealed record ImageSpec
{
    public string ImageId { get; init; } = "ami-0e0e0e0e0e0e0e0e0";
    public string Name { get; init; } = "debian-12-amd64-20260101-2000";
    public string OwnerId { get; init; } = "136693071363"; // Debian's account
    public string? ImageOwnerAlias { get; init; }
    public string Description { get; init; } = "Debian 12 (20260101-2000)";
    public string PlatformDetails { get; init; } = "Linux/UNIX";
    public string UsageOperation { get; init; } = "RunInstances";
    public string Architecture { get; init; } = "x86_64";
    public string DefaultUser { get; init; } = "admin";
    /// <summary>Marketplace product codes (type "marketplace").</summary>
    public IReadOnlyList<string> ProductCodes { get; init; } = [];
    public bool Public { get; init; } = true;
    public DateTime CreationDate { get; init; } = new(2026, 1, 1, 20, 0, 0, DateTimeKind.Utc);
    /// <summary>Set: the image is deprecated from then (DescribeImages hides it unless IncludeDeprecated or asked by ID).</summary>
    public DateTime? DeprecationTime { get; init; }
    /// <summary>A disabled image: listed only with IncludeDisabled; State "disabled".</summary>
    public bool Disabled { get; init; }
    public string RootDeviceName { get; init; } = "/dev/xvda";
}
