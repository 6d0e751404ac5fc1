using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>`ssm compliance --json`: what was sent, item by item.</summary>
public sealed record SsmComplianceJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("instance")] string Instance,
    [property: JsonPropertyName("compliance_type")] string ComplianceType,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("compliant")] bool Compliant,
    [property: JsonPropertyName("items")] IReadOnlyList<SsmComplianceItemJson> Items,
    [property: JsonPropertyName("exit")] int Exit);

public sealed record SsmComplianceItemJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("finding")] string Finding,
    [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? User);

/// <summary>`ssm parameter --json`: where the parameter went; never its value.</summary>
public sealed record SsmParameterJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("bytes")] long Bytes,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("exit")] int Exit);

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SsmComplianceJson))]
[JsonSerializable(typeof(SsmParameterJson))]
public sealed partial class SsmJsonContext : JsonSerializerContext
{
    public static SsmJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
