using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Cli.Commands;

public sealed record ProbeTraceStepJson(string Layer, string Status, string Code, string Message, string? Meaning, string? Finding,
    IReadOnlyDictionary<string, string> Facts);

public sealed record ProbeSshConfigJson(string Host, string Hostname, string User, int Port, IReadOnlyList<string> IdentityFiles,
    IReadOnlyList<string> CertificateFiles, bool IdentitiesOnly, string? IdentityAgent, IReadOnlyList<string> UserKnownHostsFiles,
    IReadOnlyList<string> HostKeyAlgorithms, IReadOnlyList<string> PubkeyAcceptedAlgorithms, string? ProxyJump, string? ProxyCommand,
    IReadOnlyList<string> Files, IReadOnlyList<string>? Notes);

public sealed record ProbeOfferedKeyJson(int Position, string Type, string Sha256, string Source, string Path, string? Certificate);

/// <summary>`probe --trace`: each layer, what happened and what it means, as text and as JSON.</summary>
internal static class ProbeTraceOutput
{
    public static string StatusName(TraceStatus s) => s switch
    {
        TraceStatus.Ok => "ok",
        TraceStatus.Warning => "warning",
        TraceStatus.Failed => "failed",
        _ => "info",
    };

    private static string Mark(TraceStatus s) => s switch
    {
        TraceStatus.Ok => "✓",
        TraceStatus.Warning => "!",
        TraceStatus.Failed => "✗",
        _ => "·",
    };

    public static void WriteText(TextWriter w, IReadOnlyList<TraceStep> steps, string target, Messages m)
    {
        w.WriteLine(m.Get("trace.heading", ("target", target)));
        string? layer = null;
        var n = 0;
        foreach (var s in steps)
        {
            if (s.Layer != layer)
            {
                layer = s.Layer;
                w.WriteLine();
                w.WriteLine($"{++n,2}. {m.Get("trace.layer." + s.Layer)}");
            }
            var line = m.Get("trace." + s.Code, s.Args);
            w.WriteLine($"    {Mark(s.Status)} {line}{(s.Finding is { } f ? $"  [{f}]" : "")}");
            if (m.Has("trace." + s.Code + ".meaning"))
                w.WriteLine("      " + m.Get("trace." + s.Code + ".meaning", s.Args));
        }
    }

    public static List<ProbeTraceStepJson> Json(IReadOnlyList<TraceStep> steps, Messages m) =>
        steps.Select(s => new ProbeTraceStepJson(s.Layer, StatusName(s.Status), s.Code, m.Get("trace." + s.Code, s.Args),
            m.Has("trace." + s.Code + ".meaning") ? m.Get("trace." + s.Code + ".meaning", s.Args) : null,
            s.Finding?.ToString(), s.Args)).ToList();

    public static ProbeSshConfigJson Config(ResolvedSshConfig c) => new(c.Host, c.HostName, c.User, c.Port, c.IdentityPaths,
        c.CertificatePaths, c.IdentitiesOnly, c.IdentityAgent, c.UserKnownHostsFiles, c.HostKeyAlgorithms, c.PubkeyAcceptedAlgorithms,
        c.ProxyJump, c.ProxyCommand, c.FilesRead,
        c.Notes.Count == 0 ? null : c.Notes.Select(n => $"{n.Code} {n.File}:{n.Line} {n.Detail}").ToList());

    public static List<ProbeOfferedKeyJson> Offered(OfferedKeyPlan plan) => plan.Keys.Select((k, i) => new ProbeOfferedKeyJson(i + 1,
        k.Public.Type, k.Public.Sha256Fingerprint, k.AgentOnly ? "agent" : k.FromAgent ? "file+agent" : "file", k.Path, k.CertificatePath)).ToList();
}
