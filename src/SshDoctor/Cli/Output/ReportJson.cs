using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

public sealed record ReportJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("hosts")] int Hosts,
    [property: JsonPropertyName("judged")] int Judged,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingHostsJson> Findings,
    [property: JsonPropertyName("losing_access")] IReadOnlyList<HostUsersJson> LosingAccess,
    [property: JsonPropertyName("not_judged")] IReadOnlyList<HostReasonJson> NotJudged);

public sealed record FindingHostsJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("hosts")] IReadOnlyList<string> Hosts);

public sealed record HostUsersJson(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("users")] IReadOnlyList<string> Users);

public sealed record HostReasonJson(
    [property: JsonPropertyName("host")] string Host,
    [property: JsonPropertyName("reason")] string Reason);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(ReportJson))]
public sealed partial class ReportJsonContext : JsonSerializerContext
{
    public static ReportJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
