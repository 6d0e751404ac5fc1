using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>
/// The account's own SSM documents: CreateDocument, GetDocument, DescribeDocument, DeleteDocument, for Command
/// documents in JSON (one version each: "1", also answered for $LATEST and $DEFAULT). Names: 3 to 128 of
/// [a-zA-Z0-9_.-], not beginning with aws-, amazon or amzn (ValidationException); content at most 64 KB
/// (MaxDocumentSizeExceeded); a name in use: DocumentAlreadyExists; content checked by <see cref="CommandDocument"/>.
/// A missing document is InvalidDocument.
/// </summary>
internal sealed partial class DocumentStore(EmulatorState state)
{
    public const int MaxContent = 64 * 1024;
    private readonly ConcurrentDictionary<string, StoredDocument> _documents = new(StringComparer.Ordinal);

    internal sealed record StoredDocument(string Name, string Content, CommandDocument Parsed, string? VersionName, string? TargetType, DateTime Created, JsonArray Tags);

    [GeneratedRegex("^[a-zA-Z0-9_.-]{3,128}$")]
    private static partial Regex NamePattern();

    private static ApiError Invalid(string what) => new(400, "ValidationException", "1 validation error detected: " + what);

    private static string Required(JsonObject body, string key, string wire) =>
        (string?)body[key] is { Length: > 0 } v ? v : throw Invalid($"Value null at '{wire}' failed to satisfy constraint: Member must not be null");

    public StoredDocument? Find(string name) => _documents.TryGetValue(name, out var d) ? d : null;

    public JsonObject Create(JsonObject body)
    {
        var name = Required(body, "Name", "name");
        if (!NamePattern().IsMatch(name))
            throw Invalid($"Value '{name}' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-zA-Z0-9_\\-.]{{3,128}}$");
        if (name.StartsWith("aws-", StringComparison.OrdinalIgnoreCase) || name.StartsWith("amazon", StringComparison.OrdinalIgnoreCase)
            || name.StartsWith("amzn", StringComparison.OrdinalIgnoreCase))
            throw Invalid($"Document name {name}: a name can't begin with aws-, amazon or amzn.");
        var content = Required(body, "Content", "content");
        if (Encoding.UTF8.GetByteCount(content) > MaxContent) throw new ApiError(400, "MaxDocumentSizeExceeded", "The content of the document exceeds 64 KB.");
        var type = (string?)body["DocumentType"] ?? "Command";
        if (type != "Command") throw Invalid($"DocumentType {type}: this emulator takes Command documents only.");
        var format = (string?)body["DocumentFormat"] ?? "JSON";
        if (format is not ("JSON" or "YAML" or "TEXT"))
            throw Invalid($"Value '{format}' at 'documentFormat' failed to satisfy constraint: Member must satisfy enum value set: [YAML, JSON, TEXT]");
        if (format != "JSON") throw Invalid($"DocumentFormat {format}: this emulator takes JSON documents only.");
        var parsed = CommandDocument.Parse(content);
        var doc = new StoredDocument(name, content, parsed, (string?)body["VersionName"], (string?)body["TargetType"], DateTime.UtcNow,
            body["Tags"] is JsonArray tags ? (JsonArray)tags.DeepClone() : []);
        if (!_documents.TryAdd(name, doc)) throw new ApiError(400, "DocumentAlreadyExists", "Document with same name " + name + " already exists");
        return new JsonObject { ["DocumentDescription"] = Description(doc, "Creating") };
    }

    private StoredDocument Existing(JsonObject body)
    {
        var name = Required(body, "Name", "name");
        var doc = Find(name) ?? throw new ApiError(400, "InvalidDocument", "Document with name " + name + " does not exist.");
        if ((string?)body["DocumentVersion"] is { } version && version is not ("1" or "$LATEST" or "$DEFAULT"))
            throw new ApiError(400, "InvalidDocumentVersion", "Document version " + version + " does not exist for " + name + ".");
        if ((string?)body["VersionName"] is { } versionName && versionName != doc.VersionName)
            throw new ApiError(400, "InvalidDocument", "Document " + name + " has no version named " + versionName + ".");
        return doc;
    }

    public JsonObject Get(JsonObject body)
    {
        var doc = Existing(body);
        if ((string?)body["DocumentFormat"] is { } format && format != "JSON")
            throw Invalid($"DocumentFormat {format}: this emulator answers JSON only.");
        return new JsonObject
        {
            ["Name"] = doc.Name,
            ["CreatedDate"] = Epoch(doc.Created),
            ["VersionName"] = doc.VersionName,
            ["DocumentVersion"] = "1",
            ["Status"] = "Active",
            ["Content"] = doc.Content,
            ["DocumentType"] = "Command",
            ["DocumentFormat"] = "JSON",
        };
    }

    public JsonObject Describe(JsonObject body) => new() { ["Document"] = Description(Existing(body), "Active") };

    public JsonObject Delete(JsonObject body)
    {
        var doc = Existing(body);
        _documents.TryRemove(doc.Name, out _);
        return new JsonObject();
    }

    private static double Epoch(DateTime t) => Math.Round((t - DateTime.UnixEpoch).TotalSeconds, 3);

    private JsonObject Description(StoredDocument doc, string status)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(doc.Content)));
        var parameters = new JsonArray();
        foreach (var p in doc.Parsed.Parameters)
        {
            var item = new JsonObject { ["Name"] = p.Name, ["Type"] = p.Type, ["Description"] = p.Description };
            if (p.Default is { } d) item["DefaultValue"] = d;
            parameters.Add(item);
        }
        return new JsonObject
        {
            ["Sha1"] = hash, // the deprecated field: the emulator puts the SHA-256 in it too (not verified against SSM)
            ["Hash"] = hash,
            ["HashType"] = "Sha256",
            ["Name"] = doc.Name,
            ["VersionName"] = doc.VersionName,
            ["Owner"] = state.Options.AccountId,
            ["CreatedDate"] = Epoch(doc.Created),
            ["Status"] = status,
            ["DocumentVersion"] = "1",
            ["Description"] = doc.Parsed.Description,
            ["Parameters"] = parameters,
            ["PlatformTypes"] = new JsonArray("Linux", "MacOS"),
            ["DocumentType"] = "Command",
            ["SchemaVersion"] = doc.Parsed.SchemaVersion,
            ["LatestVersion"] = "1",
            ["DefaultVersion"] = "1",
            ["DocumentFormat"] = "JSON",
            ["TargetType"] = doc.TargetType,
            ["Tags"] = doc.Tags.DeepClone(),
        };
    }
}
