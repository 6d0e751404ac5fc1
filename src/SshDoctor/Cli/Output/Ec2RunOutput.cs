using SshDoctor.Aws.Clients;
using SshDoctor.Aws.Repair;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Text;

namespace SshDoctor.Cli.Output;

/// <summary>
/// What `ec2 fix` and `ec2 undo` print: progress on stderr while they run, then the result (text or one JSON
/// document); AWS and run failures become one clear line (AwsErrorText, as for `ec2`) and exit 3 (2 for bad input), never a stack trace.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Ec2RunOutput(CliIo io, bool json, Messages m, string command, string instance)
{
    public void Progress(FixEvent e)
    {
        io.Err.WriteLine("sshdoctor: " + TerminalText.Escape(Ec2FixRendering.Text(e, m)));
        io.Err.Flush();
    }

    public async Task<int> GuardAsync(Func<AwsClients, Task<int>> body, AwsOptions options)
    {
        AwsClients aws;
        try
        {
            aws = AwsClientFactory.Create(options);
        }
        catch (AwsSetupException e)
        {
            var (exit, id, message) = AwsErrorText.Setup(e, m);
            if (exit == ExitCodes.Usage) throw new UsageException(message, id);
            return Error(exit, id, message);
        }
        using (aws)
        {
            try
            {
                return await body(aws).ConfigureAwait(false);
            }
            catch (AwsCallException e)
            {
                var (exit, id, message) = AwsErrorText.Call(e.Failure, m, instance, aws.Region.SystemName);
                if (exit == ExitCodes.Usage) throw new UsageException(message, id);
                return Error(exit, id, message + " " + m.Get("ec2fix.ui.journal", ("dir", Ec2StateDir.ForInstance(instance))));
            }
            catch (Ec2FixException e)
            {
                var message = m.Get(e.TextId, [.. e.Args.Select(a => (a.Name, TerminalText.Escape(a.Value)))]);
                if (e.Usage) throw new UsageException(message, e.TextId.Replace("ec2fix.err.", "", StringComparison.Ordinal));
                return Error(ExitCodes.Undecided, e.TextId.Replace("ec2fix.err.", "", StringComparison.Ordinal), message);
            }
            catch (InvalidDataException e)
            {
                return Error(ExitCodes.Undecided, "journal", e.Message);
            }
        }
    }

    public int Error(int exit, string id, string message, Ec2FixPlan? plan = null)
    {
        io.Err.WriteLine("sshdoctor: " + TerminalText.Escape(message));
        if (json)
            JsonOut.Write(io.Out, new Ec2FixJson("sshdoctor", 1, command, instance, Via(plan), plan?.User, false, null, "error", message,
                plan is null ? null : Ec2FixRendering.PlanJson(plan, m), null, null, exit) { Error = new ErrorBodyJson(id, message) },
                Ec2FixJsonContext.Relaxed.Ec2FixJson);
        return exit;
    }

    public int Planned(Ec2FixPlan plan)
    {
        if (json)
            JsonOut.Write(io.Out, new Ec2FixJson("sshdoctor", 1, command, instance, Via(plan), plan.User, true, null, "planned", m.Get("ec2fix.ui.dry_run"),
                Ec2FixRendering.PlanJson(plan, m), null, null, ExitCodes.Ok), Ec2FixJsonContext.Relaxed.Ec2FixJson);
        else io.Out.WriteLine(m.Get("ec2fix.ui.dry_run"));
        return ExitCodes.Ok;
    }

    public int Finish(Ec2FixResult r, string? user, Ec2FixPlan? plan, bool dryRun)
    {
        var exit = r.ExitCode;
        if (json)
            JsonOut.Write(io.Out, new Ec2FixJson("sshdoctor", 1, command, instance, r.Via == FixVia.Ssm ? "ssm" : "userdata", user, dryRun, r.RunId, r.Result,
                Ec2FixRendering.ResultText(r, instance, user, m), plan is null ? null : Ec2FixRendering.PlanJson(plan, m), Ec2FixRendering.ReportJson(r.Report),
                r.JournalDirectory, exit), Ec2FixJsonContext.Relaxed.Ec2FixJson);
        else Ec2FixRendering.WriteResult(io.Out, r, instance, user, m);
        return exit;
    }

    private static string Via(Ec2FixPlan? plan) => plan?.Via == FixVia.Ssm ? "ssm" : plan is null ? "" : "userdata";
}
