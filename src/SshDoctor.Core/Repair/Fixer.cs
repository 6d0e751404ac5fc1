using System.Runtime.Versioning;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Repair;

public sealed record FixResult(
    TargetContext Context,
    Verdict Before,
    UserReport After,
    IReadOnlyList<RepairAction> Actions,
    IReadOnlyList<(Finding Finding, string Reason)> Skipped,
    string? RunId,
    bool DryRun,
    string? Failure,
    RestoreReport? Rollback = null,
    string? RunDirectory = null)
{
    /// <summary>A link in the user's key path that stopped the plan (fix never acts through a link), or null.</summary>
    public KeyLink? Link { get; init; }
}

/// <summary>
/// fix: judge, plan, apply with a journal, judge again — a few rounds, since a repair can reveal the next
/// blocker (a created home is then walked by StrictModes). The re-run of the model proves the plan.
/// </summary>
[UnsupportedOSPlatform("windows")]
public static class Fixer
{
    private const int MaxRounds = 3;

    public static FixResult Run(string root, string user, PublicKey? key, string? from, RepairPermissions allow, bool dryRun)
    {
        var ctx = TargetContext.Load(root);
        var report = Judge(ctx, user, key, from);
        var before = report.Verdict;
        var actions = new List<RepairAction>();
        IReadOnlyList<(Finding, string)> skipped = [];
        KeyLink? link = null;
        RepairRun? run = null;
        try
        {
            for (var round = 0; round < MaxRounds && report.Verdict != Verdict.Accepted; round++)
            {
                var account = ctx.Accounts.ByName(user);
                if (account is null)
                {
                    skipped = report.Findings.Where(f => f.Severity == Severity.Blocking).Select(f => (f, "fix.skip.policy")).ToList();
                    break;
                }
                var plan = new RepairPlanner(ctx, account, key, allow) { From = from }.Plan(report.Findings);
                skipped = plan.Skipped;
                link = plan.Link;
                if (plan.Actions.Count == 0) break;
                if (dryRun)
                {
                    actions.AddRange(plan.Actions);
                    break;
                }
                run ??= RepairRun.Begin(ctx.Root, user, new RunAs(account.Uid, account.Gid, ctx.Accounts.GidsOf(account).ToList(),
                    ctx.Root.RealPath(account.Home) ?? account.Home));
                foreach (var action in plan.Actions)
                {
                    run.Apply(action);
                    actions.Add(action);
                }
                ctx = TargetContext.Load(root);
                report = Judge(ctx, user, key, from);
            }
            run?.Complete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var rollback = run?.Rollback();
            return new FixResult(ctx, before, report, actions, skipped, run?.Journal.RunId, dryRun, e.Message, rollback, run?.RunDirectory) { Link = link };
        }
        if (!dryRun && report.Verdict == Verdict.Accepted) skipped = [];
        return new FixResult(ctx, before, report, actions, skipped, run?.Journal.RunId, dryRun, null) { Link = link };
    }

    private static UserReport Judge(TargetContext ctx, string user, PublicKey? key, string? from)
    {
        var report = new Checker(ctx).Run([user], key, from);
        var u = report.Users[0];
        return u with { Findings = report.ServerFindings.Concat(u.Findings).ToList() };
    }
}
