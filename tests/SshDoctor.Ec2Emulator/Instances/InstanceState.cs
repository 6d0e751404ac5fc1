namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>EC2's instance states and their codes (the low byte of InstanceState.Code).</summary>
public enum InstanceState { Pending = 0, Running = 16, ShuttingDown = 32, Terminated = 48, Stopping = 64, Stopped = 80 }

public static class InstanceStateNames
{
    public static string Name(this InstanceState s) => s switch
    {
        InstanceState.Pending => "pending",
        InstanceState.Running => "running",
        InstanceState.ShuttingDown => "shutting-down",
        InstanceState.Terminated => "terminated",
        InstanceState.Stopping => "stopping",
        _ => "stopped",
    };
}
