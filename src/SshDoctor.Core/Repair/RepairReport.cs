using System.Text.Json;

namespace SshDoctor.Core.Repair;

/// <summary>
/// The machine-readable report of userdata-repair.sh: lines `sshdoctor-report: {json}` in its output or in an
/// instance's console output, one per action and a last one with "summary": true. Lines are numbered ("n") so a
/// report cut short (SSM keeps 24,000 characters of output, a console buffer rolls over) is detected, never taken
/// as complete.
/// </summary>
public sealed record RepairReport(IReadOnlyList<RepairReport.Action> Actions, RepairReport.Summary? Final, int HighestLine)
{
    public const string Prefix = "sshdoctor-report: ";

    public sealed record State(string Mode, long Uid, long Gid);

    public sealed record Action(int N, string Run, string Mode, string Verb, string Path, State? Before, State? After, string Result, string Detail);

    public sealed record Summary(int N, string Run, string Mode, string Result, int Changed, string? BackupDir, string? ManifestSha256, int Lines, string Message);

    /// <summary>Every line numbered 1..summary's "lines" is there: nothing was lost between the script and us.</summary>
    public bool Complete => Final is not null && Actions.Count == Final.Lines - 1 && Actions.Select(a => a.N).Distinct().Count() == Actions.Count;

    /// <summary>The numbers missing below the highest line seen (what to fetch again).</summary>
    public int FirstMissing()
    {
        var seen = Actions.Select(a => a.N).ToHashSet();
        if (Final is not null) seen.Add(Final.N);
        for (var i = 1; ; i++) if (!seen.Contains(i)) return i;
    }

    /// <summary>The report lines of run <paramref name="run"/> (every run when null) in <paramref name="text"/>;
    /// a later copy of a line (a console printed twice, a report fetched again) replaces the earlier one.</summary>
    public static RepairReport Parse(string text, string? run = null, string? mode = null)
    {
        var actions = new SortedDictionary<int, Action>();
        Summary? summary = null;
        var highest = 0;
        foreach (var raw in text.Split('\n'))
        {
            var at = raw.IndexOf(Prefix, StringComparison.Ordinal);
            if (at < 0) continue;
            var json = raw[(at + Prefix.Length)..].TrimEnd('\r');
            try
            {
                using var doc = JsonDocument.Parse(json);
                var r = doc.RootElement;
                if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("n", out var nEl) || !nEl.TryGetInt32(out var n)) continue;
                var lineRun = Str(r, "run");
                var lineMode = Str(r, "mode");
                if (run is not null && lineRun != run) continue;
                if (mode is not null && lineMode != mode) continue;
                highest = Math.Max(highest, n);
                if (r.TryGetProperty("summary", out var s) && s.ValueKind == JsonValueKind.True)
                    summary = new Summary(n, lineRun, lineMode, Str(r, "result"), Int(r, "changed"), NullableStr(r, "backup_dir"),
                        NullableStr(r, "manifest_sha256"), Int(r, "lines"), Str(r, "message"));
                else
                    actions[n] = new Action(n, lineRun, lineMode, Str(r, "action"), Str(r, "path"), StateOf(r, "before"), StateOf(r, "after"),
                        Str(r, "result"), Str(r, "detail"));
            }
            catch (JsonException)
            {
                // a line cut in the middle (console buffer, output limit): counted as missing through "n"
            }
        }
        return new RepairReport([.. actions.Values], summary, highest);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    private static string? NullableStr(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;

    private static State? StateOf(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Object) return null;
        return new State(Str(v, "mode"), v.TryGetProperty("uid", out var u) && u.TryGetInt64(out var uid) ? uid : -1,
            v.TryGetProperty("gid", out var g) && g.TryGetInt64(out var gid) ? gid : -1);
    }
}
