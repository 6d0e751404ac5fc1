using System.Text.Json;

namespace SshDoctor.Core.Fleet;

public sealed class HostDocumentException(string source, string detail) : Exception(detail)
{
    public string Input { get; } = source;
    public string Detail { get; } = detail;
}

/// <summary>
/// Reads sshdoctor's JSON output as a fleet collects it: one document per file, documents one after another,
/// or JSON Lines. Only the contract's fields are read (tool, command, target, host, verdict, findings, users,
/// changes, error), so documents of any command and any later schema-1 version merge.
/// </summary>
public static class HostDocuments
{
    private const int MaxBytes = 256 * 1024 * 1024;

    public static IEnumerable<HostResult> Read(string source, byte[] bytes)
    {
        if (bytes.Length > MaxBytes) throw new HostDocumentException(source, "larger than 256 MiB");
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { AllowMultipleValues = true, CommentHandling = JsonCommentHandling.Skip });
        var results = new List<HostResult>();
        var index = 0;
        while (true)
        {
            JsonDocument? doc;
            try
            {
                if (!reader.Read()) break;
                doc = JsonDocument.ParseValue(ref reader);
            }
            catch (JsonException e)
            {
                throw new HostDocumentException(source, $"not JSON at line {(e.LineNumber ?? 0) + 1}");
            }
            using (doc)
                results.Add(FromDocument(doc.RootElement, $"{source}#{++index}"));
        }
        if (results.Count == 0) throw new HostDocumentException(source, "no document");
        return results;
    }

    private static HostResult FromDocument(JsonElement doc, string fallbackName)
    {
        if (doc.ValueKind != JsonValueKind.Object || Text(doc, "tool") != "sshdoctor")
            throw new HostDocumentException(fallbackName, "not a sshdoctor document");
        var host = doc.TryGetProperty("host", out var h) && h.ValueKind == JsonValueKind.Object && Text(h, "name") is { } n ? n
            : doc.TryGetProperty("target", out var t) && t.ValueKind == JsonValueKind.Object && Text(t, "root") is { } root && root != "/" ? $"{fallbackName} ({root})"
            : fallbackName;
        var command = Text(doc, "command") ?? "?";
        if (doc.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            return new HostResult(host, command, "error", [], [], Text(error, "message") ?? Text(error, "id") ?? "error");

        var verdict = Text(doc, "verdict") ?? Text(doc, "result") ?? "unknown";
        var findings = new List<(string, string, string?)>();
        Collect(doc, null, findings);
        if (doc.TryGetProperty("users", out var users) && users.ValueKind == JsonValueKind.Array)
            foreach (var u in users.EnumerateArray())
                Collect(u, Text(u, "user"), findings);
        var losing = new List<string>();
        if (doc.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
            foreach (var c in changes.EnumerateArray())
                if (Text(c, "change") is "lost" or "may_lose" && Text(c, "user") is { } user && !losing.Contains(user))
                    losing.Add(user);
        var notJudged = verdict == "unknown" ? "verdict unknown" : null;
        return new HostResult(host, command, verdict, findings.Distinct().ToList(), losing, notJudged);
    }

    private static void Collect(JsonElement owner, string? user, List<(string, string, string?)> into)
    {
        if (!owner.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array) return;
        foreach (var f in findings.EnumerateArray())
            if (Text(f, "id") is { } id)
                into.Add((id, Text(f, "severity") ?? "info", Text(f, "user") ?? user));
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
