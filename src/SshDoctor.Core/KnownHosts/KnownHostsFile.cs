using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.KnownHosts;

public enum KnownHostsMarker { None, CertAuthority, Revoked }

/// <summary>One known_hosts line (sshd(8) "SSH_KNOWN_HOSTS FILE FORMAT").</summary>
public sealed record KnownHostsEntry(string File, int Line, KnownHostsMarker Marker, string HostField, PublicKey Key)
{
    /// <summary>Whether this line's host field names <paramref name="lookupName"/> (plain patterns or a |1| hash).</summary>
    public bool Matches(string lookupName)
    {
        if (HostField.StartsWith("|1|", StringComparison.Ordinal))
            return HashedMatches(HostField, lookupName);
        var matched = false;
        foreach (var raw in HostField.Split(','))
        {
            var negated = raw.StartsWith('!');
            var pattern = negated ? raw[1..] : raw;
            if (!Wildcard(pattern.ToLowerInvariant(), lookupName.ToLowerInvariant())) continue;
            if (negated) return false;
            matched = true;
        }
        return matched;
    }

    private static bool HashedMatches(string field, string name)
    {
        var parts = field.Split('|');
        if (parts.Length != 4) return false;
        try
        {
            var salt = Convert.FromBase64String(parts[2]);
            var hash = Convert.FromBase64String(parts[3]);
            var mine = HMACSHA1.HashData(salt, Encoding.UTF8.GetBytes(name.ToLowerInvariant()));
            return CryptographicOperations.FixedTimeEquals(mine, hash);
        }
        catch (FormatException) { return false; }
    }

    /// <summary>OpenSSH's match_pattern: '*' any run, '?' one character.</summary>
    internal static bool Wildcard(string pattern, string s)
    {
        int p = 0, i = 0, star = -1, mark = 0;
        while (i < s.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || pattern[p] == s[i])) { p++; i++; }
            else if (p < pattern.Length && pattern[p] == '*') { star = p++; mark = i; }
            else if (star >= 0) { p = star + 1; i = ++mark; }
            else return false;
        }
        while (p < pattern.Length && pattern[p] == '*') p++;
        return p == pattern.Length;
    }
}

public enum HostKeyStatus
{
    /// <summary>A line for this host holds exactly this key.</summary>
    Known,
    /// <summary>Lines for this host hold another key of the same type: ssh refuses ("REMOTE HOST IDENTIFICATION HAS CHANGED").</summary>
    Changed,
    /// <summary>The key is marked @revoked.</summary>
    Revoked,
    /// <summary>No line for this host with this key type (first connection).</summary>
    Unknown,
}

public sealed record HostKeyCheck(HostKeyStatus Status, string LookupName, PublicKey ServerKey,
    IReadOnlyList<KnownHostsEntry> SameHostEntries, KnownHostsEntry? Matched)
{
    /// <summary>The line that removes the stale entries: ssh-keygen -R NAME [-f FILE].</summary>
    public string RemoveCommand(string defaultFile)
    {
        var file = SameHostEntries.FirstOrDefault(e => e.Key.Type == ServerKey.Type)?.File ?? defaultFile;
        var name = LookupName.StartsWith('[') ? $"\"{LookupName}\"" : LookupName;
        return file == defaultFile ? $"ssh-keygen -R {name}" : $"ssh-keygen -R {name} -f {file}";
    }
}

/// <summary>Reads known_hosts files and compares a server's host key with them, as ssh does.</summary>
public static class KnownHostsFile
{
    public static string DefaultPath(string? home = null)
        => Path.Combine(home ?? Environment.GetEnvironmentVariable("HOME") ?? "/root", ".ssh", "known_hosts");

    /// <summary>ssh's defaults: UserKnownHostsFile ~/.ssh/known_hosts ~/.ssh/known_hosts2, GlobalKnownHostsFile /etc/ssh/ssh_known_hosts(2).</summary>
    public static IReadOnlyList<string> DefaultPaths(string? home = null)
    {
        var user = DefaultPath(home);
        return [user, user + "2", "/etc/ssh/ssh_known_hosts", "/etc/ssh/ssh_known_hosts2"];
    }

    /// <summary>"host" for port 22, "[host]:port" otherwise (ssh's lookup name).</summary>
    public static string LookupName(string host, int port) => port == 22 ? host : $"[{host}]:{port}";

    public static List<KnownHostsEntry> Parse(string file, string text)
    {
        var entries = new List<KnownHostsEntry>();
        var lineNo = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNo++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            var marker = KnownHostsMarker.None;
            var i = 0;
            if (fields[0].StartsWith('@'))
            {
                marker = fields[0] switch
                {
                    "@cert-authority" => KnownHostsMarker.CertAuthority,
                    "@revoked" => KnownHostsMarker.Revoked,
                    _ => (KnownHostsMarker)(-1),
                };
                if ((int)marker < 0) continue;
                i = 1;
            }
            if (fields.Length < i + 3) continue;
            var key = PublicKey.FromOpenSshLine(fields[i + 1] + " " + fields[i + 2]);
            if (key is null) continue;
            entries.Add(new KnownHostsEntry(file, lineNo, marker, fields[i], key));
        }
        return entries;
    }

    public static List<KnownHostsEntry> Load(IEnumerable<string> files)
    {
        var all = new List<KnownHostsEntry>();
        foreach (var f in files)
        {
            string text;
            try { text = File.ReadAllText(f); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { continue; }
            all.AddRange(Parse(f, text));
        }
        return all;
    }

    /// <summary>The key types known_hosts holds for this host: ssh prefers them when negotiating.</summary>
    public static IReadOnlyList<string> KnownTypes(IEnumerable<KnownHostsEntry> entries, string host, int port)
    {
        var name = LookupName(host, port);
        return entries.Where(e => e.Marker == KnownHostsMarker.None && e.Matches(name)).Select(e => e.Key.Type).Distinct().ToList();
    }

    public static HostKeyCheck Check(IEnumerable<KnownHostsEntry> entries, string host, int port, PublicKey serverKey)
    {
        var name = LookupName(host, port);
        var forHost = entries.Where(e => e.Matches(name)).ToList();
        if (forHost.FirstOrDefault(e => e.Marker == KnownHostsMarker.Revoked && e.Key.Equals(serverKey)) is { } revoked)
            return new HostKeyCheck(HostKeyStatus.Revoked, name, serverKey, forHost, revoked);
        var plain = forHost.Where(e => e.Marker == KnownHostsMarker.None).ToList();
        if (plain.FirstOrDefault(e => e.Key.Equals(serverKey)) is { } match)
            return new HostKeyCheck(HostKeyStatus.Known, name, serverKey, plain, match);
        if (plain.Any(e => e.Key.Type == serverKey.Type))
            return new HostKeyCheck(HostKeyStatus.Changed, name, serverKey, plain, null);
        return new HostKeyCheck(HostKeyStatus.Unknown, name, serverKey, plain, null);
    }
}
