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
