using System.Text.Json;
using System.Text.RegularExpressions;

namespace SshDoctor.Aws.Ec2;

/// <summary>One row of cloud-init's "Authorized keys from FILE for user U" table: key type, fingerprint (hex pairs), comment.</summary>
public sealed record ConsoleKey(string Type, string Fingerprint, string Options, string Comment);

/// <summary>The keys cloud-init found for one user at boot (an empty list: "no authorized SSH keys fingerprints found").</summary>
public sealed record ConsoleUserKeys(string User, string? File, string Hash, IReadOnlyList<ConsoleKey> Keys);

/// <summary>A summary line of sshdoctor's own repair script (`sshdoctor-report: {...,"summary":true}`).</summary>
public sealed record ConsoleRepairSummary(string Run, string Mode, string Result, int Changed, string Message);

/// <summary>What the console output shows: the key tables, sshd and cloud-init errors, the repair script's report.</summary>
public sealed record ConsoleFacts(
    IReadOnlyList<ConsoleUserKeys> Users,
    IReadOnlyList<string> Errors,
    IReadOnlyList<ConsoleRepairSummary> Repairs,
    int ReportLines);

/// <summary>
/// Reads GetConsoleOutput's text. cloud-init (cc_ssh_authkey_fingerprints, on by default) prints, per user, a banner
/// `Authorized keys from F for user U` centred in '+' and a table of key type, fingerprint (hex digest of the key blob,
/// sha256 unless authkey_hash says otherwise; md5 before cloud-init 0.7.x), options and comment. Lines carry a
/// `ci-info: ` prefix, often after a kernel or journal prefix.
/// </summary>
public static partial class ConsoleOutputParser
{
    public const string ReportPrefix = "sshdoctor-report: ";

    public static ConsoleFacts Parse(string text)
    {
        var users = new List<ConsoleUserKeys>();
        var errors = new List<string>();
        var repairs = new List<ConsoleRepairSummary>();
        var reportLines = 0;
        ConsoleUserKeys? current = null;
        List<ConsoleKey>? rows = null;
        string[]? header = null;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var report = line.IndexOf(ReportPrefix, StringComparison.Ordinal);
            if (report >= 0)
            {
                reportLines++;
                if (RepairSummary(line[(report + ReportPrefix.Length)..]) is { } summary) repairs.Add(summary);
                continue;
            }
            var ci = line.IndexOf("ci-info: ", StringComparison.Ordinal);
            if (ci >= 0)
            {
                var body = line[(ci + "ci-info: ".Length)..];
                if (Banner().Match(body) is { Success: true } b)
                {
                    Close();
                    current = new ConsoleUserKeys(b.Groups["user"].Value, b.Groups["file"].Value, "sha256", []);
                    rows = [];
                    header = null;
                    continue;
                }
                if (NoKeys().Match(body) is { Success: true } n)
                {
                    Close();
                    users.Add(new ConsoleUserKeys(n.Groups["user"].Value, null, "sha256", []));
                    continue;
                }
                if (current is not null && body.StartsWith('|'))
                {
                    var cells = body.Trim().Trim('|').Split('|').Select(c => c.Trim()).ToArray();
                    if (header is null)
                    {
                        header = cells;
                        var hash = cells.Length > 1 ? HashName().Match(cells[1]) : Match.Empty;
                        if (hash.Success) current = current with { Hash = hash.Groups[1].Value.ToLowerInvariant() };
                    }
                    else if (cells.Length >= 4)
                        rows!.Add(new ConsoleKey(cells[0], cells[1], cells[2], string.Join("|", cells[3..])));
                    continue;
                }
                if (current is not null && body.StartsWith('+')) continue;
                Close();
                continue;
            }
            if (ErrorLine().IsMatch(line)) errors.Add(KernelPrefix().Replace(line, "").Trim());
        }
        Close();
        return new ConsoleFacts(users, errors.Distinct().TakeLast(20).ToList(), repairs, reportLines);

        void Close()
        {
            if (current is not null) users.Add(current with { Keys = rows ?? [] });
            current = null;
            rows = null;
            header = null;
        }
    }

    private static ConsoleRepairSummary? RepairSummary(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var r = doc.RootElement;
            if (r.ValueKind != JsonValueKind.Object || !r.TryGetProperty("summary", out var s) || s.ValueKind != JsonValueKind.True)
                return null;
            return new ConsoleRepairSummary(Str(r, "run"), Str(r, "mode"), Str(r, "result"),
                r.TryGetProperty("changed", out var c) && c.TryGetInt32(out var n) ? n : 0, Str(r, "message"));
        }
        catch (JsonException)
        {
            return null; // cut by the console buffer
        }
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : "";

    [GeneratedRegex(@"^\+*Authorized keys from (?<file>.+) for user (?<user>\S+?)\+*$")]
    private static partial Regex Banner();

    [GeneratedRegex(@"no authorized SSH keys fingerprints found for user (?<user>\S+?)\.?$")]
    private static partial Regex NoKeys();

    [GeneratedRegex(@"Fingerprint \((\w+)\)")]
    private static partial Regex HashName();

    /// <summary>sshd that will not start or refuses its config, cloud-init modules and user scripts that failed.</summary>
    [GeneratedRegex(@"(sshd?(\.service|\[\d+\])?:.*\b(error|fatal)\b|Failed to start .*(ssh|OpenSSH|OpenBSD Secure Shell)|sshd_config line \d+:|Bad configuration option|cloud-init.*\b(ERROR|CRITICAL)\b|\[WARNING\]: (Failed|Running module)|Failed to run module|Failed running /var/lib/cloud|Traceback \(most recent call last\))", RegexOptions.IgnoreCase)]
    private static partial Regex ErrorLine();

    [GeneratedRegex(@"^\[\s*\d+\.\d+\]\s*")]
    private static partial Regex KernelPrefix();
}
