using System.Runtime.CompilerServices;
using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Logs;

/// <summary>
/// Follows sshd's connections (by pid) through a stream of classified messages and aggregates what was
/// refused per (user, client address). Memory grows with distinct users and addresses, never with the
/// length of the log.
/// </summary>
public sealed class LogAnalysis
{
    /// <summary>An address that tried this many distinct user names, or this many connections, without any key, is a scanner.</summary>
    private const int ScannerUsers = 5;
    private const int ScannerConnections = 20;
    private const int MaxOpenConnections = 50_000;
    private const int MaxNoiseKeys = 100_000;
    private const int MaxSharedCauses = 10_000;
    /// <summary>More addresses than this meeting unknown user names is a distributed scan, not people mistyping.</summary>
    private const int MaxPeopleAddresses = 5;

    private readonly string? _userFilter;
    private readonly IReadOnlySet<string>? _accounts;
    private long _inputFirst, _inputLast;
    private readonly Utf8Interner<Name> _strings = new(s => new Name(s));
    // Addresses apart from names: a scan brings many, and starting over on them must not drop the names.
    private readonly Utf8Interner<AddressName> _addresses = new(s => new AddressName(s), MaxNoiseKeys);
    private readonly Dictionary<int, Conn> _open = new();
    /// <summary>Read-only one-cause lists for causes with a path or detail, shared by the connections that meet the
    /// same one (a refusal repeated all day allocates nothing per connection: memory stays flat).</summary>
    private readonly Dictionary<(FindingId, FindingId?, string?, string?), List<Cause>> _firstCauses = new();
    // The connection of the last line (a connection's lines mostly follow each other): no lookup in _open for it.
    private int _lastPid;
    private Conn? _lastConn;
    private readonly Stack<Conn> _pool = new();
    private readonly Dictionary<(string? User, string? Address), GroupAcc> _groups = new();
    private readonly Dictionary<FindingId, Stat> _server = new();
    private readonly Dictionary<string, NoiseAddr> _noise = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Counter> _noiseUsers = new(StringComparer.Ordinal);
    private int _noiseConnections;
    private long _noiseFirst, _noiseLast;

    public long SshdLines { get; private set; }

    /// <param name="accounts">The target's passwd names, when known: connections for other names are scanners.</param>
    public LogAnalysis(string? userFilter = null, IReadOnlySet<string>? accounts = null)
    {
        _userFilter = userFilter;
        _accounts = accounts;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int connection, long ticks, in SshdEvent e)
    {
        SshdLines++;
        if (ticks != 0)
        {
            if (_inputFirst == 0 || ticks < _inputFirst) _inputFirst = ticks;
            if (ticks > _inputLast) _inputLast = ticks;
        }
        switch (e.Kind)
        {
            case SshdEventKind.None:
                return;
            case SshdEventKind.Server:
                Bump(_server, e.Cause, null, ticks, e.PathText, e.DetailText);
                return;
            case SshdEventKind.ConnectionFrom:
                if (_lastPid == connection) _lastConn = null;
                if (_open.Remove(connection, out var previous)) { Finish(previous); Recycle(previous); }
                var fresh = Open(connection, ticks);
                fresh.SetAddress(_addresses.Get(e.Address));
                return;
        }

        Conn? c;
        if (_lastConn is not null && _lastPid == connection) c = _lastConn;
        else if (_open.TryGetValue(connection, out c))
        {
            _lastPid = connection;
            _lastConn = c;
        }
        else
        {
            // A line that ends a connection we never saw start carries everything it needs.
            c = Open(connection, ticks);
        }
        if (c.First == 0) c.First = ticks;
        c.Last = ticks;
        // Strings are made only for what the connection does not know yet (most lines repeat it).
        if ((e.HasUser || !e.User.IsEmpty) && (c.User is null || (e.Kind is SshdEventKind.Accepted or SshdEventKind.FailedPublickey && !Same(c.User, e.User))))
            c.SetUser(_strings.Get(e.User));
        if (!e.Address.IsEmpty && !c.HasAddress) c.SetAddress(_addresses.Get(e.Address));
        if (e.InvalidUser) c.InvalidUser = true;

        switch (e.Kind)
        {
            case SshdEventKind.Refusal:
                c.AddCause(e, _strings, _firstCauses);
                if (e.Cause is not (FindingId.USER_UNKNOWN or FindingId.TOO_MANY_AUTH_TRIES)) c.KeyActivity |= IsKeyCause(e.Cause);
                if (e.AlsoEnds) End(connection, c);
                break;
            case SshdEventKind.FailedPublickey:
                c.FailedPublickey = true;
                c.KeyActivity = true;
                break;
            case SshdEventKind.FailedOther:
                c.OtherFailure = true;
                break;
            case SshdEventKind.PublickeyActivity:
                c.KeyActivity = true;
                break;
            case SshdEventKind.Accepted:
                c.Accepted = true;
                var g = Group(c.User, c.Address);
                if (g is not null)
                {
                    if (g.Accepted++ == 0) g.AcceptedFirst = ticks;
                    g.AcceptedLast = ticks;
                }
                break;
            case SshdEventKind.End:
                if (e.Authenticating) c.ClosedAuthenticating = true;
                End(connection, c);
                break;
        }
    }

    private Conn Open(int connection, long ticks)
    {
        if (_open.Count >= MaxOpenConnections)
        {
            // Connections whose end the log never showed (lost lines, crashes): settle them now.
            foreach (var stale in _open.Values) Finish(stale);
            _open.Clear();
        }
        var c = _pool.Count > 0 ? _pool.Pop() : new Conn();
        c.First = c.Last = ticks;
        _open[connection] = c;
        _lastPid = connection;
        _lastConn = c;
        return c;
    }

    private void End(int connection, Conn c)
    {
        if (_lastPid == connection) _lastConn = null;
        _open.Remove(connection);
        Finish(c);
        Recycle(c);
    }

    private void Recycle(Conn c)
    {
        if (_pool.Count >= 1024) return;
        c.Reset();
        _pool.Push(c);
    }

    /// <summary>Decides what one finished connection shows.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Finish(Conn c)
    {
        if (c.Accepted) return;
        var causes = c.Causes;
        if (causes is null && c.User is not null && !c.InvalidUser && (c.FailedPublickey || (c.ClosedAuthenticating && !c.OtherFailure)))
            causes = Conn.Single(FindingId.KEY_NOT_AUTHORIZED);
        if (_userFilter is not null && c.User != _userFilter) return;

        var noiseLike = !c.KeyActivity && (c.OtherFailure || (causes is not null && OnlyScannerCauses(causes)));
        var notAnAccount = false;
        if (_accounts is not null && c.User is not null)
        {
            if (!_accounts.Contains(c.User)) notAnAccount = true;
            // sshd found no such user, yet the target's passwd has it: worth its own group, never noise.
            else if (causes is not null && Has(causes, FindingId.USER_UNKNOWN)) noiseLike = false;
        }
        if ((noiseLike || notAnAccount) && _userFilter is null)
        {
            AddNoise(c, causes);
            return;
        }
        if (causes is null) return;
        var g = Group(c.User, c.Address);
        if (g is null) return;
        foreach (var cause in causes)
            Bump(g.Refusals, cause.Id, cause.Alternative, c.Last, cause.Path, cause.Detail);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddNoise(Conn c, List<Cause>? causes)
    {
        _noiseConnections++;
        if (_noiseFirst == 0 || (c.First != 0 && c.First < _noiseFirst)) _noiseFirst = c.First;
        if (c.Last > _noiseLast) _noiseLast = c.Last;
        // The address' entry in _noise, found once per distinct address (its name keeps it): no string hashing per connection.
        var n = c.AddressName?.Noise;
        if (n is null)
        {
            var addr = c.Address ?? "?";
            if (!_noise.TryGetValue(addr, out n))
            {
                if (_noise.Count >= MaxNoiseKeys) return;
                _noise[addr] = n = new NoiseAddr();
            }
            if (c.AddressName is { } name) name.Noise = n;
        }
        n.Connections++;
        if (c.User is { } user)
        {
            // Its counter in _noiseUsers, found once per distinct name (the name keeps it).
            var counter = c.UserName?.NoiseCount;
            if (counter is null && !_noiseUsers.TryGetValue(user, out counter) && _noiseUsers.Count < MaxNoiseKeys)
                _noiseUsers[user] = counter = new Counter();
            if (counter is not null)
            {
                counter.Value++;
                if (c.UserName is { } name) name.NoiseCount = counter;
            }
        }
        // Kept in detail only while the address still looks like one person mistyping a user name
        // (no password guessing, few names, few connections).
        if (n.Scanner) return;
        if (c.User is not null)
        {
            n.Users ??= new string[ScannerUsers];
            if (Array.IndexOf(n.Users, c.User, 0, n.UserCount) < 0) n.Users[n.UserCount++] = c.User;
        }
        if (n.UserCount >= ScannerUsers || n.Connections >= ScannerConnections)
        {
            n.Scanner = true;
            n.Held = null;
            n.Users = null;
            return;
        }
        if (c.OtherFailure) return;
        (n.Held ??= new List<Held>(1)).Add(new Held(c.User, c.Address, c.Last, causes));
    }

    public LogReport Finish(IReadOnlyList<string> files, long bytes)
    {
        foreach (var c in _open.Values) Finish(c);
        _open.Clear();
        _lastConn = null;

        // An address that is not a scanner (few user names, no password guessing) is a person who
        // typed the wrong user name: list what it met instead of hiding it in the noise summary. When
        // hundreds of addresses look like that, it is a distributed scan, and stays summarized.
        var people = _noise.Where(kv => !kv.Value.Scanner && kv.Value.Held is { Count: > 0 }).ToList();
        var promotedConnections = 0;
        var promotedUsers = new Dictionary<string, int>(StringComparer.Ordinal);
        if (people.Count <= MaxPeopleAddresses)
        {
            foreach (var (addr, n) in people)
            {
                foreach (var h in n.Held!)
                {
                    promotedConnections++;
                    n.Connections--;
                    if (h.User is not null) promotedUsers[h.User] = promotedUsers.GetValueOrDefault(h.User) + 1;
                    if (h.Causes is null) continue;
                    var g = Group(h.User, h.Address);
                    if (g is null) continue;
                    foreach (var cause in h.Causes)
                        Bump(g.Refusals, cause.Id, cause.Alternative, h.Last, cause.Path, cause.Detail);
                }
                if (n.Connections <= 0) _noise.Remove(addr);
            }
        }
        foreach (var (user, count) in promotedUsers)
            if (_noiseUsers.TryGetValue(user, out var total))
            {
                if (total.Value <= count) _noiseUsers.Remove(user);
                else total.Value -= count;
            }

        var groups = _groups
            .Where(kv => kv.Value.Accepted > 0 || kv.Value.Refusals.Count > 0)
            .Select(kv => new LogGroup(kv.Key.User, kv.Key.Address, kv.Value.Accepted, kv.Value.AcceptedFirst,
                kv.Value.AcceptedLast, Stats(kv.Value.Refusals))
            { KnownAccount = kv.Key.User is { } u && _accounts?.Contains(u) == true })
            // Real accounts (in the target's passwd, or that logged in) before anything else.
            .OrderByDescending(g => g.KnownAccount || g.Accepted > 0)
            .ThenByDescending(g => g.Refusals.Count > 0)
            .ThenBy(g => g.User, StringComparer.Ordinal)
            .ThenBy(g => g.Address, StringComparer.Ordinal)
            .ToList();
        var noise = new NoiseSummary(
            _noiseConnections - promotedConnections,
            _noise.Count,
            _noiseUsers.Count,
            _noiseUsers.Select(kv => new KeyValuePair<string, int>(kv.Key, kv.Value.Value))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).ToList(),
            _noise.Select(kv => new KeyValuePair<string, int>(kv.Key, kv.Value.Connections))
                .OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key, StringComparer.Ordinal).Take(5).ToList(),
            _noiseFirst, _noiseLast);
        return new LogReport(files, bytes, SshdLines, groups, Stats(_server), noise)
        {
            First = _inputFirst, Last = _inputLast, AccountsKnown = _accounts is not null,
        };
    }

    private static List<LogRefusal> Stats(Dictionary<FindingId, Stat> d) =>
        d.OrderBy(kv => kv.Key).Select(kv => new LogRefusal(kv.Key, kv.Value.Alternative, kv.Value.Count, kv.Value.First,
            kv.Value.Last, kv.Value.Path, kv.Value.Detail)).ToList();

    private GroupAcc? Group(string? user, string? address)
    {
        if (_userFilter is not null && user != _userFilter) return null;
        if (!_groups.TryGetValue((user, address), out var g))
            _groups[(user, address)] = g = new GroupAcc();
        return g;
    }

    private static void Bump(Dictionary<FindingId, Stat> d, FindingId id, FindingId? alternative, long ticks, string? path, string? detail)
    {
        if (!d.TryGetValue(id, out var s))
            d[id] = s = new Stat { First = ticks, Alternative = alternative };
        s.Count++;
        if (ticks != 0 && (s.First == 0 || ticks < s.First)) s.First = ticks;
        if (ticks > s.Last) s.Last = ticks;
        s.Path ??= path;
        s.Detail ??= detail;
    }

    private static bool OnlyScannerCauses(List<Cause> causes)
    {
        foreach (var x in causes)
            if (x.Id is not (FindingId.USER_UNKNOWN or FindingId.TOO_MANY_AUTH_TRIES)) return false;
        return true;
    }

    private static bool Has(List<Cause> causes, FindingId id)
    {
        foreach (var x in causes)
            if (x.Id == id) return true;
        return false;
    }

    private static bool IsKeyCause(FindingId id) => id is not (FindingId.USER_UNKNOWN or FindingId.TOO_MANY_AUTH_TRIES
        or FindingId.USER_LOCKED or FindingId.USER_DENIED or FindingId.USER_SHELL_INVALID or FindingId.USER_EXPIRED);

    private static bool Same(string s, ReadOnlySpan<byte> utf8)
    {
        if (s.Length != utf8.Length) return false;
        for (var i = 0; i < s.Length; i++)
            if (s[i] != utf8[i]) return false;
        return true;
    }

    /// <summary>One distinct address (or host name) as a connection names it, with what the analysis keeps for it.</summary>
    /// <summary>One distinct user name, path or detail as the log names it.</summary>
    private sealed class Name(string text) : Utf8Name(text)
    {
        /// <summary>As a user name: its counter in the noise summary, once it has one (never replaced while reading).</summary>
        public Counter? NoiseCount;
    }

    private sealed class Counter
    {
        public int Value;
    }

    private sealed class AddressName(string text) : Utf8Name(text)
    {
        /// <summary>Looks like an address (a line naming no address may leave a host name there).</summary>
        public readonly bool LooksLikeAddress = text.Length > 0 && (char.IsAsciiDigit(text[0]) || text.Contains(':'));
        /// <summary>Its entry in the noise summary, once it has one (entries are never replaced while reading).</summary>
        public NoiseAddr? Noise;
    }

    private sealed record Cause(FindingId Id, FindingId? Alternative, string? Path, string? Detail);

    private sealed class Conn
    {
        public string? User { get; private set; }
        public Name? UserName { get; private set; }

        public void SetUser(Name name)
        {
            User = name.Text;
            UserName = name;
        }
        public string? Address { get; private set; }
        public AddressName? AddressName { get; private set; }
        /// <summary>Address is set and looks like one (a line naming no address may leave a host name there).</summary>
        public bool HasAddress { get; private set; }

        public void SetAddress(AddressName address)
        {
            Address = address.Text;
            AddressName = address;
            HasAddress = address.LooksLikeAddress;
        }
        public bool InvalidUser, FailedPublickey, OtherFailure, KeyActivity, Accepted, ClosedAuthenticating;
        public long First, Last;
        public List<Cause>? Causes;
        private bool _shared;

        /// <summary>Read-only one-cause lists for causes without path or detail (most lines): no allocation per connection.</summary>
        private static readonly List<Cause>[] Singles = MakeSingles();

        private static List<Cause>[] MakeSingles()
        {
            var ids = Enum.GetValues<FindingId>();
            var singles = new List<Cause>[ids.Max(id => (int)id) + 1];
            foreach (var id in ids) singles[(int)id] = [new Cause(id, null, null, null)];
            return singles;
        }

        public static List<Cause> Single(FindingId id) => Singles[(int)id];

        public void Reset()
        {
            User = Address = null;
            UserName = null;
            AddressName = null;
            HasAddress = false;
            InvalidUser = FailedPublickey = OtherFailure = KeyActivity = Accepted = ClosedAuthenticating = false;
            First = Last = 0;
            Causes = null;
            _shared = false;
        }

        public void AddCause(in SshdEvent e, Utf8Interner<Name> strings, Dictionary<(FindingId, FindingId?, string?, string?), List<Cause>> shared)
        {
            var id = e.Cause;
            if (Causes is null)
            {
                if (e.Path.IsEmpty && e.Detail.IsEmpty && e.Alternative is null)
                {
                    Causes = Single(id);
                    _shared = true;
                }
                else
                {
                    var key = (id, e.Alternative, Text(e.Path, strings), Text(e.Detail, strings));
                    if (!shared.TryGetValue(key, out var list))
                    {
                        list = [new Cause(key.id, key.Alternative, key.Item3, key.Item4)];
                        if (shared.Count < MaxSharedCauses) shared[key] = list;
                    }
                    Causes = list;
                    _shared = true;
                }
                return;
            }
            // "Refused by key options" after "not from a permitted host" is the same refusal.
            if (id == FindingId.KEY_OPTION_EXPIRED && Causes.Any(x => x.Id == FindingId.KEY_OPTION_FROM)) return;
            foreach (var x in Causes)
                if (x.Id == id && (x.Path is null ? e.Path.IsEmpty : Same(x.Path, e.Path))) return;
            if (_shared)
            {
                Causes = new List<Cause>(Causes);
                _shared = false;
            }
            Causes.Add(new Cause(id, e.Alternative, Text(e.Path, strings), Text(e.Detail, strings)));
        }

        private static string? Text(ReadOnlySpan<byte> utf8, Utf8Interner<Name> strings) => utf8.IsEmpty ? null : strings.Get(utf8).Text;
    }

    private sealed class Stat
    {
        public int Count;
        public long First, Last;
        public string? Path, Detail;
        public FindingId? Alternative;
    }

    private sealed class GroupAcc
    {
        public readonly Dictionary<FindingId, Stat> Refusals = new();
        public int Accepted;
        public long AcceptedFirst, AcceptedLast;
    }

    private sealed class NoiseAddr
    {
        public int Connections;
        public bool Scanner;
        public List<Held>? Held;
        public string[]? Users;
        public int UserCount;
    }

    private readonly record struct Held(string? User, string? Address, long Last, List<Cause>? Causes);
}
