using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Aws.Clients;
using SshDoctor.Core.Repair;

namespace SshDoctor.Aws.Repair;

/// <summary>
/// Runs the repair script on the instance through SSM Run Command (AWS-RunShellScript, as root) and reads its report
/// from GetCommandInvocation. SSM keeps at most 24,000 characters of standard output: when the numbered report lines
/// show that some are missing, the script's `report RUN-ID FROM` mode is sent for the rest, until the report is
/// complete — a cut report is never taken for a whole one.
/// </summary>
public sealed partial class SsmScriptRunner(IAmazonSimpleSystemsManagement ssm, string instanceId, Ec2FixTiming timing, Action<FixEvent> progress)
{
    public const int OutputLimit = 24_000;

    /// <summary>Is the instance's SSM agent online (DescribeInstanceInformation)?</summary>
    public async Task<bool> OnlineAsync(CancellationToken ct)
    {
        var r = await AwsCall.Run("ssm:DescribeInstanceInformation", c => ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest
        {
            Filters = [new InstanceInformationStringFilter { Key = "InstanceIds", Values = [instanceId] }],
        }, c), ct).ConfigureAwait(false);
        return r.InstanceInformationList?.Any(i => i.InstanceId == instanceId && i.PingStatus == PingStatus.Online) == true;
    }

    public async Task<string> SendAsync(string script, string comment, CancellationToken ct)
    {
        var r = await AwsCall.Run("ssm:SendCommand", c => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript",
            InstanceIds = [instanceId],
            Comment = Trim(comment),
            TimeoutSeconds = 600,
            Parameters = new Dictionary<string, List<string>> { ["commands"] = [script], ["executionTimeout"] = ["600"] },
        }, c), ct).ConfigureAwait(false);
        return r.Command?.CommandId ?? throw new Ec2FixException("ec2fix.err.ssm_no_command");
    }

    /// <summary>The command an earlier (killed) run sent with <paramref name="comment"/>, if SSM lists it.</summary>
    public async Task<string?> FindAsync(string comment, CancellationToken ct)
    {
        var r = await AwsCall.Run("ssm:ListCommandInvocations", c => ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest
        {
            InstanceId = instanceId,
        }, c), ct).ConfigureAwait(false);
        return r.CommandInvocations?.Where(i => i.Comment == Trim(comment)).OrderByDescending(i => i.RequestedDateTime).FirstOrDefault()?.CommandId;
    }

    private static string Trim(string comment) => comment.Length > 100 ? comment[..100] : comment;

    /// <summary>Polls until the invocation ends; returns its standard output (what SSM kept of it).</summary>
    public async Task<string> WaitAsync(string commandId, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            GetCommandInvocationResponse? r = null;
            try
            {
                r = await AwsCall.Run("ssm:GetCommandInvocation", c => ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest
                {
                    CommandId = commandId, InstanceId = instanceId,
                }, c), ct).ConfigureAwait(false);
            }
            catch (AwsCallException e) when (e.Failure.Code == "InvocationDoesNotExist" && clock.Elapsed < TimeSpan.FromSeconds(30))
            {
                // right after SendCommand the invocation may not be visible yet
            }
            var status = r?.Status?.Value;
            if (status is "Success" or "Failed") return r!.StandardOutputContent ?? "";
            if (status is "TimedOut" or "Cancelled" or "Cancelling" or "Undeliverable" or "Terminated" or "DeliveryTimedOut" or "ExecutionTimedOut")
                throw new Ec2FixException("ec2fix.err.ssm_status", ("command", commandId), ("status", status), ("detail", r!.StandardErrorContent ?? ""));
            if (clock.Elapsed > timing.ReportTimeout)
                throw new Ec2FixException("ec2fix.err.ssm_timeout", ("command", commandId),
                    ("seconds", ((int)timing.ReportTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)));
            progress(new FixEvent("ec2fix.progress.ssm", ("command", commandId), ("status", status ?? "Pending"),
                ("seconds", ((int)clock.Elapsed.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture))));
            await Task.Delay(timing.Poll, ct).ConfigureAwait(false);
        }
    }

    /// <summary>The report of run <paramref name="runId"/> in <paramref name="output"/>, completed with `report` commands
    /// when lines are missing. <paramref name="user"/> fills the script's user (unused by the report mode).</summary>
    public async Task<(RepairReport Report, string Output)> CompleteAsync(string output, string runId, string mode, string user, CancellationToken ct)
    {
        var all = output;
        var report = RepairReport.Parse(all, runId, mode);
        for (var round = 0; round < 50 && !report.Complete; round++)
        {
            // only the repair mode stores its lines on the instance; an incomplete undo report is final
            if (mode != "repair") break;
            var from = report.FirstMissing();
            progress(new FixEvent("ec2fix.progress.ssm_more", ("from", from.ToString(System.Globalization.CultureInfo.InvariantCulture))));
            var id = await SendAsync(UserdataDocument.Compact(UserdataDocument.Script(user, null, "report", runId,
                from.ToString(System.Globalization.CultureInfo.InvariantCulture))), "sshdoctor report " + runId, ct).ConfigureAwait(false);
            var more = await WaitAsync(id, ct).ConfigureAwait(false);
            if (NotFound().IsMatch(more)) break;
            all += "\n" + more;
            var next = RepairReport.Parse(all, runId, mode);
            if (next.Actions.Count == report.Actions.Count && (next.Final is null) == (report.Final is null)) break; // no progress
            report = next;
        }
        return (report, all);
    }

    [GeneratedRegex("\"result\":\"not_found\"")]
    private static partial Regex NotFound();
}
