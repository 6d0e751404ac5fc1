using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

public sealed record FixReportJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("target")] TargetJson Target,
    [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? User,
    [property: JsonPropertyName("key")] KeyJson? Key,
    [property: JsonPropertyName("dry_run")] bool DryRun,
    [property: JsonPropertyName("run_id"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? RunId,
    [property: JsonPropertyName("verdict_before")] string VerdictBefore,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("plan")] IReadOnlyList<ActionJson> Plan,
    [property: JsonPropertyName("skipped")] IReadOnlyList<FindingJson> Skipped,
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings)
{
    /// <summary>Set when a config line was edited on a live system: the command that makes the running sshd read it.</summary>
    [JsonPropertyName("sshd_reload")] public string? SshdReload { get; init; }

    /// <summary>The command that restores the state before this run (with --root for a mounted volume).</summary>
    [JsonPropertyName("undo")] public string? Undo { get; init; }
}

public sealed record ActionJson(
    [property: JsonPropertyName("because")] string Because,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("command")] string Command);

public sealed record UndoJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("run_id")] string RunId,
    [property: JsonPropertyName("restored")] IReadOnlyList<string> Restored);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(FixReportJson))]
[JsonSerializable(typeof(UndoJson))]
public sealed partial class FixJsonContext : JsonSerializerContext
{
    public static FixJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
