using System.Text.Json.Serialization;

namespace SshDoctor.Cli.Output;

public sealed record CheckJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("target")] TargetJson Target,
    [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? User,
    [property: JsonPropertyName("key")] KeyJson? Key,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings,
    [property: JsonPropertyName("users")] IReadOnlyList<UserVerdictJson>? Users,
    [property: JsonPropertyName("host")] HostJson? Host = null)
{
    /// <summary>--show-config: every effective value for the user's connection with its origin.</summary>
    [JsonPropertyName("config"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SettingJson>? Config { get; init; }
}

public sealed record TargetJson(
    [property: JsonPropertyName("root")] string Root,
    [property: JsonPropertyName("os")] OsJson Os,
    [property: JsonPropertyName("sshd")] SshdJson Sshd)
{
    public static TargetJson From(Core.Target.TargetRoot root, Core.Target.OsRelease os, Core.Target.OpenSshVersion sshd) =>
        new(root.DisplayRoot, new OsJson(os.Id, os.VersionId), new SshdJson(sshd.Text, sshd.Source));
}

public sealed record OsJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("version")] string Version);

public sealed record SshdJson(
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("source")] string Source);

public sealed record KeyJson(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("md5")] string Md5,
    [property: JsonPropertyName("comment")] string Comment,
    [property: JsonPropertyName("bits")] int Bits)
{
    public static KeyJson? From(Core.Keys.PublicKey? key) =>
        key is null ? null : new(key.Type, key.Sha256Fingerprint, key.Md5Fingerprint, key.Comment, key.Bits);
}

public sealed record UserVerdictJson(
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("findings")] IReadOnlyList<FindingJson> Findings)
{
    [JsonPropertyName("config"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SettingJson>? Config { get; init; }
}

[JsonSourceGenerationOptions(WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CheckJson))]
public sealed partial class CheckJsonContext : JsonSerializerContext
{
    public static CheckJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
    public static CheckJsonContext Compact { get; } = new(JsonOut.CreateCompactOptions());
}
