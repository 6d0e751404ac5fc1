using SshDoctor.Aws.Clients;
using SshDoctor.Core.Repair;

namespace SshDoctor.Aws.Repair;

/// <summary>
/// `ec2 fix` and `ec2 undo`: the journalled orchestration of one repair through SSM or through a user-data boot.
/// Every API change is announced in the local journal (fsynced) before it is made; the original user data is saved
/// locally before anything changes and is put back byte for byte, by the run itself, by `--resume` or by `undo`.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class Ec2Fixer(AwsClients aws, Ec2FixTiming timing, Action<FixEvent> progress)
{
    /// <summary>A new run id: UTC time first (journals sort by it), then random hex.</summary>
    public static string NewRunId() =>
        "ec2-" + DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture) + "-" +
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(4));

    /// <summary>An earlier run of this instance that is neither complete nor undone (fix --resume or undo first).</summary>
    public static Ec2Journal? Unfinished(string instanceId) =>
        Ec2Journal.Latest(instanceId) is { } j && !j.Has("complete") && !j.Has("undone") ? j : null;

    public async Task<Ec2FixResult> FixAsync(Ec2FixPlan plan, CancellationToken ct)
    {
        var runId = NewRunId();
        var journal = Ec2Journal.Create(plan.InstanceId, runId);
        journal.Append("begin", ("run", runId), ("instance", plan.InstanceId), ("via", plan.Via == FixVia.Ssm ? "ssm" : "userdata"),
            ("user", plan.User), ("key", plan.KeyLine), ("region", aws.Region.SystemName), ("was_running", plan.Facts.Running), ("state", plan.Facts.State));
        return await ContinueAsync(journal, ct).ConfigureAwait(false);
    }

    /// <summary>Completes a run from its journal (after a kill, a timeout, a failed call).</summary>
    public async Task<Ec2FixResult> ContinueAsync(Ec2Journal journal, CancellationToken ct)
    {
        var begin = journal.First("begin") ?? throw new Ec2FixException("ec2fix.err.journal_damaged", ("dir", journal.Directory));
        var instanceId = (string)begin["instance"]!;
        var user = (string)begin["user"]!;
        var key = (string?)begin["key"];
        var wasRunning = (bool?)begin["was_running"] ?? false;
        if ((string?)begin["via"] == "ssm")
        {
            var ssm = new SsmScriptRunner(aws.Ssm, instanceId, timing, progress);
            var report = await RunScriptViaSsm(ssm, journal, "fix", user, key, ["repair", journal.RunId], "repair", ct).ConfigureAwait(false);
            journal.Append("complete", ("result", report.Final?.Result));
            return new Ec2FixResult(journal.RunId, FixVia.Ssm, "repair", report, journal.Directory);
        }

        await SaveOriginalAsync(journal, instanceId, ct).ConfigureAwait(false);
        var cycle = new UserdataCycle(aws.Ec2, journal, instanceId, timing, progress);
        var doc = UserdataCycle.Document(user, key, "repair", journal.RunId);
        var result = await cycle.RunAsync("fix", doc, "repair", wasRunning, ct).ConfigureAwait(false);
        result ??= ReportFromJournal(journal, "fix");
        journal.Append("complete", ("result", result?.Final?.Result));
        return new Ec2FixResult(journal.RunId, FixVia.Userdata, "repair", result, journal.Directory);
    }

    /// <summary>Undoes the newest run of the instance: the tree from the script's backups (through SSM, or a boot with the
    /// undo document) and the user data from the local copy. <paramref name="viaSsm"/>: undo the tree through SSM.</summary>
    public async Task<Ec2FixResult> UndoAsync(string instanceId, bool viaSsm, CancellationToken ct)
    {
        var journal = Ec2Journal.Latest(instanceId) ?? throw new Ec2FixException("ec2fix.err.no_run", ("instance", instanceId)) { Usage = true };
        if (journal.Has("undone"))
            return new Ec2FixResult(journal.RunId, FixVia.Userdata, "undo", null, journal.Directory, NothingToDo: true);
        var begin = journal.First("begin")!;
        var user = (string)begin["user"]!;
        var wasRunning = (bool?)begin["was_running"] ?? false;
        var via = (string?)begin["via"] == "ssm" ? FixVia.Ssm : FixVia.Userdata;
        var fixReport = journal.Entries.LastOrDefault(e => (string?)e["t"] == "report" && (string?)e["phase"] == "fix");
        var fixResult = (string?)fixReport?["result"];
        var sha = (string?)fixReport?["manifest_sha256"] ?? "";
        // the script may have changed the tree once it was sent (SSM) or once the instance booted with it
        var scriptMayHaveRun = via == FixVia.Ssm ? journal.Intended("fix.send") : journal.Intended("fix.start1");
        var treeUndo = scriptMayHaveRun && fixResult is not ("nothing_to_change" or "refused" or "no_such_user");
        journal.Append("undo_begin", ("tree", treeUndo), ("via_ssm", viaSsm || via == FixVia.Ssm));

        RepairReport? report = null;
        string[] undoArgs = sha.Length > 0 ? ["undo", journal.RunId, sha] : ["undo", journal.RunId];
        if (via == FixVia.Ssm || viaSsm)
        {
            if (via == FixVia.Userdata && journal.Has("userdata_saved") && !journal.Done("fix.restore"))
            {
                // the fix stopped half-way: the original user data goes back first (a stop and a start)
                await new UserdataCycle(aws.Ec2, journal, instanceId, timing, progress).RunAsync("rollback", null, "repair", wasRunning, ct).ConfigureAwait(false);
            }
            if (treeUndo)
            {
                var ssm = new SsmScriptRunner(aws.Ssm, instanceId, timing, progress);
                report = await RunScriptViaSsm(ssm, journal, "undo", user, null, undoArgs, "undo", ct).ConfigureAwait(false);
            }
        }
        else if (journal.Has("userdata_saved"))
        {
            var cycle = new UserdataCycle(aws.Ec2, journal, instanceId, timing, progress);
            report = treeUndo
                ? await cycle.RunAsync("undo", UserdataCycle.Document(user, null, undoArgs), "undo", wasRunning, ct).ConfigureAwait(false) ?? ReportFromJournal(journal, "undo")
                : await cycle.RunAsync("rollback", null, "repair", wasRunning, ct).ConfigureAwait(false);
        }
        var result = new Ec2FixResult(journal.RunId, via, "undo", report, journal.Directory);
        if (result.ExitCode == 0) journal.Append("undone", ("result", result.Result));
        return result;
    }

    /// <summary>The user data as it is before this run changes anything, saved once (a resumed run keeps the first copy).</summary>
    private async Task SaveOriginalAsync(Ec2Journal journal, string instanceId, CancellationToken ct)
    {
        if (journal.Has("userdata_saved")) return;
        var data = await InstanceRepairFacts.UserDataAsync(aws.Ec2, instanceId, ct).ConfigureAwait(false);
        // Our own document is never taken for the original: that would lose the real one for good.
        if (System.Text.Encoding.UTF8.GetString(data).Contains(UserdataDocument.Boundary, StringComparison.Ordinal)
            || data is [0x1f, 0x8b, ..] && UserdataDocument.FromEc2(data).Contains(UserdataDocument.Boundary, StringComparison.Ordinal))
            throw new Ec2FixException("ec2fix.err.userdata_is_ours", ("instance", instanceId)) { Usage = true };
        var sha = journal.SaveUserData(data);
        journal.Append("userdata_saved", ("sha256", sha), ("bytes", data.Length), ("file", Path.Combine(journal.Directory, Ec2Journal.UserDataFile)));
        progress(new FixEvent("ec2fix.progress.saved", ("file", Path.Combine(journal.Directory, Ec2Journal.UserDataFile)),
            ("bytes", data.Length.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    private async Task<RepairReport> RunScriptViaSsm(SsmScriptRunner ssm, Ec2Journal journal, string phase, string user, string? key, string[] args, string mode, CancellationToken ct)
    {
        var send = phase + ".send";
        var commandId = journal.Entries.LastOrDefault(e => (string?)e["t"] == "done" && (string?)e["step"] == send)?["command_id"]?.ToString();
        var comment = $"sshdoctor ec2 {phase} {journal.RunId}";
        if (commandId is null && journal.Intended(send))
        {
            // killed between the intent and SSM's answer: the command may have been sent; SSM lists it by its comment
            commandId = await ssm.FindAsync(comment, ct).ConfigureAwait(false);
            if (commandId is not null) journal.Append("done", ("step", send), ("command_id", commandId));
        }
        if (commandId is null)
        {
            if (!await ssm.OnlineAsync(ct).ConfigureAwait(false))
                throw new Ec2FixException("ec2fix.err.ssm_offline", ("instance", (string)journal.First("begin")!["instance"]!));
            journal.Append("intent", ("step", send), ("args", string.Join(' ', args)));
            progress(new FixEvent("ec2fix.progress.ssm_send", ("run", journal.RunId)));
            var script = UserdataDocument.Compact(UserdataDocument.Script(user, key, args));
            commandId = await ssm.SendAsync(script, comment, ct).ConfigureAwait(false);
            journal.Append("done", ("step", send), ("command_id", commandId));
        }
        var output = await ssm.WaitAsync(commandId, ct).ConfigureAwait(false);
        var (report, _) = await ssm.CompleteAsync(output, journal.RunId, mode, user, ct).ConfigureAwait(false);
        if (report.Final is null)
            throw new Ec2FixException("ec2fix.err.no_report", ("command", commandId), ("chars", output.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return Record(journal, phase, mode, report);
    }

    private static RepairReport Record(Ec2Journal journal, string phase, string mode, RepairReport report)
    {
        journal.Append("report", ("phase", phase), ("mode", mode), ("result", report.Final!.Result), ("changed", report.Final.Changed),
            ("manifest_sha256", report.Final.ManifestSha256), ("backup_dir", report.Final.BackupDir), ("complete", report.Complete));
        return report;
    }

    /// <summary>A resumed run whose report was received by the killed one: the journal keeps its summary.</summary>
    private static RepairReport? ReportFromJournal(Ec2Journal journal, string phase)
    {
        var e = journal.Entries.LastOrDefault(x => (string?)x["t"] == "report" && (string?)x["phase"] == phase);
        if (e is null) return null;
        var summary = new RepairReport.Summary(0, journal.RunId, (string?)e["mode"] ?? "", (string?)e["result"] ?? "", (int?)e["changed"] ?? 0,
            (string?)e["backup_dir"], (string?)e["manifest_sha256"], 0, "");
        return new RepairReport([], summary, 0);
    }
}
