using System.Collections.Concurrent;
using SshDoctor.Ec2Emulator.Faults;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;

namespace SshDoctor.Ec2Emulator;

/// <summary>Everything the emulated account holds; the EC2 and SSM front ends read and change it.</summary>
internal sealed class EmulatorState(EmulatorOptions options)
{
    public EmulatorOptions Options { get; } = options;
    public FaultPlan Faults { get; } = new();
    public NetworkModel Network { get; } = NetworkModel.CreateDefault(options.AccountId, options.AvailabilityZone);
    public ConcurrentDictionary<string, EmulatedInstance> Instances { get; } = new();
    public ConcurrentDictionary<string, ImageSpec> Images { get; } = new();
    public ConcurrentDictionary<string, KeyPairRecord> KeyPairs { get; } = new();
    public List<string> InstanceOrder { get; } = [];

    public IEnumerable<EmulatedInstance> OrderedInstances
    {
        get { lock (InstanceOrder) return InstanceOrder.Select(id => Instances[id]).ToArray(); }
    }

    public SubnetSpec SubnetOf(EmulatedInstance i) =>
        Network.Subnets.FirstOrDefault(s => s.SubnetId == i.Spec.SubnetId) ?? Network.DefaultSubnet;

    public IEnumerable<SecurityGroupSpec> GroupsOf(EmulatedInstance i)
    {
        var ids = i.Spec.SecurityGroupIds ?? [Network.DefaultSecurityGroup.GroupId];
        return ids.Select(id => Network.SecurityGroups.FirstOrDefault(g => g.GroupId == id)).OfType<SecurityGroupSpec>();
    }
}

/// <summary>A key pair with what DescribeKeyPairs shows: its type, fingerprint and public key line.</summary>
internal sealed record KeyPairRecord(KeyPairSpec Spec, string KeyType, string Fingerprint, string PublicKey);
