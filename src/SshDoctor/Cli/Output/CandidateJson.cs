using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>`check --candidate --json`: check's document plus who loses and gains access with the candidate.</summary>
public sealed record CandidateCheckJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("target")] TargetJson Target,
    [property: JsonPropertyName("host")] HostJson? Host,
    [property: JsonPropertyName("key")] KeyJson? Key,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("candidate")] CandidateJson Candidate,
    [property: JsonPropertyName("summary")] CandidateSummaryJson Summary,
    [property: JsonPropertyName("changes")] IReadOnlyList<AccessChangeJson> Changes,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings);

public sealed record HostJson(
    [property: JsonPropertyName("name")] string Name)
{
    public static HostJson? From(Core.Target.TargetRoot root) => Core.Target.HostName.Of(root) is { } name ? new HostJson(name) : null;
}

public sealed record CandidateJson(
    [property: JsonPropertyName("files")] IReadOnlyList<CandidateFileJson> Files,
    [property: JsonPropertyName("valid")] bool Valid);

public sealed record CandidateFileJson(
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("source")] string Source);

public sealed record CandidateSummaryJson(
    [property: JsonPropertyName("accounts")] int Accounts,
    [property: JsonPropertyName("accounts_without_keys")] int AccountsWithoutKeys,
    [property: JsonPropertyName("keys")] int Keys,
    [property: JsonPropertyName("certificates")] int Certificates,
    [property: JsonPropertyName("lost")] int Lost,
    [property: JsonPropertyName("may_lose")] int MayLose,
    [property: JsonPropertyName("gained")] int Gained,
    [property: JsonPropertyName("accounts_losing_all_access")] IReadOnlyList<string> AccountsLosingAll);

public sealed record AccessChangeJson(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("key")] KeyJson Key,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("today")] string Today,
    [property: JsonPropertyName("candidate")] string Candidate,
    [property: JsonPropertyName("because")] IReadOnlyList<string> Because,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings)
{
    /// <summary>For a certificate judged by its CA: the CA and the principals (the key is the certified one).</summary>
    [JsonPropertyName("certificate")]
    public CertificateIdentityJson? Certificate { get; init; }
}

public sealed record CertificateIdentityJson(
    [property: JsonPropertyName("ca")] KeyJson Ca,
    [property: JsonPropertyName("principals")] IReadOnlyList<string> Principals);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CandidateCheckJson))]
public sealed partial class CandidateJsonContext : JsonSerializerContext
{
    public static CandidateJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());

    /// <summary>One document per line (--format jsonl): the same fields, not indented.</summary>
    public static CandidateJsonContext Compact { get; } = new(JsonOut.CreateCompactOptions());
}
