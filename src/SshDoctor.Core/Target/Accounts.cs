namespace SshDoctor.Core.Target;

public sealed record Account(string Name, uint Uid, uint Gid, string Home, string Shell)
{
    /// <summary>passwd's second field: "x" sends pam_unix to /etc/shadow.</summary>
    public string PasswordField { get; init; } = "x";
}

/// <summary>A shadow(5) entry; days are days since the epoch, null when the field is empty.</summary>
public sealed record ShadowEntry(string Name, string Hash, long? LastChange, long? Expire)
{
    /// <summary>Maximum password age in days (null: no limit).</summary>
    public long? MaxAge { get; init; }
    /// <summary>Days after the maximum age during which the password still works (null: no limit).</summary>
    public long? Inactive { get; init; }
}

public sealed record Group(string Name, uint Gid, IReadOnlyList<string> Members);

/// <summary>The target's own account databases (never the host's): /etc/passwd, /etc/shadow, /etc/group.</summary>
public sealed class Accounts
{
    private readonly Dictionary<string, Account> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, Account> _byUid = new();
    private readonly Dictionary<string, ShadowEntry> _shadow = new(StringComparer.Ordinal);
    private readonly Dictionary<uint, Group> _groupByGid = new();
    private readonly Dictionary<string, Group> _groupByName = new(StringComparer.Ordinal);
    private Dictionary<string, List<Group>>? _supplementary;

    public IReadOnlyList<Account> All { get; }
    public IReadOnlyList<Group> Groups { get; }

    private Accounts(List<Account> all, List<Group> groups, List<ShadowEntry> shadow)
    {
        All = all;
        Groups = groups;
        foreach (var a in all)
        {
            _byName.TryAdd(a.Name, a);
            _byUid.TryAdd(a.Uid, a);
        }
        foreach (var g in groups)
        {
            _groupByGid.TryAdd(g.Gid, g);
            _groupByName.TryAdd(g.Name, g);
        }
        foreach (var s in shadow) _shadow.TryAdd(s.Name, s);
    }

    public static Accounts Load(TargetRoot root, string? passwd = null) => Parse(
        passwd ?? root.ReadText("/etc/passwd") ?? "",
        root.ReadText("/etc/group") ?? "",
        root.ReadText("/etc/shadow") ?? "");

    public static Accounts Parse(string passwd, string group, string shadow)
    {
        // Fields are read as spans: a string is made only for what a record keeps, and a value most lines share
        // (the shell, "x", "!") is made once. A large passwd is read once, with no string per line or field.
        Span<Range> f = stackalloc Range[9];
        var accounts = new List<Account>();
        string? shell = null, passwordField = null;
        foreach (var r in new Records(passwd))
        {
            var line = passwd.AsSpan(r.Start, r.Length);
            if (!Fields(line, f, 7, out var count)) continue;
            if (!uint.TryParse(line[f[2]], out var uid) || !uint.TryParse(line[f[3]], out var gid)) continue;
            accounts.Add(new Account(new string(line[f[0]]), uid, gid, new string(line[f[5]]), Shared(line[f[6]], ref shell))
                { PasswordField = Shared(line[f[1]], ref passwordField) });
        }
        var groups = new List<Group>();
        foreach (var r in new Records(group))
        {
            var line = group.AsSpan(r.Start, r.Length);
            if (!Fields(line, f, 4, out _)) continue;
            if (!uint.TryParse(line[f[2]], out var gid)) continue;
            var members = line[f[3]].IsEmpty ? [] : new string(line[f[3]]).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            groups.Add(new Group(new string(line[f[0]]), gid, members));
        }
        var entries = new List<ShadowEntry>();
        string? hash = null;
        foreach (var r in new Records(shadow))
        {
            var line = shadow.AsSpan(r.Start, r.Length);
            if (!Fields(line, f, 8, out var count)) continue;
            // A line with seven fields reads as eight, the last one empty.
            var expire = count > 7 ? Days(line[f[7]]) : null;
            entries.Add(new ShadowEntry(new string(line[f[0]]), Shared(line[f[1]], ref hash), Days(line[f[2]]), expire)
                { MaxAge = Days(line[f[4]]), Inactive = Days(line[f[6]]) });
        }
        return new Accounts(accounts, groups, entries);
    }

    /// <summary>The first fields of a colon-separated line (at most <c>fields.Length</c>: the last one then runs to
    /// the end, like the first ones of string.Split). False when it has fewer than <paramref name="minFields"/>
    /// (shadow: seven are enough).</summary>
    private static bool Fields(ReadOnlySpan<char> line, Span<Range> fields, int minFields, out int count)
    {
        count = 0;
        var start = 0;
        while (count < fields.Length - 1)
        {
            var colon = line[start..].IndexOf(':');
            if (colon < 0) break;
            fields[count++] = new Range(start, start + colon);
            start += colon + 1;
        }
        var rest = line[start..].IndexOf(':');
        fields[count++] = new Range(start, rest < 0 ? line.Length : start + rest);
        return count >= minFields || (minFields == 8 && count == 7);
    }

    private static string Shared(ReadOnlySpan<char> value, ref string? last)
    {
        if (last is null || !value.SequenceEqual(last)) last = new string(value);
        return last;
    }

    public Account? ByName(string name) => _byName.GetValueOrDefault(name);
    public Account? ByUid(uint uid) => _byUid.GetValueOrDefault(uid);

    private Dictionary<uint, (int Count, uint? Uid)>? _primaryMembers;

    /// <summary>How many accounts have this primary group, and their uid when they all share one (null: several); null when none.</summary>
    public (int Count, uint? Uid)? PrimaryGroupMembers(uint gid)
    {
        // Built once, on first use; safe when accounts are judged in parallel (a second builder's copy is dropped).
        var members = _primaryMembers ?? LazyInitializer.EnsureInitialized(ref _primaryMembers, () =>
        {
            var map = new Dictionary<uint, (int Count, uint? Uid)>();
            foreach (var a in All)
                map[a.Gid] = map.TryGetValue(a.Gid, out var e) ? (e.Count + 1, e.Uid == a.Uid ? e.Uid : null) : (1, a.Uid);
            return map;
        });
        return members.TryGetValue(gid, out var m) ? m : null;
    }
    public ShadowEntry? Shadow(string name) => _shadow.GetValueOrDefault(name);
    public Group? GroupByGid(uint gid) => _groupByGid.GetValueOrDefault(gid);
    public Group? GroupByName(string name) => _groupByName.GetValueOrDefault(name);

    public string UserName(uint uid) => ByUid(uid)?.Name ?? uid.ToString();
    public string GroupName(uint gid) => GroupByGid(gid)?.Name ?? gid.ToString();

    /// <summary>initgroups(3): the primary group and every group listing the user as a member.</summary>
    public IReadOnlyList<Group> GroupsOf(Account account)
    {
        var supplementary = _supplementary ?? LazyInitializer.EnsureInitialized(ref _supplementary, BuildSupplementary);
        var result = new List<Group>();
        if (GroupByGid(account.Gid) is { } primary) result.Add(primary);
        if (supplementary.TryGetValue(account.Name, out var more))
            foreach (var g in more)
                if (!result.Contains(g)) result.Add(g);
        return result;
    }

    public IEnumerable<uint> GidsOf(Account account)
    {
        yield return account.Gid;
        foreach (var g in GroupsOf(account)) yield return g.Gid;
    }

    private Dictionary<string, List<Group>> BuildSupplementary()
    {
        var map = new Dictionary<string, List<Group>>(StringComparer.Ordinal);
        foreach (var g in Groups)
            foreach (var m in g.Members)
            {
                if (!map.TryGetValue(m, out var list)) map[m] = list = new List<Group>();
                list.Add(g);
            }
        return map;
    }

    /// <summary>The record lines of an account file (not empty, not a comment or NIS +/- line), without their
    /// line end, as ranges of the text: line by line, with no array of every line first.</summary>
    private readonly struct Records(string text)
    {
        public Enumerator GetEnumerator() => new(text);

        public struct Enumerator(string text)
        {
            private int _next;
            public (int Start, int Length) Current { get; private set; }

            public bool MoveNext()
            {
                while (_next < text.Length)
                {
                    var start = _next;
                    var nl = text.IndexOf('\n', start);
                    var end = nl < 0 ? text.Length : nl;
                    _next = end + 1;
                    while (end > start && text[end - 1] == '\r') end--;
                    var length = end - start;
                    if (length == 0 || text[start] is '#' or '+' or '-') continue;
                    Current = (start, length);
                    return true;
                }
                return false;
            }
        }
    }

    private static long? Days(ReadOnlySpan<char> field) => long.TryParse(field, out var d) ? d : null;
}
