using System.Text;
using Amazon.EC2;
using Amazon.EC2.Model;
using SshDoctor.Aws.Clients;
using SshDoctor.Core.Repair;

namespace SshDoctor.Aws.Repair;

/// <summary>
/// Waits for the repair script's summary line of one run on the instance's console output (GetConsoleOutput, the
/// latest output where the instance type allows it), with progress while waiting and a bounded wait.
/// </summary>
public sealed class ConsoleReportWaiter(IAmazonEC2 ec2, string instanceId, Ec2FixTiming timing, Action<FixEvent> progress)
{
    public async Task<RepairReport> WaitAsync(string runId, string mode, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var latest = true;
        while (true)
        {
            string text;
            try
            {
                text = await ReadAsync(latest, ct).ConfigureAwait(false);
            }
            catch (AwsCallException e) when (latest && e.Failure.Kind == AwsFailureKind.Service)
            {
                latest = false; // older instance types keep only the last boot's buffered output
                continue;
            }
            var report = RepairReport.Parse(text, runId, mode);
            if (report.Final is not null) return report;
            if (clock.Elapsed > timing.ReportTimeout)
                throw new Ec2FixException("ec2fix.err.report_timeout", ("instance", instanceId), ("run", runId),
                    ("seconds", ((int)timing.ReportTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            progress(new FixEvent("ec2fix.progress.console", ("instance", instanceId), ("lines", report.Actions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("seconds", ((int)clock.Elapsed.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            await Task.Delay(timing.Poll, ct).ConfigureAwait(false);
        }
    }

    private async Task<string> ReadAsync(bool latest, CancellationToken ct)
    {
        var r = await AwsCall.Run("ec2:GetConsoleOutput",
            c => ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = instanceId, Latest = latest ? true : null }, c), ct).ConfigureAwait(false);
        if (string.IsNullOrEmpty(r.Output)) return "";
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(r.Output)); }
        catch (FormatException) { return r.Output; }
    }
}
