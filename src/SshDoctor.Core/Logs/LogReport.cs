using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Logs;

/// <summary>How often sshd refused for one reason, and when (UTC ticks; 0 = the log carried no time).</summary>
public sealed record LogRefusal(FindingId Id, FindingId? Alternative, int Count, long First, long Last, string? Path, string? Detail);

/// <summary>What sshd did for one (user, client address): refusals by reason, and accepted logins.</summary>
public sealed record LogGroup(string? User, string? Address, int Accepted, long AcceptedFirst, long AcceptedLast,
    IReadOnlyList<LogRefusal> Refusals)
{
    /// <summary>The user exists in the target's passwd.</summary>
    public bool KnownAccount { get; init; }
    /// <summary>A real account: in the target's passwd, or sshd accepted a login for it.</summary>
    public bool Real => KnownAccount || Accepted > 0;
}

/// <summary>Internet background noise (unknown users, password guessing), summarized rather than listed.</summary>
public sealed record NoiseSummary(int Connections, int Addresses, int Users,
    IReadOnlyList<KeyValuePair<string, int>> TopUsers, IReadOnlyList<KeyValuePair<string, int>> TopAddresses,
    long First, long Last);

public sealed record LogReport(IReadOnlyList<string> Files, long Bytes, long SshdLines,
    IReadOnlyList<LogGroup> Groups, IReadOnlyList<LogRefusal> ServerProblems, NoiseSummary Noise)
{
    /// <summary>Earliest and latest time in the input (UTC ticks; 0 = no line carried a time).</summary>
    public long First { get; init; }
    public long Last { get; init; }
    /// <summary>The target's passwd was read: <see cref="LogGroup.KnownAccount"/> means something.</summary>
    public bool AccountsKnown { get; init; }

    public bool HasBlocking => ServerProblems.Count > 0 || Groups.Any(g => g.Refusals.Count > 0);
}
