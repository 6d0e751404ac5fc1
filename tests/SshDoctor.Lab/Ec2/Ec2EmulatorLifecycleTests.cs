using EmuState = SshDoctor.Ec2Emulator.Instances.InstanceState;
using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

using static SshDoctor.Lab.Ec2.Ec2Sdk;

namespace SshDoctor.Lab.Ec2;

/// <summary>The EC2 EMULATOR (not AWS): stop/start through their states, addresses, user data only when stopped, status checks.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorLifecycleTests(ITestOutputHelper output)
{
    private static async Task<Instance> Describe(AmazonEC2Client ec2, string id) =>
        (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [id] })).Reservations[0].Instances[0];

    /// <summary>Polls DescribeInstances until STATE (bounded), recording every state seen.</summary>
    private static async Task<List<string>> Until(AmazonEC2Client ec2, string id, string state)
    {
        var seen = new List<string>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var s = (await Describe(ec2, id)).State.Name.Value;
            if (seen.Count == 0 || seen[^1] != s) seen.Add(s);
            if (s == state) return seen;
            await Task.Delay(25);
        }
        throw new Xunit.Sdk.XunitException($"{id} never reached {state}; saw {string.Join(" → ", seen)}");
    }

    [LabFact]
    public async Task Stop_and_start_go_through_their_states_and_a_stop_loses_the_public_address_but_not_the_private_one()
    {
        using var emu = Emulator.Start(new EmulatorOptions { StartDelay = TimeSpan.FromMilliseconds(400), StopDelay = TimeSpan.FromMilliseconds(400) });
        using var tree = EmulatorLab.InstanceTree("stop start");
        var instance = emu.Launch(tree).Running();
        using var ec2 = EmulatorLab.Ec2(emu);
        var before = await Describe(ec2, instance.InstanceId);
        Assert.NotNull(before.PublicIpAddress);

        var stop = await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        var change = Assert.Single(stop.StoppingInstances);
        Assert.Equal(("running", "stopping"), (change.PreviousState.Name.Value, change.CurrentState.Name.Value));
        Assert.Equal(["stopping", "stopped"], await Until(ec2, instance.InstanceId, "stopped"));
        var stopped = await Describe(ec2, instance.InstanceId);
        Assert.Null(stopped.PublicIpAddress);
        Assert.Equal(before.PrivateIpAddress, stopped.PrivateIpAddress);
        Assert.Equal("Client.UserInitiatedShutdown", stopped.StateReason.Code);
        Assert.NotEqual(0, EmulatorLab.Ssh(before.PrivateIpAddress, "admin", LabKeys.Main).Exit); // nothing listens any more

        var start = await ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.Equal(("stopped", "pending"), (start.StartingInstances[0].PreviousState.Name.Value, start.StartingInstances[0].CurrentState.Name.Value));
        Assert.Equal(["pending", "running"], await Until(ec2, instance.InstanceId, "running"));
        var after = await Describe(ec2, instance.InstanceId);
        output.WriteLine($"public before {before.PublicIpAddress}, after {after.PublicIpAddress}; private {after.PrivateIpAddress}");
        Assert.NotNull(after.PublicIpAddress);
        Assert.NotEqual(before.PublicIpAddress, after.PublicIpAddress);
        Assert.Equal(before.PrivateIpAddress, after.PrivateIpAddress);
        var (exit, text) = EmulatorLab.Ssh(after.PublicIpAddress, "admin", LabKeys.Main);
        Assert.True(exit == 0, text + instance.SshdLog);
        Assert.Equal(2, instance.Boots);
    }

    [LabFact]
    public async Task An_elastic_ip_survives_the_stop()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("eip");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { ElasticIp = true }).Running();
        using var ec2 = EmulatorLab.Ec2(emu);
        var address = (await Describe(ec2, instance.InstanceId)).PublicIpAddress;
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        await Until(ec2, instance.InstanceId, "stopped");
        var stopped = await Describe(ec2, instance.InstanceId);
        Assert.Equal(address, stopped.PublicIpAddress);
        Assert.Equal(emu.Options.AccountId, stopped.NetworkInterfaces[0].Association.IpOwnerId);
        await ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] });
        await Until(ec2, instance.InstanceId, "running");
        Assert.Equal(address, (await Describe(ec2, instance.InstanceId)).PublicIpAddress);
        Assert.Equal(0, EmulatorLab.Ssh(address, "admin", LabKeys.Main).Exit);
    }

    [LabFact]
    public async Task User_data_changes_only_when_stopped_and_comes_back_byte_for_byte()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("userdata attribute");
        var original = Encoding.UTF8.GetBytes("#!/bin/sh\necho original\n");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { UserData = original }).Running();
        using var ec2 = EmulatorLab.Ec2(emu);
        var attr = await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instance.InstanceId, Attribute = "userData" });
        Assert.Equal(original, Convert.FromBase64String(attr.InstanceAttribute.UserData));

        byte[] replacement = [.. Encoding.UTF8.GetBytes("#!/bin/sh\necho replaced \u00e9\n"), 0x00, 0xff, 0x80];
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.ModifyInstanceAttributeAsync(
            new ModifyInstanceAttributeRequest { InstanceId = instance.InstanceId, UserData = Blob(replacement) }));
        Assert.Equal("IncorrectInstanceState", refused.ErrorCode);
        Assert.Contains("not in the 'stopped' state", refused.Message);
        Assert.Equal(original, instance.UserData);

        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instance.InstanceId, UserData = Blob(replacement) });
        Assert.Equal(replacement, instance.UserData);
        attr = await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest { InstanceId = instance.InstanceId, Attribute = "userData" });
        Assert.Equal(replacement, Convert.FromBase64String(attr.InstanceAttribute.UserData));

        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = instance.InstanceId, UserData = Blob(original) });
        Assert.Equal(original, instance.UserData);
    }

    [LabFact]
    public async Task Start_while_stopping_is_refused_and_status_checks_follow_the_boot()
    {
        using var emu = Emulator.Start(new EmulatorOptions { StopDelay = TimeSpan.FromSeconds(2) });
        using var tree = EmulatorLab.InstanceTree("status");
        var instance = emu.Launch(tree).Booted();
        using var ec2 = EmulatorLab.Ec2(emu);
        var status = Assert.Single((await ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [instance.InstanceId] })).InstanceStatuses);
        Assert.Equal("ok", status.Status.Status.Value);
        Assert.Equal("ok", status.SystemStatus.Status.Value);

        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] }));
        Assert.Equal("IncorrectInstanceState", refused.ErrorCode);
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        var listed = await ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [instance.InstanceId] });
        Assert.Empty(listed.InstanceStatuses ?? []);
        var all = await ec2.DescribeInstanceStatusAsync(new DescribeInstanceStatusRequest { InstanceIds = [instance.InstanceId], IncludeAllInstances = true });
        Assert.Equal("not-applicable", Assert.Single(all.InstanceStatuses).Status.Status.Value);
        var again = await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.Equal(("stopped", "stopped"), (again.StoppingInstances[0].PreviousState.Name.Value, again.StoppingInstances[0].CurrentState.Name.Value));
    }
}
