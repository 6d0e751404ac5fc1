using System.Runtime.Versioning;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SshDoctor.Aws.Repair;

/// <summary>
/// The local journal of one `ec2 fix` run (Ec2StateDir/INSTANCE/RUN/journal.jsonl): one JSON object per line,
/// appended and fsynced BEFORE the API change it announces ("intent") and after it ("done"), so a run killed at any
/// point can be completed (`ec2 fix --resume`) or rolled back (`ec2 undo`). The instance's original user data is
/// saved beside it (userdata.orig, fsynced, its SHA-256 in the journal) before anything changes.
/// </summary>
[UnsupportedOSPlatform("windows")]
public sealed class Ec2Journal
{
    public const string FileName = "journal.jsonl";
    public const string UserDataFile = "userdata.orig";

    private readonly List<JsonObject> _entries;

    private Ec2Journal(string dir, List<JsonObject> entries)
    {
        Directory = dir;
        _entries = entries;
    }

    public string Directory { get; }
    public string RunId => Path.GetFileName(Directory);
    public IReadOnlyList<JsonObject> Entries => _entries;

    public static Ec2Journal Create(string instanceId, string runId)
    {
        var dir = Path.Combine(Ec2StateDir.Ensure(Ec2StateDir.ForInstance(instanceId)), runId);
        System.IO.Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return new Ec2Journal(dir, []);
    }

    /// <summary>The newest run of the instance (by run id, which starts with a UTC time), or null.</summary>
    public static Ec2Journal? Latest(string instanceId)
    {
        var dir = Ec2StateDir.ForInstance(instanceId);
        if (!System.IO.Directory.Exists(dir)) return null;
        var last = System.IO.Directory.GetDirectories(dir).Where(d => File.Exists(Path.Combine(d, FileName)))
            .OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal).LastOrDefault();
        return last is null ? null : Load(last);
    }

    public static Ec2Journal Load(string dir)
    {
        var entries = new List<JsonObject>();
        foreach (var line in File.ReadAllLines(Path.Combine(dir, FileName)))
        {
            if (line.Length == 0) continue;
            try
            {
                if (JsonNode.Parse(line) is JsonObject o) entries.Add(o);
            }
            catch (JsonException)
            {
                // the last line of a run killed while writing it: that entry was never acted on
            }
        }
        return new Ec2Journal(dir, entries);
    }

    /// <summary>Appends one entry and makes it durable (file and directory fsync) before returning.</summary>
    public void Append(string type, params (string Key, object? Value)[] fields)
    {
        var o = new JsonObject { ["t"] = type, ["at"] = DateTime.UtcNow.ToString("O") };
        foreach (var (k, v) in fields)
            o[k] = v switch
            {
                null => null,
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                long l => JsonValue.Create(l),
                _ => JsonValue.Create(v.ToString()),
            };
        var bytes = Encoding.UTF8.GetBytes(o.ToJsonString() + "\n");
        using (var f = new FileStream(Path.Combine(Directory, FileName), FileMode.Append, FileAccess.Write, FileShare.Read, 4096, FileOptions.None))
        {
            f.Write(bytes);
            f.Flush(flushToDisk: true);
        }
        SyncDirectory(Directory);
        _entries.Add(o);
    }

    public JsonObject? First(string type) => _entries.FirstOrDefault(e => (string?)e["t"] == type);
    public JsonObject? Last(string type) => _entries.LastOrDefault(e => (string?)e["t"] == type);
    public bool Has(string type, string? step = null) => _entries.Any(e => (string?)e["t"] == type && (step is null || (string?)e["step"] == step));
    public bool Done(string step) => Has("done", step);
    public bool Intended(string step) => Has("intent", step);


    /// <summary>Writes the original user data (possibly empty) next to the journal, fsynced; returns its SHA-256.</summary>
    public string SaveUserData(byte[] data)
    {
        var path = Path.Combine(Directory, UserDataFile);
        var temp = path + ".tmp";
        using (var f = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            f.Write(data);
            f.Flush(flushToDisk: true);
        }
        File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, path, overwrite: true);
        SyncDirectory(Directory);
        return Sha256(data);
    }

    /// <summary>The saved original user data, checked against the SHA-256 the journal recorded.</summary>
    public byte[] OriginalUserData()
    {
        var expected = (string?)Last("userdata_saved")?["sha256"] ?? throw new InvalidDataException("the journal has no saved user data");
        var data = File.ReadAllBytes(Path.Combine(Directory, UserDataFile));
        if (Sha256(data) != expected) throw new InvalidDataException("the saved user data does not match the journal's SHA-256");
        return data;
    }

    public static string Sha256(byte[] data) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(data));

    // fsync on the directory: the new name (journal, saved user data) survives a crash too
    private static void SyncDirectory(string dir) => SshDoctor.Core.Repair.Posix.FsyncDirectory(dir);
}
