using EmuState = SshDoctor.Ec2Emulator.Instances.InstanceState;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>The SSM side of the EMULATOR (not AWS): agent registration, SendCommand run as root inside the instance, SSM's limits.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorSsmTests(ITestOutputHelper output)
{
    private static async Task<GetCommandInvocationResponse> Finished(AmazonSimpleSystemsManagementClient ssm, string commandId, string instanceId, List<string>? seen = null)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                var r = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId });
                if (seen is not null && (seen.Count == 0 || seen[^1] != r.Status.Value)) seen.Add(r.Status.Value);
                if (r.Status != CommandInvocationStatus.Pending && r.Status != CommandInvocationStatus.InProgress) return r;
            }
            catch (InvocationDoesNotExistException) { seen?.Add("InvocationDoesNotExist"); }
            if (DateTime.UtcNow > deadline) throw new TimeoutException("the command did not finish");
            await Task.Delay(20);
        }
    }

    private static Task<SendCommandResponse> Send(AmazonSimpleSystemsManagementClient ssm, string instanceId, params string[] commands) =>
        ssm.SendCommandAsync(new SendCommandRequest
        {
            InstanceIds = [instanceId], DocumentName = "AWS-RunShellScript",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = [.. commands], ["executionTimeout"] = ["20"] },
        });

    [LabFact]
    public async Task The_agent_is_online_while_running_and_connection_lost_when_stopped()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm ping");
        using var tree2 = EmulatorLab.InstanceTree("ssm no agent");
        var instance = emu.Launch(tree).Running();
        var noAgent = emu.Launch(tree2, new InstanceSpec(tree2.Root) { SsmAgent = false }).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        var info = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        var one = Assert.Single(info.InstanceInformationList);
        Assert.Equal(instance.InstanceId, one.InstanceId);
        Assert.Equal(PingStatus.Online, one.PingStatus);
        Assert.Equal("Debian GNU/Linux", one.PlatformName);
        Assert.DoesNotContain(info.InstanceInformationList, i => i.InstanceId == noAgent.InstanceId);

        var filtered = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [instance.InstanceId] }],
        });
        Assert.Single(filtered.InstanceInformationList);

        using var ec2 = EmulatorLab.Ec2(emu);
        await ec2.StopInstancesAsync(new Amazon.EC2.Model.StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        info = await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest());
        Assert.Equal(PingStatus.ConnectionLost, Assert.Single(info.InstanceInformationList).PingStatus);
        await Assert.ThrowsAsync<InvalidInstanceIdException>(() => Send(ssm, instance.InstanceId, "true"));
    }

    [LabFact]
    public async Task SendCommand_runs_as_root_inside_the_instance_and_reports_its_exit_code()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm run");
        var instance = emu.Launch(tree).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        // the sleep keeps the command InProgress long enough for a poll to see it on a loaded machine
        var sent = await Send(ssm, instance.InstanceId, "sleep 0.5", "id -u", "getent passwd admin | cut -d: -f6", "ip -4 -o addr show | grep -c " + instance.PrivateIpAddress,
            "echo from-ssm > /root/ssm-proof", "echo to-stderr >&2");
        Assert.Equal(CommandStatus.Pending, sent.Command.Status);
        var seen = new List<string>();
        var r = await Finished(ssm, sent.Command.CommandId, instance.InstanceId, seen);
        output.WriteLine($"statuses: {string.Join(" → ", seen)}\nstdout:\n{r.StandardOutputContent}\nstderr:\n{r.StandardErrorContent}");
        Assert.Equal(CommandInvocationStatus.Success, r.Status);
        Assert.Contains("InProgress", seen);
        Assert.Equal(0, r.ResponseCode);
        Assert.Equal("0\n/home/admin\n1\n", r.StandardOutputContent);
        Assert.Equal("to-stderr\n", r.StandardErrorContent);
        Assert.Equal("from-ssm\n", File.ReadAllText(tree.HostPath("/root/ssm-proof")));
        Assert.False(File.Exists("/root/ssm-proof"), "the command wrote on the host");

        var failed = await Finished(ssm, (await Send(ssm, instance.InstanceId, "echo partial", "exit 7")).Command.CommandId, instance.InstanceId);
        Assert.Equal(CommandInvocationStatus.Failed, failed.Status);
        Assert.Equal(7, failed.ResponseCode);
        Assert.Equal("partial\n", failed.StandardOutputContent);

        var list = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { InstanceId = instance.InstanceId, Details = true });
        Assert.Equal(2, list.CommandInvocations.Count);
        Assert.Equal(7, list.CommandInvocations[0].CommandPlugins[0].ResponseCode);
    }

    [LabFact]
    public async Task Output_is_cut_at_24000_characters_like_SSM_and_a_long_command_times_out()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm limits");
        var instance = emu.Launch(tree).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        // 30,000 characters: 3,000 lines of "NNNNNNNNN\n".
        var r = await Finished(ssm, (await Send(ssm, instance.InstanceId, "seq -w 100000001 100003000", "seq -w 100000001 100003000 >&2")).Command.CommandId, instance.InstanceId);
        Assert.Equal(CommandInvocationStatus.Success, r.Status);
        Assert.Equal(24000, r.StandardOutputContent.Length);
        Assert.Equal(24000, r.StandardErrorContent.Length);
        Assert.StartsWith("100000001\n100000002\n", r.StandardOutputContent);
        Assert.EndsWith("\n100002400\n", r.StandardOutputContent);

        var slow = await ssm.SendCommandAsync(new SendCommandRequest
        {
            InstanceIds = [instance.InstanceId], DocumentName = "AWS-RunShellScript",
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["echo started", "sleep 30"], ["executionTimeout"] = ["2"] },
        });
        var timedOut = await Finished(ssm, slow.Command.CommandId, instance.InstanceId);
        Assert.Equal(CommandInvocationStatus.TimedOut, timedOut.Status);
        Assert.Equal("ExecutionTimedOut", timedOut.StatusDetails);
        Assert.Equal("started\n", timedOut.StandardOutputContent);

        await Assert.ThrowsAsync<InvocationDoesNotExistException>(() =>
            ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = Guid.NewGuid().ToString(), InstanceId = instance.InstanceId }));
    }

    [LabFact]
    public async Task Commands_run_like_under_the_SSM_agent_from_its_orchestration_directory_without_HOME()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm environment");
        var instance = emu.Launch(tree).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        var sent = await Send(ssm, instance.InstanceId, "pwd", "ls", "echo \"HOME=${HOME-unset}\"");
        var r = await Finished(ssm, sent.Command.CommandId, instance.InstanceId);
        Assert.Equal($"/var/lib/amazon/ssm/{instance.InstanceId}/document/orchestration/{sent.Command.CommandId}/awsrunShellScript/0.awsrunShellScript\n_script.sh\nHOME=unset\n",
            r.StandardOutputContent);
    }

    [LabFact]
    public async Task A_stop_during_a_command_ends_it_as_undeliverable()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm stop during command");
        var instance = emu.Launch(tree).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        using var ec2 = EmulatorLab.Ec2(emu);
        var sent = await Send(ssm, instance.InstanceId, "echo started", "sleep 15", "touch /root/after-the-stop");
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = sent.Command.CommandId, InstanceId = instance.InstanceId })).Status != CommandInvocationStatus.InProgress
               && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        await ec2.StopInstancesAsync(new Amazon.EC2.Model.StopInstancesRequest { InstanceIds = [instance.InstanceId] });
        var r = await Finished(ssm, sent.Command.CommandId, instance.InstanceId);
        Assert.Equal(CommandInvocationStatus.Failed, r.Status);
        Assert.Equal("Undeliverable", r.StatusDetails);
        Assert.Equal(-1, r.ResponseCode);
        Assert.True(instance.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        Assert.False(File.Exists(tree.HostPath("/root/after-the-stop")));
    }
}
