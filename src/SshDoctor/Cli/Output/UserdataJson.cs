using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

/// <summary>`userdata --json`: the document, its base64 form and the localized steps around it.</summary>
public sealed record UserdataJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("key"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] KeyJson? Key,
    [property: JsonPropertyName("document")] string Document,
    [property: JsonPropertyName("base64")] string Base64,
    [property: JsonPropertyName("steps")] IReadOnlyList<string> Steps,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings)
{
    /// <summary>No `target`: userdata reads no system; it writes a document for an instance that cannot be reached.</summary>
    [JsonPropertyName("result")] public string Result => "generated";
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(UserdataJson))]
public sealed partial class UserdataJsonContext : JsonSerializerContext
{
    public static UserdataJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
