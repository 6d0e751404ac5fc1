using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Candidate;

/// <summary>Who keeps, loses and gains public-key access if the candidate files are installed.</summary>
public sealed record CandidateReport(
    TargetContext Today,
    TargetContext Proposed,
    IReadOnlyList<CandidateFile> Files,
    IReadOnlyList<string> Users,
    IReadOnlyList<string> UsersWithoutKeys,
    IReadOnlyList<KeyAccess> Access,
    IReadOnlyList<Finding> TodayServer,
    IReadOnlyList<Finding> ProposedServer,
    IReadOnlyList<Finding> Notes)
{
    public IEnumerable<KeyAccess> Changed => Access.Where(a => a.Change != AccessChange.Same);

    /// <summary>Accounts that can log in with some key today and with none of them after.</summary>
    public IReadOnlyList<string> AccountsLosingAll => Access.GroupBy(a => a.User)
        .Where(g => g.Any(a => a.Today.Verdict == Verdict.Accepted) && g.All(a => a.Candidate.Verdict != Verdict.Accepted))
        .Select(g => g.Key).ToList();

    /// <summary>Someone loses (or may lose) access: a pre-flight stops here.</summary>
    public bool AnyLoss => Access.Any(a => a.Change is AccessChange.Lost or AccessChange.MayLose);

    /// <summary>sshd would refuse to start or reload with the candidate (sshd -t fails).</summary>
    public bool ProposedInvalid => Proposed.Config.Errors.Count > 0;

    /// <summary>Refused: installing the candidate locks someone out or breaks sshd.</summary>
    public Verdict Verdict => AnyLoss || ProposedInvalid ? Verdict.Refused : Verdict.Accepted;
}
