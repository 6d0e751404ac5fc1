using System.Text.Json.Serialization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>A finding as design.md's JSON contract shows it.</summary>
public sealed record FindingJson(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("path"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Path,
    [property: JsonPropertyName("user"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? User,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("fix")] FixJson? Fix)
{
    /// <summary>The effective sshd values behind the finding, each with its origin (check only).</summary>
    [JsonPropertyName("settings"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<SettingJson>? Settings { get; init; }

    public static FindingJson From(Finding f, Messages messages, Core.Model.UserReport? user) =>
        From(f, messages) with { Settings = user is null ? null : OriginText.ToJson(user.SettingsBehind(f)) };

    public static FindingJson From(Finding f, Messages messages) => new(
        f.Id.ToString(),
        SeverityName(f.Severity),
        f.Path,
        f.User,
        messages.Message(f),
        new FixJson(messages.FixSummary(f), f.FixCommands));

    public static string SeverityName(Core.Findings.Severity s) => s switch
    {
        Core.Findings.Severity.Blocking => "blocking",
        Core.Findings.Severity.Warning => "warning",
        _ => "info",
    };
}

public sealed record FixJson(
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("commands")] IReadOnlyList<string> Commands);
