using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>
/// The settings sshd uses for one connection. Global lines apply first-value-wins; then the matching
/// Match blocks are re-read into a fresh set (first value wins among them) whose values replace the
/// global ones — as sshd's parse_server_match_config + copy_set_server_options do.
/// </summary>
public sealed class EffectiveConfig
{
    private readonly Dictionary<string, ConfigEntry> _single = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ConfigEntry>> _accumulated = new(StringComparer.Ordinal);
    /// <summary>The global lines, shared by every connection: looked up under the Match values, never copied per user.</summary>
    private EffectiveConfig? _global;

    public OpenSshVersion Version { get; }

    /// <summary>Every effective value with its origin, once listed (see EffectiveListing.For).</summary>
    internal (SshdConfig Config, IReadOnlyList<EffectiveValue> Values)? Listing { get; set; }
    /// <summary>Match blocks whose outcome depends on an address that was not given.</summary>
    public IReadOnlyList<MatchBlock> AddressConditions { get; }

    private EffectiveConfig(OpenSshVersion version, IReadOnlyList<MatchBlock> conditions)
    {
        Version = version;
        AddressConditions = conditions;
    }

    /// <summary>
    /// The settings for a connection. Connections with the same Match outcome (which blocks apply, which depend on
    /// an address) get the same settings: they are built once per outcome and shared (an --all-users check asks
    /// for thousands of accounts, most of them alike). Nothing in an EffectiveConfig depends on the user itself.
    /// </summary>
    public static EffectiveConfig For(SshdConfig config, OpenSshVersion version, ConnectionInfo conn)
    {
        var applies = new bool[config.Blocks.Count];
        var outcome = new char[config.Blocks.Count];
        Array.Fill(outcome, '-');
        foreach (var block in config.Blocks)
        {
            var parentOk = block.Parent < 0 || applies[block.Parent];
            if (!parentOk) continue;
            applies[block.Index] = MatchEvaluator.Applies(block, conn, out var dependsOnAddress);
            outcome[block.Index] = (applies[block.Index], dependsOnAddress) switch
            {
                (true, true) => 'A', (true, false) => 'Y', (false, true) => 'a', (false, false) => 'n',
            };
        }
        var key = new string(outcome);
        lock (config.ByOutcome)
            if (config.ByOutcome.TryGetValue(key, out var known) && known.Version == version) return known;

        var conditions = new List<MatchBlock>();
        foreach (var block in config.Blocks)
            if (outcome[block.Index] is 'A' or 'a') conditions.Add(block);
        var result = new EffectiveConfig(version, conditions);
        EffectiveConfig global;
        lock (config.ByOutcome) global = config.GlobalLayer ??= BuildGlobal(config, version);
        foreach (var e in config.Entries)
            if (e.Block != -1 && applies[e.Block]) result.Apply(e);
        // Match values replace global ones; anything the Match blocks did not set stays global.
        result._global = global;
        lock (config.ByOutcome) config.ByOutcome[key] = result;
        return result;
    }

    /// <summary>The lines outside Match blocks: the same for every connection, so built once per config.</summary>
    private static EffectiveConfig BuildGlobal(SshdConfig config, OpenSshVersion version)
    {
        var global = new EffectiveConfig(version, []);
        foreach (var e in config.Entries)
            if (e.Block == -1) global.Apply(e);
        return global;
    }

    private void Apply(ConfigEntry e)
    {
        var info = ConfigKeywords.Find(e.Keyword);
        if (info?.Kind == KeywordKind.Accumulate)
        {
            if (!_accumulated.TryGetValue(e.Keyword, out var list)) _accumulated[e.Keyword] = list = new List<ConfigEntry>();
            list.Add(e);
        }
        else
        {
            _single.TryAdd(e.Keyword, e);
        }
    }

    public ConfigEntry? Entry(string keyword) =>
        _single.TryGetValue(keyword, out var e) ? e : _global?.Entry(keyword);

    /// <summary>Every effective line: the winning one of each single-valued keyword, all lines of accumulating ones.</summary>
    public IEnumerable<ConfigEntry> AllEntries()
    {
        // The Match layer first, then the global lines it did not replace (the order a full copy used to have).
        foreach (var e in _single.Values) yield return e;
        if (_global is not null)
            foreach (var (k, e) in _global._single)
                if (!_single.ContainsKey(k)) yield return e;
        foreach (var list in _accumulated.Values)
            foreach (var e in list) yield return e;
        if (_global is not null)
            foreach (var (k, list) in _global._accumulated)
                if (!_accumulated.ContainsKey(k))
                    foreach (var e in list) yield return e;
    }

    public IReadOnlyList<ConfigEntry> Entries(string keyword) =>
        _accumulated.TryGetValue(keyword, out var list) ? list : _global?.Entries(keyword) ?? Array.Empty<ConfigEntry>();

    public Setting<bool> Flag(string keyword, bool defaultValue) =>
        Entry(keyword) is { } e
            ? new Setting<bool>(e.Args[0].Equals("yes", StringComparison.OrdinalIgnoreCase), e.Source)
            : new Setting<bool>(defaultValue, null);

    public Setting<string> Value(string keyword, string defaultValue) =>
        Entry(keyword) is { } e ? new Setting<string>(e.Args[0], e.Source) : new Setting<string>(defaultValue, null);

    public Setting<int> Integer(string keyword, int defaultValue) =>
        Entry(keyword) is { } e && int.TryParse(e.Args[0], out var v) ? new Setting<int>(v, e.Source) : new Setting<int>(defaultValue, null);

    // The settings the decision model reads, with the compiled-in defaults of the target's version.
    public Setting<bool> PubkeyAuthentication => Flag("pubkeyauthentication", true);
    public Setting<bool> StrictModes => Flag("strictmodes", true);
    public Setting<bool> UsePam => Flag("usepam", false);
    public Setting<int> MaxAuthTries => Integer("maxauthtries", 6);
    public Setting<int> RequiredRsaSize => Integer("requiredrsasize", 1024);

    public Setting<string> PermitRootLogin =>
        Value("permitrootlogin", Version.AtLeast(7, 0) ? "prohibit-password" : "yes") is var s && s.Value == "without-password"
            ? s with { Value = "prohibit-password" }
            : s;

    public Setting<IReadOnlyList<string>> AuthorizedKeysFiles =>
        Entry("authorizedkeysfile") is { } e
            ? new Setting<IReadOnlyList<string>>(e.Args, e.Source)
            : new Setting<IReadOnlyList<string>>([".ssh/authorized_keys", ".ssh/authorized_keys2"], null);

    public Setting<string> PubkeyAcceptedAlgorithms => Value("pubkeyacceptedalgorithms", "");
    public Setting<string> AuthenticationMethods => Entry("authenticationmethods") is { } e
        ? new Setting<string>(string.Join(' ', e.Args), e.Source)
        : new Setting<string>("any", null);

    public Setting<string> RevokedKeys => Value("revokedkeys", "none");
    public Setting<string> AuthorizedKeysCommand => Value("authorizedkeyscommand", "none");
    public Setting<string> AuthorizedKeysCommandUser => Value("authorizedkeyscommanduser", "");
    public Setting<string> ChrootDirectory => Value("chrootdirectory", "none");
}
