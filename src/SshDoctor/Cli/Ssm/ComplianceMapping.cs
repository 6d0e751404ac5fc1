using System.Text.Json;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Ssm;

/// <summary>One SSM compliance item as sshdoctor sends it (ComplianceItemEntry: Id, Title, Severity, Status, Details).</summary>
public sealed record ComplianceEntry(string Id, string Title, string Severity, string Status, string Finding, string? User, string? Path);

/// <summary>The input was not the JSON of `sshdoctor check --json`; <see cref="TextId"/> says why (texts ssm.err.*).</summary>
public sealed class ComplianceInputException(string textId, string detail) : Exception(detail)
{
    public string TextId { get; } = textId;
    public string Detail { get; } = detail;
}

/// <summary>
/// Turns the JSON of `sshdoctor check --json` (with or without --candidate, --all-users or one user) into compliance
/// items: one per finding and account (Id "FINDING:user", or the finding's ID for a server finding), Title its
/// message. Severity: an account that loses all access with the candidate → CRITICAL, a blocking finding → HIGH, a
/// warning → MEDIUM, info → INFORMATIONAL. Status: NON_COMPLIANT, except for info (COMPLIANT: a note is nothing to
/// fix, and would otherwise mark every instance non-compliant). Nothing at all to report: one COMPLIANT item
/// "sshdoctor". Ids are cut to SSM's 100 characters, titles to 500; duplicates keep the highest severity.
/// </summary>
public static class ComplianceMapping
{
    public const int MaxId = 100;
    public const int MaxTitle = 500;
    public const string NothingId = "sshdoctor";
    public const string LosesAllId = "ACCESS_LOST";
    private static readonly string[] Order = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED"];

    /// <summary>sshdoctor's severity (blocking, warning, info) as SSM's, CRITICAL when the account loses all access.</summary>
    public static string Severity(string sshdoctorSeverity, bool losesAllAccess) =>
        losesAllAccess ? "CRITICAL" : sshdoctorSeverity switch
        {
            "blocking" => "HIGH",
            "warning" => "MEDIUM",
            "info" => "INFORMATIONAL",
            _ => "UNSPECIFIED",
        };

    public static string Status(string severity) => severity == "INFORMATIONAL" ? "COMPLIANT" : "NON_COMPLIANT";

    public static IReadOnlyList<ComplianceEntry> FromCheckJson(string json, Messages m)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(json); }
        catch (JsonException e) { throw new ComplianceInputException("ssm.err.input", e.Message); }
        using (doc) return FromCheckJson(doc.RootElement, m);
    }

    public static IReadOnlyList<ComplianceEntry> FromCheckJson(JsonElement root, Messages m)
    {
        if (root.ValueKind != JsonValueKind.Object || Text(root, "tool") != "sshdoctor")
            throw new ComplianceInputException("ssm.err.input", "not an sshdoctor document (\"tool\": \"sshdoctor\")");
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            throw new ComplianceInputException("ssm.err.input_error", (Text(error, "id") ?? "?") + ": " + (Text(error, "message") ?? ""));
        if (Text(root, "command") != "check")
            throw new ComplianceInputException("ssm.err.input", $"the document is from sshdoctor {Text(root, "command") ?? "?"}, not sshdoctor check");
        if (!root.TryGetProperty("findings", out var findings) || findings.ValueKind != JsonValueKind.Array)
            throw new ComplianceInputException("ssm.err.input", "no \"findings\" list");

        var losingAll = new HashSet<string>(StringComparer.Ordinal);
        if (root.TryGetProperty("summary", out var summary) && summary.TryGetProperty("accounts_losing_all_access", out var lost) && lost.ValueKind == JsonValueKind.Array)
            foreach (var u in lost.EnumerateArray())
                if (u.ValueKind == JsonValueKind.String) losingAll.Add(u.GetString()!);

        var items = new Dictionary<string, ComplianceEntry>(StringComparer.Ordinal);
        foreach (var f in findings.EnumerateArray()) Add(items, f, Text(f, "user"), losingAll);
        if (root.TryGetProperty("changes", out var changes) && changes.ValueKind == JsonValueKind.Array)
            foreach (var c in changes.EnumerateArray())
            {
                if (Text(c, "change") is not ("lost" or "may_lose")) continue;
                var user = Text(c, "user");
                if (c.TryGetProperty("findings", out var why) && why.ValueKind == JsonValueKind.Array)
                    foreach (var f in why.EnumerateArray()) Add(items, f, user ?? Text(f, "user"), losingAll);
            }
        foreach (var user in losingAll.Order(StringComparer.Ordinal))
            if (!items.Values.Any(i => i.User == user && i.Severity == "CRITICAL"))
                Put(items, new ComplianceEntry(Id(LosesAllId, user), Cut(m.Get("ssm.item.loses_all", ("user", user)), MaxTitle), "CRITICAL", "NON_COMPLIANT", LosesAllId, user, null));

        if (items.Count == 0)
            return [new ComplianceEntry(NothingId, Cut(m.Get("ssm.item.nothing"), MaxTitle), "INFORMATIONAL", "COMPLIANT", NothingId, null, null)];
        return [.. items.Values.OrderBy(i => Array.IndexOf(Order, i.Severity)).ThenBy(i => i.Id, StringComparer.Ordinal)];
    }

    private static void Add(Dictionary<string, ComplianceEntry> items, JsonElement f, string? user, HashSet<string> losingAll)
    {
        var finding = Text(f, "id") ?? throw new ComplianceInputException("ssm.err.input", "a finding without \"id\"");
        var severity = Severity(Text(f, "severity") ?? "", user is not null && losingAll.Contains(user));
        Put(items, new ComplianceEntry(Id(finding, user), Cut(Text(f, "message") ?? finding, MaxTitle), severity, Status(severity), finding, user, Text(f, "path")));
    }

    private static void Put(Dictionary<string, ComplianceEntry> items, ComplianceEntry e)
    {
        if (!items.TryGetValue(e.Id, out var old) || Array.IndexOf(Order, e.Severity) < Array.IndexOf(Order, old.Severity)) items[e.Id] = e;
    }

    private static string Id(string finding, string? user) => Cut(user is null ? finding : finding + ":" + user, MaxId);

    private static string Cut(string s, int max) => s.Length <= max ? s : s[..max];

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
