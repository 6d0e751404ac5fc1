namespace SshDoctor.Core.Fleet;

/// <summary>What one host's sshdoctor document says, reduced to what a fleet summary needs.</summary>
public sealed record HostResult(
    string Host,
    string Command,
    string Verdict,
    IReadOnlyList<(string Id, string Severity, string? User)> Findings,
    IReadOnlyList<string> LosingAccess,
    string? NotJudgedReason)
{
    public bool Judged => NotJudgedReason is null;
}
