using EmuState = SshDoctor.Ec2Emulator.Instances.InstanceState;
using System.Net;
using Amazon.EC2;
using SshDoctor.Lab.Harness;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Ec2Emulator.Instances;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>Faults of the EMULATOR (not AWS) arrive as the SDK's own exceptions, with EC2's and SSM's codes.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorFaultTests
{
    [LabFact]
    public async Task An_IAM_deny_names_the_action_for_EC2_and_for_SSM()
    {
        using var emu = Emulator.Start();
        emu.MainKeyPair();
        emu.Faults.Deny("ec2:DescribeKeyPairs");
        emu.Faults.Deny("ssm:DescribeInstanceInformation");
        using var ec2 = EmulatorLab.Ec2(emu);
        using var ssm = EmulatorLab.Ssm(emu);
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest()));
        Assert.Equal("UnauthorizedOperation", e.ErrorCode);
        Assert.Equal(HttpStatusCode.Forbidden, e.StatusCode);
        Assert.Contains("is not authorized to perform: ec2:DescribeKeyPairs", e.Message);
        Assert.NotEmpty(e.RequestId);
        await ec2.DescribeImagesAsync(new DescribeImagesRequest()); // only that action is denied

        var s = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest()));
        Assert.Equal("AccessDeniedException", s.ErrorCode);
        Assert.Contains("ssm:DescribeInstanceInformation", s.Message);

        emu.Faults.Allow("ec2:DescribeKeyPairs");
        Assert.Single((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs);
    }

    [LabFact]
    public async Task Throttling_lasts_N_calls_and_the_SDK_retries_it_when_allowed()
    {
        using var emu = Emulator.Start();
        using var ec2 = EmulatorLab.Ec2(emu);
        using var ssm = EmulatorLab.Ssm(emu);
        emu.Faults.Throttle("ec2:DescribeImages", 1);
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeImagesAsync(new DescribeImagesRequest()));
        Assert.Equal("RequestLimitExceeded", e.ErrorCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, e.StatusCode);
        await ec2.DescribeImagesAsync(new DescribeImagesRequest());

        emu.Faults.Throttle("ssm:DescribeInstanceInformation", 1);
        // The SDK makes its typed ThrottlingException only for operations whose model lists it; these operations' is the
        // service exception with the code (what SSM's own throttling gives the SDK too).
        var t = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest()));
        Assert.Equal("ThrottlingException", t.ErrorCode);
        Assert.Equal("Rate exceeded", t.Message);

        // With retries the SDK rides out two throttled calls by itself: proof the code is one it treats as throttling.
        using var patient = EmulatorLab.Ec2(emu, maxErrorRetry: 3);
        emu.Faults.Throttle("ec2:DescribeImages", 2);
        await patient.DescribeImagesAsync(new DescribeImagesRequest());
        Assert.Equal(0, emu.Faults.ThrottledCallsLeft("ec2:DescribeImages"));
        using var patientSsm = EmulatorLab.Ssm(emu, maxErrorRetry: 3);
        emu.Faults.Throttle("ssm:DescribeInstanceInformation", 2);
        await patientSsm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        Assert.Equal(0, emu.Faults.ThrottledCallsLeft("ssm:DescribeInstanceInformation"));
    }

    [LabFact]
    public async Task An_instance_that_never_comes_back_stays_pending_and_an_offline_agent_refuses_commands()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("never running");
        var instance = emu.Launch(tree).Running();
        using var ec2 = EmulatorLab.Ec2(emu);
        using var ssm = EmulatorLab.Ssm(emu);

        emu.Faults.AgentOffline(instance.InstanceId);
        var info = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        Assert.Equal(PingStatus.ConnectionLost, Assert.Single(info.InstanceInformationList).PingStatus);
        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            InstanceIds = [instance.InstanceId], DocumentName = "AWS-RunShellScript",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["true"] },
        }));

        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        emu.Faults.NeverRunning(instance.InstanceId);
        await ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instance.InstanceId] });
        await Task.Delay(emu.Options.StartDelay * 5);
        var state = (await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] })).Reservations[0].Instances[0].State;
        Assert.Equal("pending", state.Name.Value);
        Assert.Equal(0, state.Code);
        Assert.NotEqual(0, EmulatorLab.Ssh(instance.PrivateIpAddress, "admin", LabKeys.Main).Exit);
        var refused = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] }));
        Assert.Equal("IncorrectInstanceState", refused.ErrorCode);
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId], Force = true });
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
    }

    [LabFact]
    public async Task Unknown_ids_and_actions_get_EC2s_error_codes()
    {
        using var emu = Emulator.Start();
        using var ec2 = EmulatorLab.Ec2(emu);
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        Assert.Equal("InvalidInstanceID.NotFound", e.ErrorCode);
        e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["nope"] }));
        Assert.Equal("InvalidKeyPair.NotFound", e.ErrorCode);
        e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Amazon.EC2.Model.Filter("no-such-filter", ["x"])] }));
        Assert.Equal("InvalidParameterValue", e.ErrorCode);
        e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.RebootInstancesAsync(new RebootInstancesRequest { InstanceIds = ["i-0123456789abcdef0"] }));
        Assert.Equal("InvalidAction", e.ErrorCode);
    }

    [LabFact]
    public async Task A_deny_of_a_changing_action_names_the_instance_and_carries_an_encoded_message()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("deny stop");
        var instance = emu.Launch(tree).Running();
        emu.Faults.Deny("ec2:StopInstances");
        emu.Faults.Deny("ssm:SendCommand");
        using var ec2 = EmulatorLab.Ec2(emu);
        using var ssm = EmulatorLab.Ssm(emu);
        var e = await Assert.ThrowsAsync<AmazonEC2Exception>(() => ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instance.InstanceId] }));
        Assert.Equal("UnauthorizedOperation", e.ErrorCode);
        Assert.Contains($"perform: ec2:StopInstances on resource: arn:aws:ec2:us-east-1:{emu.Options.AccountId}:instance/{instance.InstanceId}", e.Message);
        Assert.Contains("Encoded authorization failure message: ", e.Message);
        Assert.Equal(EmuState.Running, instance.State);
        var s = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            InstanceIds = [instance.InstanceId], DocumentName = "AWS-RunShellScript",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["touch /root/must-not-run"] },
        }));
        Assert.Equal("AccessDeniedException", s.ErrorCode);
        Assert.Contains($"ssm:SendCommand on resource: arn:aws:ec2:us-east-1:{emu.Options.AccountId}:instance/{instance.InstanceId}", s.Message);
        await Task.Delay(500);
        Assert.False(File.Exists(tree.HostPath("/root/must-not-run")));
    }
}
