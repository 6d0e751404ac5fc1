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
        var accounts = new List<Account>();
        foreach (var f in Records(passwd, 7))
        {
            if (!uint.TryParse(f[2], out var uid) || !uint.TryParse(f[3], out var gid)) continue;
            accounts.Add(new Account(f[0], uid, gid, f[5], f[6]) { PasswordField = f[1] });
        }
        var groups = new List<Group>();
        foreach (var f in Records(group, 4))
        {
            if (!uint.TryParse(f[2], out var gid)) continue;
            var members = f[3].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            groups.Add(new Group(f[0], gid, members));
        }
        var entries = new List<ShadowEntry>();
        foreach (var f in Records(shadow, 8))
            entries.Add(new ShadowEntry(f[0], f[1], Days(f[2]), Days(f[7])) { MaxAge = Days(f[4]), Inactive = Days(f[6]) });
        return new Accounts(accounts, groups, entries);
    }

    public Account? ByName(string name) => _byName.GetValueOrDefault(name);
    public Account? ByUid(uint uid) => _byUid.GetValueOrDefault(uid);

    private Dictionary<uint, (int Count, uint? Uid)>? _primaryMembers;

    /// <summary>How many accounts have this primary group, and their uid when they all share one (null: several); null when none.</summary>
    public (int Count, uint? Uid)? PrimaryGroupMembers(uint gid)
    {
        if (_primaryMembers is null)
        {
            var map = new Dictionary<uint, (int Count, uint? Uid)>();
            foreach (var a in All)
                map[a.Gid] = map.TryGetValue(a.Gid, out var e) ? (e.Count + 1, e.Uid == a.Uid ? e.Uid : null) : (1, a.Uid);
            _primaryMembers = map;
        }
        return _primaryMembers.TryGetValue(gid, out var m) ? m : null;
    }
    public ShadowEntry? Shadow(string name) => _shadow.GetValueOrDefault(name);
    public Group? GroupByGid(uint gid) => _groupByGid.GetValueOrDefault(gid);
    public Group? GroupByName(string name) => _groupByName.GetValueOrDefault(name);

    public string UserName(uint uid) => ByUid(uid)?.Name ?? uid.ToString();
    public string GroupName(uint gid) => GroupByGid(gid)?.Name ?? gid.ToString();

    /// <summary>initgroups(3): the primary group and every group listing the user as a member.</summary>
    public IReadOnlyList<Group> GroupsOf(Account account)
    {
        _supplementary ??= BuildSupplementary();
        var result = new List<Group>();
        if (GroupByGid(account.Gid) is { } primary) result.Add(primary);
        if (_supplementary.TryGetValue(account.Name, out var more))
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

    private static IEnumerable<string[]> Records(string text, int minFields)
    {
        // Line by line, without an array of every line first: a large passwd is read once.
        for (var start = 0; start < text.Length;)
        {
            var nl = text.IndexOf('\n', start);
            var end = nl < 0 ? text.Length : nl;
            var next = end + 1;
            while (end > start && text[end - 1] == '\r') end--;
            var length = end - start;
            var first = length > 0 ? text[start] : '\0';
            if (length == 0 || first is '#' or '+' or '-')
            {
                start = next;
                continue;
            }
            var fields = text.Substring(start, length).Split(':');
            start = next;
            if (fields.Length < minFields)
            {
                if (fields.Length < minFields - 1 || minFields != 8) continue;
                Array.Resize(ref fields, minFields);
                fields[^1] = "";
            }
            yield return fields;
        }
    }

    private static long? Days(string field) => long.TryParse(field, out var d) ? d : null;
}
