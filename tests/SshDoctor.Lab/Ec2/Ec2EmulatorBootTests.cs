using Amazon.EC2.Model;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>The EC2 EMULATOR (not AWS): a launched instance is served by the real sshd at its address and boots with cloud-init's final stage.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorBootTests(ITestOutputHelper output)
{
    [LabFact]
    public async Task Launched_instance_is_running_reachable_with_the_launch_key_and_prints_the_fingerprint_table()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("boot");
        emu.MainKeyPair();
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { KeyName = "lab-main" }).Booted();
        output.WriteLine(instance.ConsoleLog);
        using var ec2 = EmulatorLab.Ec2(emu);
        var described = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] });
        var i = Assert.Single(Assert.Single(described.Reservations).Instances);
        Assert.Equal("running", i.State.Name.Value);
        Assert.Equal("lab-main", i.KeyName);
        Assert.Equal(instance.PublicIpAddress, i.PublicIpAddress);
        var (exit, text) = EmulatorLab.Ssh(i.PublicIpAddress, "admin", LabKeys.Main);
        Assert.True(exit == 0, text + "\n" + instance.SshdLog);
        Assert.Contains("Accepted publickey for admin", instance.SshdLog);
        Assert.Contains("Authorized keys from /home/admin/.ssh/authorized_keys for user admin", instance.ConsoleLog);
    }
}

/// <summary>A broken sshd_config: the instance still runs (the machine is up), sshd does not listen, the console still has cloud-init.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorBrokenSshdTests
{
    [LabFact]
    public void An_instance_whose_sshd_cannot_start_runs_and_refuses_connections()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("broken sshd_config");
        tree.Config("NoSuchKeyword yes");
        var instance = emu.Launch(tree).Booted();
        Assert.Contains("Bad configuration option", instance.SshdLog);
        var (exit, text) = EmulatorLab.Ssh(instance.PublicIpAddress!, "admin", LabKeys.Main);
        Assert.NotEqual(0, exit);
        Assert.Contains("Connection refused", text);
        Assert.Contains("Authorized keys from /home/admin/.ssh/authorized_keys", instance.ConsoleLog);
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection
{
    public const string Name = "ec2 emulator (real sshd in namespaces)";
}
