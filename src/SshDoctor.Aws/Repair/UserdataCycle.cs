using Amazon.EC2;
using SshDoctor.Core.Repair;

namespace SshDoctor.Aws.Repair;

/// <summary>
/// One boot with a user-data document, journalled step by step so a killed run resumes where it stopped:
/// stop, set the document, start, wait for the script's report on the console, stop, put the original user data back
/// (verified byte for byte), start again if the instance was running. <paramref name="phase"/> prefixes the step
/// names ("fix", "undo", "rollback"); every step is idempotent, so a step whose "done" is missing is simply redone.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class UserdataCycle(IAmazonEC2 ec2, Ec2Journal journal, string instanceId, Ec2FixTiming timing, Action<FixEvent> progress)
{
    private readonly InstancePower _power = new(ec2, instanceId, timing, progress);

    /// <summary>The run's report (null for a cycle without a document: only the original user data put back).</summary>
    public async Task<RepairReport?> RunAsync(string phase, byte[]? document, string mode, bool wasRunning, CancellationToken ct)
    {
        var original = journal.OriginalUserData();
        RepairReport? report = null;
        if (document is not null)
        {
            await Step(phase + ".stop1", () => _power.StopAsync(ct), "ec2fix.progress.stop").ConfigureAwait(false);
            await Step(phase + ".set_doc", () => InstanceRepairFacts.SetUserDataAsync(ec2, instanceId, document, ct), "ec2fix.progress.set_doc",
                ("sha256", Ec2Journal.Sha256(document))).ConfigureAwait(false);
            await Step(phase + ".start1", () => _power.StartAsync(ct), "ec2fix.progress.start").ConfigureAwait(false);
            var step = phase + ".wait_report";
            if (!journal.Done(step))
            {
                progress(new FixEvent("ec2fix.progress.wait_report", ("instance", instanceId)));
                report = await new ConsoleReportWaiter(ec2, instanceId, timing, progress).WaitAsync(journal.RunId, mode, ct).ConfigureAwait(false);
                journal.Append("report", ("phase", phase), ("mode", mode), ("result", report.Final!.Result), ("changed", report.Final.Changed),
                    ("manifest_sha256", report.Final.ManifestSha256), ("backup_dir", report.Final.BackupDir), ("complete", report.Complete));
                journal.Append("done", ("step", step));
            }
        }
        await Step(phase + ".stop2", () => _power.StopAsync(ct), "ec2fix.progress.stop").ConfigureAwait(false);
        await Step(phase + ".restore", async () =>
        {
            await InstanceRepairFacts.SetUserDataAsync(ec2, instanceId, original, ct).ConfigureAwait(false);
            var now = await InstanceRepairFacts.UserDataAsync(ec2, instanceId, ct).ConfigureAwait(false);
            if (!now.AsSpan().SequenceEqual(original))
                throw new Ec2FixException("ec2fix.err.restore_mismatch", ("instance", instanceId), ("file", Path.Combine(journal.Directory, Ec2Journal.UserDataFile)));
        }, "ec2fix.progress.restore", ("sha256", Ec2Journal.Sha256(original))).ConfigureAwait(false);
        if (wasRunning)
            await Step(phase + ".start2", () => _power.StartAsync(ct), "ec2fix.progress.start").ConfigureAwait(false);
        return report;
    }

    private async Task Step(string step, Func<Task> action, string text, params (string Key, object? Value)[] fields)
    {
        if (journal.Done(step)) return;
        journal.Append("intent", [("step", step), .. fields]);
        progress(new FixEvent(text, ("instance", instanceId)));
        await action().ConfigureAwait(false);
        journal.Append("done", ("step", step));
    }

    /// <summary>The user-data bytes of a repair (or undo) run: the multipart document, gzip-compressed past 16 KB.</summary>
    public static byte[] Document(string user, string? keyLine, params string[] args) => UserdataDocument.ForEc2(UserdataDocument.Build(user, keyLine, args));
}
