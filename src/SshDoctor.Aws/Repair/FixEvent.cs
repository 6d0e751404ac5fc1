namespace SshDoctor.Aws.Repair;

/// <summary>A step or progress note of a fix run: a text ID (Texts.Ec2Fix) and its arguments; the CLI localizes it.</summary>
public sealed record FixEvent(string TextId, params (string Name, string Value)[] Args);

/// <summary>A fix run cannot go on: the text ID says why (the journal keeps what was done; exit 3 unless Usage).</summary>
public sealed class Ec2FixException(string textId, params (string Name, string Value)[] args) : Exception(textId)
{
    public string TextId { get; } = textId;
    public (string Name, string Value)[] Args { get; } = args;
    /// <summary>Bad input (exit 2) rather than "could not finish" (exit 3).</summary>
    public bool Usage { get; init; }
}

/// <summary>How long to wait for a state, a report, an SSM command, and how often to look (tests shorten them).</summary>
public sealed record Ec2FixTiming(TimeSpan StateTimeout, TimeSpan ReportTimeout, TimeSpan Poll)
{
    public static Ec2FixTiming Default => FromEnvironment(new(TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(5)));

    /// <summary>SSHDOCTOR_EC2_STATE_TIMEOUT, SSHDOCTOR_EC2_REPORT_TIMEOUT, SSHDOCTOR_EC2_POLL (seconds, decimals allowed).</summary>
    public static Ec2FixTiming FromEnvironment(Ec2FixTiming d) => new(
        Seconds("SSHDOCTOR_EC2_STATE_TIMEOUT") ?? d.StateTimeout, Seconds("SSHDOCTOR_EC2_REPORT_TIMEOUT") ?? d.ReportTimeout,
        Seconds("SSHDOCTOR_EC2_POLL") ?? d.Poll);

    private static TimeSpan? Seconds(string name) =>
        double.TryParse(Environment.GetEnvironmentVariable(name), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s) : null;
}
