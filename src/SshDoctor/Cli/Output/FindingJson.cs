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
