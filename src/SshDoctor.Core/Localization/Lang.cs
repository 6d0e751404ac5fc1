namespace SshDoctor.Core.Localization;

public enum Lang { En, Fr, Pt, Ko, Ja }

public static class LangResolver
{
    public static readonly IReadOnlyList<string> Codes = ["en", "fr", "pt", "ko", "ja"];

    /// <summary>Parses `--lang` values and POSIX locale names (fr_FR.UTF-8, pt_BR, ja_JP.eucJP, ko).</summary>
    public static Lang? TryParse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim().ToLowerInvariant();
        if (v is "c" or "posix") return Lang.En;
        var cut = v.IndexOfAny(['_', '-', '.', '@']);
        var code = cut < 0 ? v : v[..cut];
        return code switch
        {
            "en" => Lang.En,
            "fr" => Lang.Fr,
            "pt" => Lang.Pt,
            "ko" => Lang.Ko,
            "ja" => Lang.Ja,
            _ => null,
        };
    }

    /// <summary>--lang, else the first of LC_ALL / LC_MESSAGES / LANG that is set, else English.</summary>
    public static Lang Resolve(string? option, Func<string, string?>? env = null)
    {
        if (TryParse(option) is { } chosen) return chosen;
        env ??= Environment.GetEnvironmentVariable;
        foreach (var name in new[] { "LC_ALL", "LC_MESSAGES", "LANG" })
        {
            var value = env(name);
            if (string.IsNullOrEmpty(value)) continue;
            // POSIX: the first non-empty variable decides, even when we do not speak that language.
            return TryParse(value) ?? Lang.En;
        }
        return Lang.En;
    }
}
