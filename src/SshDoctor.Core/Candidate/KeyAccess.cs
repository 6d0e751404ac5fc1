using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Candidate;

public enum AccessChange { Same, Lost, MayLose, Gained }

/// <summary>One account and one of its keys: sshd's verdict today and with the candidate, and why they differ.</summary>
public sealed record KeyAccess(string User, PublicKey Key, UserReport Today, UserReport Candidate)
{
    public AccessChange Change => (Today.Verdict, Candidate.Verdict) switch
    {
        (Verdict.Accepted, Verdict.Refused) => AccessChange.Lost,
        (Verdict.Accepted, Verdict.Unknown) => AccessChange.MayLose,
        (not Verdict.Accepted, Verdict.Accepted) => AccessChange.Gained,
        _ => AccessChange.Same,
    };

    /// <summary>
    /// The access as the report keeps it: no effective settings (the candidate output never shows them) and only the
    /// findings <see cref="NewBlocking"/> and <see cref="Cleared"/> can read (blocking ones; all of the candidate's for
    /// a possible loss; none for an unchanged access). An --all-users judge holds two reports per account and key
    /// until the output is written: each report's listing of every effective sshd value with its origin (about a
    /// hundred per report), its warnings and its info findings would otherwise stay in memory for every account.
    /// </summary>
    public static KeyAccess Kept(string user, PublicKey key, UserReport today, UserReport candidate)
    {
        var change = new KeyAccess(user, key, today, candidate).Change;
        return new KeyAccess(user, key,
            Slim(today, change == AccessChange.Same ? [] : Blocking(today.Findings)),
            Slim(candidate, change switch
            {
                AccessChange.Same => [],
                AccessChange.MayLose => candidate.Findings,
                _ => Blocking(candidate.Findings),
            }));
    }

    private static UserReport Slim(UserReport r, IReadOnlyList<Finding> findings) => r with { Findings = findings, Settings = [] };

    private static IReadOnlyList<Finding> Blocking(IReadOnlyList<Finding> findings) =>
        findings.All(f => f.Severity == Severity.Blocking) ? findings : findings.Where(f => f.Severity == Severity.Blocking).ToList();

    /// <summary>The blocking findings the candidate brings that today's state does not have (the reason for a loss).</summary>
    public IReadOnlyList<Finding> NewBlocking
    {
        get
        {
            var before = Today.Findings.Where(f => f.Severity == Severity.Blocking).Select(f => f.Id).ToHashSet();
            var after = Candidate.Findings.Where(f => f.Severity == Severity.Blocking || Change == AccessChange.MayLose).ToList();
            return after.Where(f => !before.Contains(f.Id)).ToList();
        }
    }

    /// <summary>The blocking findings today that the candidate removes (the reason for a gain).</summary>
    public IReadOnlyList<Finding> Cleared
    {
        get
        {
            var after = Candidate.Findings.Where(f => f.Severity == Severity.Blocking).Select(f => f.Id).ToHashSet();
            return Today.Findings.Where(f => f.Severity == Severity.Blocking && !after.Contains(f.Id)).ToList();
        }
    }
}
