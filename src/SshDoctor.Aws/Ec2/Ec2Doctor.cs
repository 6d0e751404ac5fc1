using SshDoctor.Aws.Clients;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Probe;

namespace SshDoctor.Aws.Ec2;

/// <summary>One `sshdoctor ec2` run: the facts, the findings (the API's and the probe's), the step that fits and its command.</summary>
public sealed record Ec2Result(
    Ec2Facts Facts,
    Ec2Diagnosis Diagnosis,
    ProbeOutcome? Probe,
    IReadOnlyList<Finding> Findings,
    Ec2NextStep Next,
    string? NextUser,
    string? NextCommand,
    IReadOnlyList<AwsFailure> Failures)
{
    public bool Blocking => Findings.Any(f => f.Severity == Severity.Blocking);
}

/// <summary>
/// Gathers (read-only, concurrently), analyses, then probes the address when the API shows nothing in the way, so the
/// answer is a user name that accepts the key, or proof that no account holds it.
/// </summary>
public static class Ec2Doctor
{
    /// <summary>Users probed at most: sshd 9.8+ penalises an address after a few failed logins.</summary>
    public const int MaxProbeUsers = 4;

    public static async Task<Ec2Result> RunAsync(AwsClients aws, Ec2Request request, Func<Ec2Request, Ec2Diagnosis, ProbeOptions?>? probeOptions = null, CancellationToken ct = default)
    {
        var instance = await Ec2Gatherer.InstanceAsync(aws, request.InstanceId, ct).ConfigureAwait(false);
        var facts = await Ec2Gatherer.GatherAsync(aws, instance, ct).ConfigureAwait(false);
        var diagnosis = Ec2Analysis.Analyze(facts, request);

        ProbeOutcome? probe = null;
        if (instance.State == "running" && !diagnosis.NetworkBlocks && diagnosis.Address is not null && request.Key is not null
            && probeOptions?.Invoke(request, diagnosis) is { } options)
            probe = await ProbeRunner.RunAsync(options, ct).ConfigureAwait(false);

        var findings = diagnosis.Findings.ToList();
        if (probe is not null)
        {
            var have = findings.Select(x => (x.Id, x.User)).ToHashSet();
            // The probe's WRONG_USERNAME speaks of "the user name you tried": only when one was named.
            var fromProbe = probe.Findings.Where(x => !have.Contains((x.Id, x.User))
                && !(x.Id == FindingId.WRONG_USERNAME && (request.User is null || x.Severity != Severity.Blocking))).ToList();
            findings.InsertRange(findings.FindLastIndex(x => x.Severity == Severity.Blocking) + 1, fromProbe.Where(x => x.Severity == Severity.Blocking));
            findings.AddRange(fromProbe.Where(x => x.Severity != Severity.Blocking));
        }
        if (probe is { ServerSideConclusion: true })
        {
            // "This key is in no account": from outside an account problem looks the same, the console's table tells them apart.
            var refusedFor = request.User ?? diagnosis.ImageUsers?.Users[0] ?? probe.Candidates[0].User;
            var file = facts.Console.Value?.Parsed.Users.FirstOrDefault(u => u.User == refusedFor)?.File ?? "~/.ssh/authorized_keys";
            findings.Insert(0, Finding.Create(FindingId.KEY_NOT_AUTHORIZED, Severity.Blocking, user: refusedFor, args: [("files", file)]));
        }
        var failures = facts.Failures.ToList();
        var (next, user) = Decide(facts, diagnosis, probe, findings, request, failures);
        return new Ec2Result(facts, diagnosis, probe, findings, next, user, Command(next, user, request, diagnosis, findings), failures);
    }

    /// <summary>The probe as `probe` runs it, with the diagnosis's users first.</summary>
    public static ProbeOptions DefaultProbe(Ec2Request request, Ec2Diagnosis diagnosis)
    {
        var key = ProbeKey.Load(request.Key!.Path, wantSigner: false);
        var users = diagnosis.CandidateUsers.Take(MaxProbeUsers).ToList();
        if (users.Count == 0) users = [.. ProbeRunner.AutoUsers.Take(MaxProbeUsers)];
        return new ProbeOptions(diagnosis.Address!, request.Port, [key])
        {
            GivenUser = request.User,
            Users = users,
            Timeout = TimeSpan.FromSeconds(8),
        };
    }

    private static (Ec2NextStep, string?) Decide(Ec2Facts facts, Ec2Diagnosis d, ProbeOutcome? probe, List<Finding> findings, Ec2Request r, List<AwsFailure> failures)
    {
        var i = facts.Instance;
        var repairUser = r.User ?? d.LocalKeyInstalledFor ?? d.ImageUsers?.Users[0];
        if (i.State is "stopped" or "stopping") return (Ec2NextStep.Start, null);
        if (i.State != "running") return (Ec2NextStep.Undecided, null);
        if (d.NetworkBlocks) return (Ec2NextStep.Network, null);
        if (probe?.Accepting.FirstOrDefault() is { } ok) return (Ec2NextStep.Login, ok.User);
        var keyProblem = findings.Any(x => x.Id == FindingId.EC2_KEY_PAIR_OTHER && x.Severity == Severity.Blocking)
            || probe is { ServerSideConclusion: true }
            || (r.Key is not null && d.LocalKeyInstalledFor is null && facts.Console.Value?.Parsed.Users.Count > 0 && probe is null);
        if (keyProblem && repairUser is not null)
            return (facts.Ssm.Value?.PingStatus == "Online" ? Ec2NextStep.RepairSsm : Ec2NextStep.RepairUserdata, repairUser);
        if (d.LocalKeyInstalledFor is { } installed) return (Ec2NextStep.Login, installed);
        if (failures.Count > 0 || probe is { Reachable: false }) return (Ec2NextStep.Undecided, repairUser);
        return (Ec2NextStep.Login, repairUser);
    }

    private static string? Command(Ec2NextStep next, string? user, Ec2Request r, Ec2Diagnosis d, List<Finding> findings) => next switch
    {
        Ec2NextStep.Start => Ec2Commands.StartInstance(r),
        Ec2NextStep.Network => findings.FirstOrDefault(x => x.Severity == Severity.Blocking && x.FixCommands.Count > 0)?.FixCommands[0],
        Ec2NextStep.RepairSsm => Ec2Commands.Fix(r, "ssm", user),
        Ec2NextStep.RepairUserdata => Ec2Commands.Fix(r, "userdata", user),
        Ec2NextStep.Login when user is not null && d.Address is not null => Ec2Commands.Ssh(r, user, d.Address),
        _ => null,
    };
}
