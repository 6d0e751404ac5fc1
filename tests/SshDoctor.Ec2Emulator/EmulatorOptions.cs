namespace SshDoctor.Ec2Emulator;

/// <summary>How the emulator behaves: the account, region and the delays of its state transitions.</summary>
public sealed record EmulatorOptions
{
    public string AccountId { get; init; } = "123456789012";
    public string Region { get; init; } = "us-east-1";
    public string AvailabilityZone { get; init; } = "us-east-1a";
    /// <summary>pending → running at least this long after a start (EC2: tens of seconds).</summary>
    public TimeSpan StartDelay { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>stopping → stopped at least this long after a stop.</summary>
    public TimeSpan StopDelay { get; init; } = TimeSpan.FromMilliseconds(300);
    /// <summary>An SSM command stays Pending this long before it is InProgress.</summary>
    public TimeSpan CommandDeliveryDelay { get; init; } = TimeSpan.FromMilliseconds(100);
    /// <summary>The account's EC2 serial console access setting.</summary>
    public bool SerialConsoleAccessEnabled { get; init; }
}
