using System.Text.Json;
using System.Text.Json.Serialization;

namespace SshDoctor.Core.Repair;

/// <summary>The prior state of one path a run touched. Content of files is kept beside the journal.</summary>
public sealed class JournalEntry
{
    [JsonPropertyName("path")] public string Path { get; set; } = "";
    [JsonPropertyName("existed")] public bool Existed { get; set; }
    [JsonPropertyName("kind")] public string Kind { get; set; } = "";
    [JsonPropertyName("mode")] public uint Mode { get; set; }
    [JsonPropertyName("uid")] public uint Uid { get; set; }
    [JsonPropertyName("gid")] public uint Gid { get; set; }
    /// <summary>File name of the saved content under the run directory (files only).</summary>
    [JsonPropertyName("content")] public string? Content { get; set; }
    /// <summary>Where the original was moved aside to (a directory in the place of authorized_keys).</summary>
    [JsonPropertyName("moved_to")] public string? MovedTo { get; set; }
    /// <summary>The object found before the change (device, inode); 0 when there was none.</summary>
    [JsonPropertyName("dev")] public ulong Dev { get; set; }
    [JsonPropertyName("ino")] public ulong Ino { get; set; }
    /// <summary>What this run left at the path: undo acts only on that very object, with these mode and owner.</summary>
    [JsonPropertyName("after_dev")] public ulong AfterDev { get; set; }
    [JsonPropertyName("after_ino")] public ulong AfterIno { get; set; }
    [JsonPropertyName("after_mode")] public uint AfterMode { get; set; }
    [JsonPropertyName("after_uid")] public uint AfterUid { get; set; }
    [JsonPropertyName("after_gid")] public uint AfterGid { get; set; }
    /// <summary>Set once the change was made (an entry without it changed nothing, or the run was killed mid-change).</summary>
    [JsonPropertyName("done")] public bool Done { get; set; }

    [JsonIgnore] public SshDoctor.Core.Target.FileId After => new(AfterDev, AfterIno);
}

public sealed class Journal
{
    [JsonPropertyName("run_id")] public string RunId { get; set; } = "";
    [JsonPropertyName("user")] public string User { get; set; } = "";
    [JsonPropertyName("started")] public DateTimeOffset Started { get; set; }
    /// <summary>applying, applied, rolled-back, undone</summary>
    [JsonPropertyName("status")] public string Status { get; set; } = "applying";
    [JsonPropertyName("entries")] public List<JournalEntry> Entries { get; set; } = new();

    public const string BackupRoot = "/var/backups/sshdoctor";
    public const string FileName = "journal.json";

    public static string NewRunId() => $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Random.Shared.Next(0x10000):x4}";

    public byte[] Serialize() => JsonSerializer.SerializeToUtf8Bytes(this, JournalJsonContext.Default.Journal);

    public static Journal? Deserialize(byte[] bytes)
    {
        try { return JsonSerializer.Deserialize(bytes, JournalJsonContext.Default.Journal); }
        catch (JsonException) { return null; }
    }
}

[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Journal))]
internal sealed partial class JournalJsonContext : JsonSerializerContext;
