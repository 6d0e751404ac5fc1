using SshDoctor.Core.Repair;

namespace SshDoctor.Aws.Repair;

/// <summary>What a fix, resume or undo run ended with: the script's report (when it ran), the run id and the journal.</summary>
public sealed record Ec2FixResult(string RunId, FixVia Via, string Mode, RepairReport? Report, string JournalDirectory, bool NothingToDo = false)
{
    /// <summary>repaired, nothing_to_change, undone, refused, no_such_user, partial, not_found, restored (user data only).</summary>
    public string Result => NothingToDo ? "nothing_to_do" : Report?.Final?.Result ?? "restored";

    /// <summary>0: done (login should work, or the run is undone); 1: the script refused or could not restore everything.</summary>
    public int ExitCode => Result is "repaired" or "nothing_to_change" or "undone" or "restored" or "nothing_to_do" or "not_found" ? 0 : 1;
}
