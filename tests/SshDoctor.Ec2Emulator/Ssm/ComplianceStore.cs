using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>
/// SSM Compliance: PutComplianceItems and ListComplianceItems. Items are kept per (ResourceId, ComplianceType); a
/// COMPLETE upload (the default) replaces that type's items, a PARTIAL one updates them by Id, as the SSM API
/// Reference describes. Validation follows the reference's constraints (ValidationException otherwise); the
/// ResourceId must name an instance of the emulator (InvalidResourceId), the ResourceType be ManagedInstance
/// (InvalidResourceType).
/// </summary>
internal sealed class ComplianceStore(EmulatorState state)
{
    public const int MaxItems = 10000;
    private static readonly string[] Severities = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "INFORMATIONAL", "UNSPECIFIED"];
    private static readonly string[] Statuses = ["COMPLIANT", "NON_COMPLIANT"];
    private readonly ConcurrentDictionary<(string Resource, string Type), Entry> _entries = new();

    private sealed record Entry(string ResourceType, JsonObject Summary, List<JsonObject> Items);

    private static ApiError Invalid(string what) => new(400, "ValidationException", "1 validation error detected: " + what);

    public JsonObject Put(JsonObject body)
    {
        var resourceId = (string?)body["ResourceId"] ?? throw Invalid("Value null at 'resourceId' failed to satisfy constraint: Member must not be null");
        var resourceType = (string?)body["ResourceType"] ?? throw Invalid("Value null at 'resourceType' failed to satisfy constraint: Member must not be null");
        var type = (string?)body["ComplianceType"] ?? throw Invalid("Value null at 'complianceType' failed to satisfy constraint: Member must not be null");
        if (!ValidType(type))
            throw Invalid($"Value '{type}' at 'complianceType' failed to satisfy constraint: Member must satisfy regular expression pattern: [A-Za-z0-9_\\-]\\w+|Custom:[a-zA-Z0-9_\\-]\\w+ (here: Custom: and 1 to 100 characters)");
        if (resourceType != "ManagedInstance") throw new ApiError(400, "InvalidResourceType", $"Resource type {resourceType} is not supported.");
        if (!state.Instances.ContainsKey(resourceId)) throw new ApiError(400, "InvalidResourceId", $"Resource {resourceId} is not a managed instance.");
        var summary = body["ExecutionSummary"] as JsonObject ?? throw Invalid("Value null at 'executionSummary' failed to satisfy constraint: Member must not be null");
        if (summary["ExecutionTime"] is null) throw Invalid("Value null at 'executionSummary.executionTime' failed to satisfy constraint: Member must not be null");
        var items = body["Items"] as JsonArray ?? throw Invalid("Value null at 'items' failed to satisfy constraint: Member must not be null");
        if (items.Count > MaxItems) throw Invalid($"Value at 'items' failed to satisfy constraint: Member must have length less than or equal to {MaxItems}");
        var upload = (string?)body["UploadType"] ?? "COMPLETE";
        if (upload is not ("COMPLETE" or "PARTIAL")) throw Invalid($"Value '{upload}' at 'uploadType' failed to satisfy constraint: Member must satisfy enum value set: [COMPLETE, PARTIAL]");
        var parsed = new List<JsonObject>();
        for (var n = 0; n < items.Count; n++)
        {
            var item = items[n] as JsonObject ?? throw Invalid($"Value at 'items.{n + 1}' failed to satisfy constraint: Member must be an object");
            var id = (string?)item["Id"];
            if (id is { Length: > 100 }) throw Invalid($"Value at 'items.{n + 1}.member.id' failed to satisfy constraint: Member must have length less than or equal to 100");
            var title = (string?)item["Title"];
            if (title is { Length: > 500 }) throw Invalid($"Value at 'items.{n + 1}.member.title' failed to satisfy constraint: Member must have length less than or equal to 500");
            var severity = (string?)item["Severity"];
            if (severity is null || !Severities.Contains(severity))
                throw Invalid($"Value '{severity}' at 'items.{n + 1}.member.severity' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Severities)}]");
            var status = (string?)item["Status"];
            if (status is null || !Statuses.Contains(status))
                throw Invalid($"Value '{status}' at 'items.{n + 1}.member.status' failed to satisfy constraint: Member must satisfy enum value set: [{string.Join(", ", Statuses)}]");
            parsed.Add(new JsonObject
            {
                ["Id"] = id ?? "",
                ["Title"] = title ?? "",
                ["Severity"] = severity,
                ["Status"] = status,
                ["Details"] = item["Details"]?.DeepClone() ?? new JsonObject(),
            });
        }
        _entries.AddOrUpdate((resourceId, type),
            _ => new Entry(resourceType, (JsonObject)summary.DeepClone(), parsed),
            (_, old) =>
            {
                if (upload == "COMPLETE") return new Entry(resourceType, (JsonObject)summary.DeepClone(), parsed);
                var merged = old.Items.Where(o => parsed.All(p => (string?)p["Id"] != (string?)o["Id"])).Concat(parsed).ToList();
                return new Entry(resourceType, (JsonObject)summary.DeepClone(), merged);
            });
        return new JsonObject();
    }

    /// <summary>`Custom:` and 1 to 100 characters, or one of SSM's own types (Association, Patch).</summary>
    public static bool ValidType(string type) =>
        type is "Association" or "Patch" || type.StartsWith("Custom:", StringComparison.Ordinal) && type.Length is > 7 and <= 107;

    /// <summary>ListComplianceItems: ResourceIds, ResourceTypes, Filters on ComplianceType, Status, Severity or Id (EQUAL, NOT_EQUAL); one page.</summary>
    public JsonObject List(JsonObject body)
    {
        var ids = Strings(body["ResourceIds"]);
        var types = Strings(body["ResourceTypes"]);
        var filters = new List<(string Key, List<string> Values, bool Equal)>();
        foreach (var f in body["Filters"] as JsonArray ?? [])
        {
            if (f is not JsonObject) throw Invalid("Value at 'filters.member' failed to satisfy constraint: Member must be an object");
            var key = (string?)f["Key"] ?? throw Invalid("Value null at 'filters.member.key' failed to satisfy constraint: Member must not be null");
            if (key is not ("ComplianceType" or "Status" or "Severity" or "Id"))
                throw Invalid($"Value '{key}' at 'filters.member.key' is not a supported filter key (ComplianceType, Status, Severity, Id)");
            var op = (string?)f["Type"] ?? "EQUAL";
            if (op is not ("EQUAL" or "NOT_EQUAL")) throw Invalid($"Value '{op}' at 'filters.member.type' is not supported here (EQUAL, NOT_EQUAL)");
            filters.Add((key, Strings(f["Values"]), op == "EQUAL"));
        }
        var list = new JsonArray();
        foreach (var ((resource, type), entry) in _entries.OrderBy(e => e.Key.Resource, StringComparer.Ordinal).ThenBy(e => e.Key.Type, StringComparer.Ordinal))
        {
            if (ids.Count > 0 && !ids.Contains(resource)) continue;
            if (types.Count > 0 && !types.Contains(entry.ResourceType)) continue;
            foreach (var item in entry.Items)
            {
                var row = new JsonObject
                {
                    ["ComplianceType"] = type,
                    ["ResourceType"] = entry.ResourceType,
                    ["ResourceId"] = resource,
                    ["Id"] = (string?)item["Id"],
                    ["Title"] = (string?)item["Title"],
                    ["Status"] = (string?)item["Status"],
                    ["Severity"] = (string?)item["Severity"],
                    ["ExecutionSummary"] = entry.Summary.DeepClone(),
                    ["Details"] = item["Details"]?.DeepClone(),
                };
                if (filters.All(f => f.Values.Contains((string?)row[f.Key] ?? "") == f.Equal)) list.Add(row);
            }
        }
        return new JsonObject { ["ComplianceItems"] = list };
    }

    private static List<string> Strings(JsonNode? node) => node is JsonArray a ? [.. a.Select(v => v?.GetValue<string>() ?? "")] : [];
}
