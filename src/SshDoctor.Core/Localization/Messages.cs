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
        return Fill(template, args);
    }

    public string Get(string key, params (string Name, string Value)[] args)
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, v) in args) dict[n] = v;
        return Get(key, dict);
    }

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

    public static string Fill(string template, IReadOnlyDictionary<string, string>? args)
    {
        if (args is null || template.IndexOf('{') < 0) return template;
        var sb = new StringBuilder(template.Length + 32);
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end > i)
                {
                    var name = template.Substring(i + 1, end - i - 1);
                    if (args.TryGetValue(name, out var value))
                    {
                        sb.Append(value);
                        i = end;
                        continue;
                    }
                }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Placeholder names used by a template, for the completeness test.</summary>
    public static IEnumerable<string> Placeholders(string template)
    {
        for (var i = template.IndexOf('{'); i >= 0; i = template.IndexOf('{', i + 1))
        {
            var end = template.IndexOf('}', i + 1);
            if (end < 0) yield break;
            yield return template.Substring(i + 1, end - i - 1);
        }
    }
}
