using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshDoctor.Core.Repair;

/// <summary>
/// A run as recorded on the machine that ran fix, outside the target (/var/lib/sshdoctor/runs/&lt;run-id&gt;.json):
/// the root's identity, the journal itself with its SHA-256, and the SHA-256 of every backup. undo trusts the
/// journal in the target's run directory only through this record (or with --trust-journal).
/// </summary>
public sealed class RunRecord
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";
    [JsonPropertyName("root")] public string Root { get; set; } = "";
    [JsonPropertyName("root_dev")] public ulong RootDev { get; set; }
    [JsonPropertyName("root_ino")] public ulong RootIno { get; set; }
    [JsonPropertyName("journal_sha256")] public string JournalSha256 { get; set; } = "";
    [JsonPropertyName("journal")] public Journal Journal { get; set; } = new();
    [JsonPropertyName("backups")] public Dictionary<string, string> Backups { get; set; } = new(StringComparer.Ordinal);

    /// <summary>SSHDOCTOR_STATE_DIR overrides the directory (a test's private state); default /var/lib/sshdoctor.</summary>
    public static string Directory =>
        Path.Combine(Environment.GetEnvironmentVariable("SSHDOCTOR_STATE_DIR") is { Length: > 0 } d ? d : "/var/lib/sshdoctor", "runs");

    public static string PathOf(string runId) => Path.Combine(Directory, runId + ".json");

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Save()
    {
        System.IO.Directory.CreateDirectory(Directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        AtomicFile.Write(PathOf(RunId), JsonSerializer.SerializeToUtf8Bytes(this, RunRecordJsonContext.Default.RunRecord),
            UnixFileMode.UserRead | UnixFileMode.UserWrite, 0, 0);
    }

    public static RunRecord? Load(string runId)
    {
        var path = PathOf(runId);
        if (!File.Exists(path)) return null;
        try { return JsonSerializer.Deserialize(File.ReadAllBytes(path), RunRecordJsonContext.Default.RunRecord); }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException) { return null; }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(RunRecord))]
internal sealed partial class RunRecordJsonContext : JsonSerializerContext;
