using System.Text;
using System.Text.Json.Serialization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>The finding catalogue: docs/findings.md (Markdown), `explain --id` (text or JSON), in any language.</summary>
public static class CatalogRendering
{
    /// <summary>Placeholders become their names in capitals (USER, PATH): the entry speaks of any account or file.</summary>
    private static Dictionary<string, string> Names(string template) =>
        Messages.Placeholders(template).Distinct().ToDictionary(p => p, p => p.ToUpperInvariant(), StringComparer.Ordinal);

    public static string When(FindingId id, Messages m) => m.Get("explain.check." + id);

    public static string Fix(FindingId id, Messages m)
    {
        var key = id + ".fix";
        return m.Get(key, Names(m.Template(key)));
    }

    public static string Severity(Severity s, Messages m) => m.Get("severity." + s.ToString().ToLowerInvariant());

    public static string Markdown(Messages m)
    {
        var sb = new StringBuilder();
        sb.Append("# ").Append(m.Get("catalog.title")).Append("\n\n");
        sb.Append(m.Get("catalog.intro")).Append("\n\n");
        sb.Append(string.Join(" · ", FindingCatalog.Entries.Select(e => $"[{e.Id}](#{e.Id.ToString().ToLowerInvariant()})"))).Append("\n");
        foreach (var e in FindingCatalog.Entries)
        {
            sb.Append("\n## ").Append(e.Id).Append("\n\n");
            sb.Append("- **").Append(m.Label("catalog.severity")).Append("** ").Append(Severity(e.Severity, m)).Append('\n');
            sb.Append("- **").Append(m.Label("catalog.when")).Append("** ").Append(When(e.Id, m)).Append('\n');
            sb.Append("- **").Append(m.Label("catalog.log")).Append("**");
            if (e.Log.Count == 0) sb.Append(' ').Append(m.Get("catalog.no_log")).Append('\n');
            else
            {
                sb.Append('\n');
                foreach (var l in e.Log)
                    sb.Append("  - ").Append(m.Get("catalog.versions", ("versions", l.Versions), ("level", l.Level))).Append(": `").Append(l.Text).Append("`\n");
            }
            sb.Append("- **").Append(m.Label("catalog.fix")).Append("** ").Append(Fix(e.Id, m)).Append('\n');
        }
        return sb.ToString();
    }

    public static void WriteText(TextWriter w, CatalogEntry e, Messages m)
    {
        w.WriteLine($"{e.Id} ({Severity(e.Severity, m)})");
        w.WriteLine($"{m.Label("catalog.when")} {When(e.Id, m)}");
        if (e.Log.Count == 0) w.WriteLine($"{m.Label("catalog.log")} {m.Get("catalog.no_log")}");
        else
        {
            w.WriteLine(m.Label("catalog.log"));
            foreach (var l in e.Log) w.WriteLine($"  {m.Get("catalog.versions", ("versions", l.Versions), ("level", l.Level))}{m.Colon} {l.Text}");
        }
        w.WriteLine($"{m.Label("catalog.fix")} {Fix(e.Id, m)}");
    }

    public static CatalogJson ToJson(CatalogEntry e, Messages m) => new("sshdoctor", 1, "explain", "catalog", e.Id.ToString(),
        e.Severity.ToString().ToLowerInvariant(), When(e.Id, m), e.Log.Select(l => new CatalogLogJson(l.Versions, l.Level, l.Text)).ToList(), Fix(e.Id, m));
}

public sealed record CatalogJson(
    [property: JsonPropertyName("tool")] string Tool,
    [property: JsonPropertyName("schema")] int Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("when")] string When,
    [property: JsonPropertyName("log")] IReadOnlyList<CatalogLogJson> Log,
    [property: JsonPropertyName("fix")] string Fix);

public sealed record CatalogLogJson(
    [property: JsonPropertyName("versions")] string Versions,
    [property: JsonPropertyName("level")] string Level,
    [property: JsonPropertyName("line")] string Line);

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(CatalogJson))]
public sealed partial class CatalogJsonContext : JsonSerializerContext
{
    public static CatalogJsonContext Relaxed { get; } = new(JsonOut.CreateOptions());
}
