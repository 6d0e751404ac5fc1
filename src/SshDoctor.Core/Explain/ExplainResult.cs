using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Explain;

/// <summary>One recognized piece of the pasted text.</summary>
/// <param name="Alternative">The log line can also mean this ID (ranked just below the first reading).</param>
public sealed record ExplainSignal(ClientMessage Kind, string Source, string Text, FindingId? Id = null, bool Alternative = false);

/// <summary>A cause that can produce what was pasted; higher score = more likely.</summary>
public sealed record ExplainCandidate(FindingId Id, int Score, string Command);

public sealed record ExplainResult(
    IReadOnlyList<ExplainSignal> Signals,
    IReadOnlyList<ExplainCandidate> Candidates,
    VerboseTrace? Trace,
    string? User,
    string? Host,
    string? Key)
{
    public bool Recognized => Signals.Count > 0;

    /// <summary>A bare refusal: the one command that tells the few likely causes apart.</summary>
    public string? Decider { get; init; }
}
