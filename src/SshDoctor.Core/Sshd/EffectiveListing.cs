using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>One effective value for a connection, as sshd -T would print it, with where it came from.</summary>
public sealed record EffectiveValue(string Keyword, string Value, ValueOrigin Origin);

/// <summary>
/// Every effective value for one connection: the settings the decision model reads (with the target version's
/// compiled-in defaults when nothing sets them), then every other keyword the configuration sets, in name order.
/// </summary>
public static class EffectiveListing
{
    /// <summary>Listed once per effective configuration (accounts with the same Match outcome share it).</summary>
    public static IReadOnlyList<EffectiveValue> For(EffectiveConfig cfg, SshdConfig config)
    {
        lock (cfg)
        {
            if (cfg.Listing is { } known && ReferenceEquals(known.Config, config)) return known.Values;
            var values = Build(cfg, config);
            cfg.Listing = (config, values);
            return values;
        }
    }

    private static IReadOnlyList<EffectiveValue> Build(EffectiveConfig cfg, SshdConfig config)
    {
        var list = new List<EffectiveValue>();
        void Add<T>(string keyword, Setting<T> s, Func<T, string> show) =>
            list.Add(new EffectiveValue(keyword, show(s.Value), ValueOrigin.Of(cfg.Entry(keyword), config)));

        Add("pubkeyauthentication", cfg.PubkeyAuthentication, YesNo);
        Add("authorizedkeysfile", cfg.AuthorizedKeysFiles, v => string.Join(' ', v));
        var algorithms = cfg.PubkeyAcceptedAlgorithms;
        list.Add(new EffectiveValue("pubkeyacceptedalgorithms", string.Join(',', Algorithms.Effective(algorithms.Value, cfg.Version)),
            ValueOrigin.Of(cfg.Entry("pubkeyacceptedalgorithms"), config)));
        Add("strictmodes", cfg.StrictModes, YesNo);
        Add("usepam", cfg.UsePam, YesNo);
        Add("permitrootlogin", cfg.PermitRootLogin, v => v);
        Add("authenticationmethods", cfg.AuthenticationMethods, v => v);
        Add("maxauthtries", cfg.MaxAuthTries, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (cfg.Version.AtLeast(9, 1)) Add("requiredrsasize", cfg.RequiredRsaSize, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("revokedkeys", cfg.RevokedKeys, v => v);
        // The whole command line, as sshd -T prints it (the model reads only the program).
        Add("authorizedkeyscommand", cfg.AuthorizedKeysCommand, v => cfg.Entry("authorizedkeyscommand") is { } e ? string.Join(' ', e.Args) : v);
        Add("authorizedkeyscommanduser", cfg.AuthorizedKeysCommandUser, v => v.Length == 0 ? "none" : v);
        Add("trustedusercakeys", cfg.Value("trustedusercakeys", "none"), v => v);
        Add("authorizedprincipalsfile", cfg.Value("authorizedprincipalsfile", "none"), v => v);
        Add("chrootdirectory", cfg.ChrootDirectory, v => v);
        foreach (var keyword in new[] { "allowusers", "denyusers", "allowgroups", "denygroups" })
            foreach (var e in cfg.Entries(keyword))
                list.Add(new EffectiveValue(keyword, string.Join(' ', e.Args), ValueOrigin.Of(e, config)));

        var shown = list.Select(v => v.Keyword).ToHashSet(StringComparer.Ordinal);
        foreach (var e in cfg.AllEntries().Where(e => !shown.Contains(e.Keyword)).OrderBy(e => e.Keyword, StringComparer.Ordinal))
            list.Add(new EffectiveValue(e.Keyword, string.Join(' ', e.Args), ValueOrigin.Of(e, config)));
        return list;
    }

    /// <summary>The values behind a set of keywords (a finding's), in listing order.</summary>
    public static IReadOnlyList<EffectiveValue> Only(IReadOnlyList<EffectiveValue> all, IReadOnlyCollection<string> keywords) =>
        all.Where(v => keywords.Contains(v.Keyword)).ToList();

    private static string YesNo(bool b) => b ? "yes" : "no";
}
