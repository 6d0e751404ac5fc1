using System.Text;
using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Localization;

/// <summary>Localized text lookup with `{name}` placeholders filled from a dictionary.</summary>
public sealed class Messages
{
    private readonly IReadOnlyDictionary<string, string> _texts;
    public Lang Lang { get; }

    private Messages(Lang lang, IReadOnlyDictionary<string, string> texts)
    {
        Lang = lang;
        _texts = texts;
    }

    public static Messages For(Lang lang) => new(lang, Texts.Table(lang));

    public string Get(string key, IReadOnlyDictionary<string, string>? args = null)
    {
        if (!_texts.TryGetValue(key, out var template) && !Texts.Table(Lang.En).TryGetValue(key, out template))
            template = key;
        return Fill(template, args, Lang);
    }

    /// <summary>The unfilled template of a key (English when this language lacks it), or "" when no language has it.</summary>
    public string Template(string key) =>
        _texts.TryGetValue(key, out var t) || Texts.Table(Lang.En).TryGetValue(key, out t) ? t : "";

    public string Get(string key, params (string Name, string Value)[] args)
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, v) in args) dict[n] = v;
        return Get(key, dict);
    }

    /// <summary>A heading or label followed by its colon, with the no-break space French puts before it.</summary>
    public string Label(string key) => Get(key) + Colon;

    public string Colon => Lang == Lang.Fr ? "\u00a0:" : ":";

    /// <summary>Whether a text exists (optional lines such as a trace step's meaning).</summary>
    public bool Has(string key) => _texts.ContainsKey(key) || Texts.Table(Lang.En).ContainsKey(key);

    public string Message(Finding f) => Get(f.Id + ".message", Localize(f.Args));
    public string FixSummary(Finding f) => Get(f.Id + ".fix", Localize(f.Args));

    /// <summary>Arguments whose value is "@key" are themselves localized text keys (e.g. a line problem).</summary>
    private Dictionary<string, string> Localize(IReadOnlyDictionary<string, string> args)
    {
        var result = new Dictionary<string, string>(args.Count, StringComparer.Ordinal);
        foreach (var (k, v) in args)
            result[k] = v.StartsWith('@') && v.Length > 1 ? Get(v[1..], args) : v;
        return result;
    }

    /// <summary>
    /// Fills `{name}` from <paramref name="args"/>. Two forms depend on the language:
    /// `{name|을}` adds the Korean particle that fits the value's final sound (을/를, 이/가, 은/는, 과/와, 으로/로…);
    /// `{name#one=# key|other=# keys}` picks the CLDR plural form for the number in name, `#` standing for it.
    /// </summary>
    public static string Fill(string template, IReadOnlyDictionary<string, string>? args, Lang lang = Lang.En)
    {
        if (args is null || template.IndexOf('{') < 0) return template;
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end > i && Parse(template.AsSpan(i + 1, end - i - 1)) is { } slot && args.TryGetValue(slot.Name, out var value))
                {
                    sb.Append(slot.Render(value, lang));
                    i = end;
                    continue;
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    private sealed record Slot(string Name, string? Particle, string? Forms)
    {
        public string Render(string value, Lang lang)
        {
            if (Particle is not null) return value + KoreanParticles.For(value, Particle);
            if (Forms is null) return value;
            var category = long.TryParse(value, out var n) ? PluralRules.Category(lang, n) : "other";
            string? other = null;
            foreach (var form in Forms.Split('|'))
            {
                var eq = form.IndexOf('=');
                if (eq < 0) continue;
                var text = form[(eq + 1)..].Replace("#", value);
                if (form[..eq] == category) return text;
                if (form[..eq] == "other") other = text;
            }
            return other ?? value;
        }
    }

    private static Slot? Parse(ReadOnlySpan<char> inner)
    {
        var cut = inner.IndexOfAny('|', '#');
        var name = cut < 0 ? inner : inner[..cut];
        if (name.Length == 0) return null;
        foreach (var ch in name)
            if (!(char.IsAsciiLetterOrDigit(ch) || ch == '_')) return null;
        if (cut < 0) return new Slot(name.ToString(), null, null);
        var rest = inner[(cut + 1)..].ToString();
        return inner[cut] == '|' ? new Slot(name.ToString(), rest, null) : new Slot(name.ToString(), null, rest);
    }

    /// <summary>Placeholder names used by a template, for the completeness test.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i + 1);
            if (end < 0) yield break;
            if (Parse(template.AsSpan(i + 1, end - i - 1)) is { } slot) yield return slot.Name;
        }
    }
}
