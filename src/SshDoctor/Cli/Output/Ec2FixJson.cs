using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>`ec2 fix --json` / `ec2 undo --json`: the plan, the run, the script's report (actions and summary).</summary>
public sealed record Ec2FixJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("via")] string Via,
    [property: JsonPropertyName("user")] string? User,
    [property: JsonPropertyName("dry_run")] bool DryRun,
    [property: JsonPropertyName("run_id")] string? RunId,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("plan")] Ec2PlanJson? Plan,
    [property: JsonPropertyName("report")] Ec2ReportJson? Report,
    [property: JsonPropertyName("journal")] string? Journal,
    [property: JsonPropertyName("exit")] int Exit)
{
    /// <summary>design.md's error object ({"id", "message"}) when the run ended in an error; the IDs are `ec2`'s.</summary>
    [JsonPropertyName("error")] public ErrorBodyJson? Error { get; init; }
}

public sealed record Ec2PlanJson(
    [property: JsonPropertyName("steps")] IReadOnlyList<string> Steps,
    [property: JsonPropertyName("costs")] IReadOnlyList<string> Costs,
    [property: JsonPropertyName("refusals")] IReadOnlyList<string> Refusals,
    [property: JsonPropertyName("instance_state")] string InstanceState);

public sealed record Ec2ReportJson(
    [property: JsonPropertyName("complete")] bool Complete,
    [property: JsonPropertyName("result")] string? Result,
    [property: JsonPropertyName("changed")] int Changed,
    [property: JsonPropertyName("backup_dir")] string? BackupDir,
    [property: JsonPropertyName("manifest_sha256")] string? ManifestSha256,
    [property: JsonPropertyName("actions")] IReadOnlyList<Ec2ActionJson> Actions);

public sealed record Ec2ActionJson(
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("path")] string Path,
    [property: JsonPropertyName("before")] Ec2StateJson? Before,
    [property: JsonPropertyName("after")] Ec2StateJson? After,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("detail")] string Detail);

public sealed record Ec2StateJson(
    [property: JsonPropertyName("mode")] string Mode,
    [property: JsonPropertyName("uid")] long Uid,
    [property: JsonPropertyName("gid")] long Gid);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Ec2FixJson))]
public sealed partial class Ec2FixJsonContext : JsonSerializerContext
{
    public static Ec2FixJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
