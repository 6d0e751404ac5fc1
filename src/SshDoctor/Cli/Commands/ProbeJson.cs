using System.Text.Json;
using System.Text.Json.Serialization;
using SshDoctor.Cli.Output;
using SshDoctor.Core.KnownHosts;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Cli.Commands;

public sealed record ProbeJson(
    string Tool, int Schema, string Command, ProbeTargetJson Target, ProbeKeyJson? Key, IReadOnlyList<ProbeKeyJson>? Keys,
    string Verdict, IReadOnlyList<ProbeCandidateJson> Candidates, IReadOnlyList<FindingJson> Findings,
    ProbeConclusionJson? Conclusion, bool? Truncated, bool? PenaltyLimited,
    ProbeSshConfigJson? SshConfig = null, IReadOnlyList<ProbeOfferedKeyJson>? Offered = null, IReadOnlyList<ProbeTraceStepJson>? Trace = null);

public sealed record ProbeTargetJson(
    string Host, int Port, bool Reachable, string? Error, string? ErrorDetail, string? Banner, string? Software, string? Version,
    ProbeAlgorithmsJson? Algorithms, ProbeNegotiatedJson? Negotiated, ProbeHostKeyJson? HostKey,
    IReadOnlyList<string>? ServerSigAlgs, IReadOnlyList<string>? Methods, bool? PublickeyOffered);

public sealed record ProbeAlgorithmsJson(
    IReadOnlyList<string> Kex, IReadOnlyList<string> HostKey,
    IReadOnlyList<string> CiphersClientToServer, IReadOnlyList<string> CiphersServerToClient,
    IReadOnlyList<string> MacsClientToServer, IReadOnlyList<string> MacsServerToClient,
    IReadOnlyList<string> CompressionClientToServer, IReadOnlyList<string> CompressionServerToClient);

public sealed record ProbeNegotiatedJson(string Kex, string HostKey, string Cipher, string? Mac);

public sealed record ProbeHostKeyJson(string Type, string Sha256, string Status, string? KnownHosts);

public sealed record ProbeKeyJson(string Type, int Bits, string Sha256, string Md5, string Comment, string Path, bool? Login);

public sealed record ProbeCandidateJson(
    string User, string Result, long Ms, string? Key, string? Error, string? QueryAlgorithm, string? Sha1, string? Login,
    IReadOnlyList<string>? Methods, string? Banner);

public sealed record ProbeConclusionJson(string Code, string Message, IReadOnlyList<string> Next);

public sealed record KnownHostsJson(string Tool, int Schema, string Command, ProbeTargetJson Target, IReadOnlyList<FindingJson> Findings);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower)]
[JsonSerializable(typeof(ProbeJson))]
[JsonSerializable(typeof(KnownHostsJson))]
internal sealed partial class ProbeJsonContext : JsonSerializerContext
{
    public static ProbeJsonContext Instance { get; } = new(WithSnakeCase(JsonOut.CreateOptions()));

    private static JsonSerializerOptions WithSnakeCase(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
        return options;
    }
}

internal static class ProbeJsonMapper
{
    public static string ErrorCode(ConnectionError e) => e switch
    {
        ConnectionError.ConnectionRefused => "connection_refused",
        ConnectionError.UnknownHost => "unknown_host",
        ConnectionError.Unreachable => "unreachable",
        ConnectionError.Timeout => "timeout",
        ConnectionError.NotSsh => "not_ssh",
        ConnectionError.Closed => "closed",
        ConnectionError.ProtocolError => "protocol_error",
        ConnectionError.NoCommonAlgorithm => "no_common_algorithm",
        ConnectionError.HostKeyInvalid => "host_key_invalid",
        _ => "none",
    };

    public static string HostKeyStatusCode(HostKeyStatus s) => s switch
    {
        HostKeyStatus.Known => "known",
        HostKeyStatus.Changed => "changed",
        HostKeyStatus.Revoked => "revoked",
        _ => "unknown",
    };

    public static string ResultCode(CandidateResult r) => r switch
    {
        CandidateResult.PkOk => "pk_ok",
        CandidateResult.Refused => "refused",
        _ => "error",
    };

    public static string LoginCode(LoginOutcome l) => l switch
    {
        LoginOutcome.Accepted => "accepted",
        LoginOutcome.Refused => "refused",
        LoginOutcome.PartialSuccess => "partial",
        _ => "closed",
    };

    public static ProbeTargetJson Target(string host, int port, ProbeConnectionReport? r, HostKeyCheck? check)
    {
        if (r is null) return new ProbeTargetJson(host, port, false, null, null, null, null, null, null, null, null, null, null, null);
        var reached = r.Reached;
        var firstError = reached ? null : ErrorCode(r.Error);
        var a = r.Offered;
        return new ProbeTargetJson(host, port, reached,
            firstError ?? (r.Error is ConnectionError.None ? null : ErrorCode(r.Error)),
            r.Error is ConnectionError.None ? null : r.ErrorDetail,
            r.Server?.Banner, r.Server?.Software, r.Server?.OpenSshVersion,
            a is null ? null : new ProbeAlgorithmsJson(a.Kex, a.HostKey, a.CiphersClientToServer, a.CiphersServerToClient,
                a.MacsClientToServer, a.MacsServerToClient, a.CompressionClientToServer, a.CompressionServerToClient),
            r.Negotiated is { } n ? new ProbeNegotiatedJson(n.Kex, n.HostKey, n.CipherServerToClient, n.MacServerToClient) : null,
            r.HostKey is { } k
                ? new ProbeHostKeyJson(k.Type, k.Sha256Fingerprint, check is null ? "unknown" : HostKeyStatusCode(check.Status),
                    check?.Matched is { } m ? $"{m.File}:{m.Line}" : null)
                : null,
            r.ServerSigAlgs, r.Methods?.Methods, r.Methods is null ? null : r.PublicKeyOffered);
    }

    public static ProbeKeyJson Key(ProbeKey k, bool login) => new(k.Public.Type, k.Public.Bits, k.Public.Sha256Fingerprint,
        k.Public.Md5Fingerprint, k.Public.Comment, k.Path, login ? k.Signer is not null : null);

    public static ProbeCandidateJson Candidate(ProbeCandidate c, bool manyKeys) => new(
        c.User, ResultCode(c.Result), c.Report.Milliseconds,
        manyKeys ? c.Key.Public.Sha256Fingerprint : null,
        c.Result == CandidateResult.Error ? (c.Report.NoneSucceeded ? "none_accepted" : ErrorCode(c.Report.Error)) : null,
        c.Report.QueryAlgorithm,
        c.Report.Sha1Query is { } s ? (s == QueryOutcome.PkOk ? "pk_ok" : "refused") : null,
        c.Report.Login is { } l ? LoginCode(l.Outcome) : null,
        c.Report.Methods?.Methods,
        c.Report.Banners.Count > 0 ? string.Join("\n", c.Report.Banners).Trim() : null);
}
