using System.Text.Json.Serialization;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Cli.Output;

/// <summary>One effective sshd value and its origin, in check's JSON ("settings" of a finding, "config" with --show-config).</summary>
public sealed record SettingJson(
    [property: JsonPropertyName("keyword")] string Keyword,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("origin")] OriginJson Origin)
{
    public static SettingJson From(EffectiveValue v) => new(v.Keyword, v.Value,
        new OriginJson(OriginText.KindName(v.Origin.Kind), v.Origin.File, v.Origin.File is null ? null : v.Origin.Line, v.Origin.Match, v.Origin.MatchSource));
}

public sealed record OriginJson(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("file")] string? File,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("match")] string? Match,
    [property: JsonPropertyName("match_source")] string? MatchSource);
