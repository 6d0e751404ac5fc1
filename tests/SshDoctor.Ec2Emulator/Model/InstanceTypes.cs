namespace SshDoctor.Ec2Emulator.Model;

/// <summary>
/// The instance types the emulator knows, with what DescribeInstanceTypes says about them (from the EC2 instance
/// type pages): the hypervisor (the serial console needs "nitro"), instance store, architecture, size.
/// </summary>
public sealed record InstanceTypeInfo(string Name, string Hypervisor, int VCpus, int MemoryMiB, string Architecture, int InstanceStoreGb = 0, string InstanceStoreType = "ssd")
{
    public static readonly IReadOnlyList<InstanceTypeInfo> All =
    [
        new("t2.micro", "xen", 1, 1024, "x86_64"),
        new("t3.micro", "nitro", 2, 1024, "x86_64"),
        new("t3.small", "nitro", 2, 2048, "x86_64"),
        new("t4g.micro", "nitro", 2, 1024, "arm64"),
        new("m5.large", "nitro", 2, 8192, "x86_64"),
        new("m5d.large", "nitro", 2, 8192, "x86_64", 75),
        new("c4.large", "xen", 2, 3840, "x86_64"),
        new("m3.medium", "xen", 1, 3840, "x86_64", 4),
        new("i3.large", "xen", 2, 15616, "x86_64", 475),
    ];

    public static InstanceTypeInfo Get(string name) =>
        All.FirstOrDefault(t => t.Name == name) ?? throw new ArgumentException($"the emulator does not know instance type {name}");
}
