using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Keys;

/// <summary>Every keys.* text exists in all five languages with the same placeholders.</summary>
public sealed class KeyTextsTests
{
    [Fact]
    public void Every_key_text_is_in_every_language_with_the_same_placeholders()
    {
        var en = Texts.Table(Lang.En).Where(kv => kv.Key.StartsWith("keys.", StringComparison.Ordinal)).ToDictionary();
        Assert.True(en.Count > 80);
        var problems = new List<string>();
        foreach (var lang in new[] { Lang.Fr, Lang.Pt, Lang.Ko, Lang.Ja })
        {
            var table = Texts.Table(lang);
            foreach (var (key, text) in en)
            {
                if (!table.TryGetValue(key, out var translated)) { problems.Add($"{lang}: missing {key}"); continue; }
                var a = Messages.Placeholders(text).Order().ToArray();
                var b = Messages.Placeholders(translated).Order().ToArray();
                if (!a.SequenceEqual(b)) problems.Add($"{lang}: {key} has {{{string.Join(",", b)}}}, English has {{{string.Join(",", a)}}}");
                if (lang != Lang.Fr && lang != Lang.Pt && translated == text && text.Any(char.IsLetter) && key != "keys.label.bits_value")
                    problems.Add($"{lang}: {key} is not translated");
            }
            foreach (var key in table.Keys.Where(k => k.StartsWith("keys.", StringComparison.Ordinal)))
                if (!en.ContainsKey(key)) problems.Add($"{lang}: {key} is not in English");
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
