using Amazon.EC2;
using Amazon.EC2.Model;
using SshDoctor.Aws.Clients;

namespace SshDoctor.Aws.Repair;

/// <summary>Stops and starts the instance and waits, bounded, for the state it asked for (pending/stopping in between).</summary>
public sealed class InstancePower(IAmazonEC2 ec2, string instanceId, Ec2FixTiming timing, Action<FixEvent> progress)
{
    public async Task StopAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        if (state != "stopped" && state != "stopping")
            await AwsCall.Run("ec2:StopInstances", c => ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [instanceId] }, c), ct).ConfigureAwait(false);
        await WaitAsync("stopped", ct).ConfigureAwait(false);
    }

    public async Task StartAsync(CancellationToken ct)
    {
        var state = await StateAsync(ct).ConfigureAwait(false);
        if (state == "stopping") state = await WaitAsync("stopped", ct).ConfigureAwait(false);
        if (state != "running" && state != "pending")
            await AwsCall.Run("ec2:StartInstances", c => ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [instanceId] }, c), ct).ConfigureAwait(false);
        await WaitAsync("running", ct).ConfigureAwait(false);
    }

    public async Task<string> StateAsync(CancellationToken ct)
    {
        var r = await AwsCall.Run("ec2:DescribeInstances",
            c => ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instanceId] }, c), ct).ConfigureAwait(false);
        return r.Reservations?.SelectMany(x => x.Instances ?? []).FirstOrDefault()?.State?.Name?.Value ?? "unknown";
    }

    private async Task<string> WaitAsync(string wanted, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            var state = await StateAsync(ct).ConfigureAwait(false);
            if (state == wanted) return state;
            if (state is "terminated" or "shutting-down")
                throw new Ec2FixException("ec2fix.err.terminated", ("instance", instanceId));
            if (clock.Elapsed > timing.StateTimeout)
                throw new Ec2FixException("ec2fix.err.state_timeout", ("instance", instanceId), ("state", wanted), ("now", state),
                    ("seconds", ((int)timing.StateTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            progress(new FixEvent("ec2fix.progress.waiting_state", ("state", wanted), ("now", state),
                ("seconds", ((int)clock.Elapsed.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            await Task.Delay(timing.Poll, ct).ConfigureAwait(false);
        }
    }
}
