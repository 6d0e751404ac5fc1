using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Probe;

public enum TraceStatus { Ok, Info, Warning, Failed }

/// <summary>
/// One layer of the connection as `probe --trace` tells it: <see cref="Code"/> names the text
/// (`trace.{Code}` what happened, `trace.{Code}.meaning` what it means), <see cref="Args"/> fills it.
/// </summary>
public sealed record TraceStep(string Layer, TraceStatus Status, string Code, IReadOnlyDictionary<string, string> Args, FindingId? Finding = null)
{
    public static TraceStep Of(string layer, TraceStatus status, string code, FindingId? finding = null, params (string Key, string Value)[] args)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in args) d[k] = v;
        return new TraceStep(layer, status, code, d, finding);
    }
}

/// <summary>What name resolution gave before the connection: addresses, or why none.</summary>
public sealed record NameResolution(string Name, IReadOnlyList<string> Addresses, bool Literal, string? Error);
