using System.Text.Json.Serialization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>The `"key"` object of design.md (fields may be added, never renamed).</summary>
internal sealed class KeyJsonKey
{
    public string? Type { get; init; }
    public string? Sha256 { get; init; }
    public string? Md5 { get; init; }
    public string? Comment { get; init; }
    public int? Bits { get; init; }
    public string? Curve { get; init; }
    public string? Format { get; init; }
    public bool Encrypted { get; init; }
    public string? Cipher { get; init; }
    public string? Kdf { get; init; }
    public string? AwsImportedMd5 { get; init; }
    public string? AwsCreatedSha1 { get; init; }
    public string? PublicKey { get; init; }
}

internal sealed class KeyJsonFix
{
    public string Summary { get; init; } = "";
    public IReadOnlyList<string> Commands { get; init; } = [];
}

internal sealed class KeyJsonFinding
{
    public string Id { get; init; } = "";
    public string Severity { get; init; } = "";
    public string? Path { get; init; }
    public string? User { get; init; }
    public string Message { get; init; } = "";
    public KeyJsonFix? Fix { get; init; }
}

internal sealed class KeyJsonDocument
{
    public string Tool { get; init; } = "sshdoctor";
    public int Schema { get; init; } = 1;
    public string Command { get; init; } = "";
    public string? Path { get; init; }
    public KeyJsonKey? Key { get; init; }
    public string? AwsNote { get; init; }
    public IReadOnlyList<KeyJsonFinding> Findings { get; init; } = [];
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Output { get; init; }
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? To { get; init; }
    /// <summary>No `target`: key reads a client-side file, named in `path`. Inspect: clean | blocking; public: printed; convert: written.</summary>
    public string Result { get; init; } = "";
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(KeyJsonDocument))]
internal sealed partial class KeyJsonContext : JsonSerializerContext;

/// <summary>Builds the JSON and text forms of key results.</summary>
internal static class KeyRender
{
    public static string FormatName(KeyFormat f) => f switch
    {
        KeyFormat.OpenSshPublicLine => "openssh-public",
        KeyFormat.Rfc4716Public => "rfc4716-public",
        KeyFormat.OpenSshPrivate => "openssh",
        KeyFormat.PemPkcs1Rsa => "pem-pkcs1",
        KeyFormat.PemSec1Ec => "pem-sec1",
        KeyFormat.PemDsa => "pem-dsa",
        KeyFormat.Pkcs8 => "pkcs8",
        KeyFormat.Pkcs8Encrypted => "pkcs8-encrypted",
        KeyFormat.PpkV2 => "ppk-v2",
        KeyFormat.PpkV3 => "ppk-v3",
        KeyFormat.PemPublic => "pem-public",
        _ => f.ToString().ToLowerInvariant(),
    };

    public static string? Curve(string? type) => type switch
    {
        "ecdsa-sha2-nistp256" or "sk-ecdsa-sha2-nistp256@openssh.com" => "nistp256",
        "ecdsa-sha2-nistp384" => "nistp384",
        "ecdsa-sha2-nistp521" => "nistp521",
        "ssh-ed25519" or "sk-ssh-ed25519@openssh.com" => "ed25519",
        _ => null,
    };

    public static KeyJsonKey Key(KeyFileInfo info, string? awsImported, string? awsCreated) => new()
    {
        Type = info.Public?.Type ?? info.KeyType,
        Sha256 = info.Public?.Sha256Fingerprint,
        Md5 = info.Public?.Md5Fingerprint,
        Comment = info.Public is not null || info.Comment.Length > 0 ? info.Comment : null,
        Bits = info.Public?.Bits,
        Curve = Curve(info.Public?.Type ?? info.KeyType),
        Format = FormatName(info.Format),
        Encrypted = info.Encrypted,
        Cipher = info.Cipher,
        Kdf = info.Kdf,
        AwsImportedMd5 = awsImported,
        AwsCreatedSha1 = awsCreated,
        PublicKey = info.Public?.OpenSshLine,
    };

    public static string Severity(Severity s) => s switch
    {
        Core.Findings.Severity.Blocking => "blocking",
        Core.Findings.Severity.Warning => "warning",
        _ => "info",
    };

    public static string Message(Messages m, Finding f) => m.Get(f.Args[KeyInspector.TextArg] + ".message", f.Args);
    public static string FixSummary(Messages m, Finding f) => m.Get(f.Args[KeyInspector.TextArg] + ".fix", f.Args);

    public static KeyJsonFinding Finding(Messages m, Finding f) => new()
    {
        Id = f.Id.ToString(),
        Severity = Severity(f.Severity),
        Path = f.Path,
        User = f.User,
        Message = Message(m, f),
        Fix = f.FixCommands.Count == 0 && !HasFixText(m, f) ? null : new KeyJsonFix { Summary = FixSummary(m, f), Commands = f.FixCommands },
    };

    private static bool HasFixText(Messages m, Finding f)
    {
        var key = f.Args[KeyInspector.TextArg] + ".fix";
        return m.Get(key) != key;
    }

    // Keys and messages stay readable (no \u00E9 or \u002B escapes); the output is never embedded in HTML.
    private static readonly KeyJsonContext Context = new(new System.Text.Json.JsonSerializerOptions(KeyJsonContext.Default.Options)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    public static string Json(KeyJsonDocument doc) => System.Text.Json.JsonSerializer.Serialize(doc, Context.KeyJsonDocument);
}
