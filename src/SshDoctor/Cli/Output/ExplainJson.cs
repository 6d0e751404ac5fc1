using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>`explain --json` (schema 1).</summary>
public sealed record ExplainJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("recognized")] bool Recognized,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("host")] string? Host,
    [property: JsonPropertyName("signals")] IReadOnlyList<ExplainSignalJson> Signals,
    [property: JsonPropertyName("trace")] ExplainTraceJson? Trace,
    [property: JsonPropertyName("candidates")] IReadOnlyList<ExplainCandidateJson> Candidates,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings,
    [property: JsonPropertyName("suggestion")] string? Suggestion,
    [property: JsonPropertyName("decider")] string? Decider = null)
{
    /// <summary>No `target`: explain reads pasted text, not a system (a host named in it is in `host`).</summary>
    [JsonPropertyName("result")] public string Result => Recognized ? "recognized" : "not_recognized";
}

public sealed record ExplainSignalJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("description")] string Description);

public sealed record ExplainTraceJson(
    [property: JsonPropertyName("offered")] IReadOnlyList<string> Offered,
    [property: JsonPropertyName("accepted")] IReadOnlyList<string> Accepted,
    [property: JsonPropertyName("server_methods")] IReadOnlyList<string>? ServerMethods,
    [property: JsonPropertyName("authenticated")] bool Authenticated,
    [property: JsonPropertyName("partial_success")] bool PartialSuccess,
    [property: JsonPropertyName("no_mutual_signature")] bool NoMutualSignature,
    [property: JsonPropertyName("server_version")] string? ServerVersion);

public sealed record ExplainCandidateJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("rank")] int Rank,
    [property: JsonPropertyName("score")] int Score,
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("command")] string Command);

/// <summary>`logs --json` (schema 1).</summary>
public sealed record LogsJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("target")] LogsTargetJson Target,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("since")] string? Since,
    [property: JsonPropertyName("files")] IReadOnlyList<string> Files,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("sshd_lines")] long SshdLines,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("groups")] IReadOnlyList<LogGroupJson> Groups,
    [property: JsonPropertyName("server")] IReadOnlyList<LogRefusalJson> Server,
    [property: JsonPropertyName("noise")] LogNoiseJson Noise,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings);

public sealed record LogsTargetJson([property: JsonPropertyName("root")] string? Root);

public sealed record LogGroupJson(
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("address")] string? Address,
    [property: JsonPropertyName("accepted")] int Accepted,
    [property: JsonPropertyName("accepted_first")] string? AcceptedFirst,
    [property: JsonPropertyName("accepted_last")] string? AcceptedLast,
    [property: JsonPropertyName("refusals")] IReadOnlyList<LogRefusalJson> Refusals,
    [property: JsonPropertyName("account")] bool Account);

public sealed record LogRefusalJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("alternative")] string? Alternative,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("first")] string? First,
    [property: JsonPropertyName("last")] string? Last,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("detail")] string? Detail);

public sealed record LogNoiseJson(
    [property: JsonPropertyName("connections")] int Connections,
    [property: JsonPropertyName("addresses")] int Addresses,
    [property: JsonPropertyName("users")] int Users,
    [property: JsonPropertyName("top_users")] IReadOnlyList<NameCountJson> TopUsers,
    [property: JsonPropertyName("top_addresses")] IReadOnlyList<NameCountJson> TopAddresses,
    [property: JsonPropertyName("first")] string? First,
    [property: JsonPropertyName("last")] string? Last);

public sealed record NameCountJson(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("count")] int Count);

/// <summary>Source-generated (trim-safe) serialization for explain and logs.</summary>
[JsonSerializable(typeof(ExplainJson))]
[JsonSerializable(typeof(LogsJson))]
internal sealed partial class ExplainLogsJsonContext : JsonSerializerContext
{
    /// <summary>An instance with sshdoctor's output options (indented, readable non-ASCII, nulls omitted).</summary>
    public static ExplainLogsJsonContext Configured { get; } = new(JsonOut.CreateOptions());
}
