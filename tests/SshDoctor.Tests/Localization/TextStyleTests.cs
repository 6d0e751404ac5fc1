using System.Text.RegularExpressions;
using SshDoctor.Core.Localization;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Localization;

/// <summary>
/// The mechanical part of writing each language well: no "(s)" plurals, no Korean particle templates,
/// French spacing before two-part punctuation, Japanese state labels as nouns, plan lines in the reader's language.
/// </summary>
public sealed partial class TextStyleTests
{
    public static TheoryData<Lang> EveryLang()
    {
        var data = new TheoryData<Lang>();
        foreach (var l in Enum.GetValues<Lang>()) data.Add(l);
        return data;
    }

    [GeneratedRegex(@"\w\((s|es|is|ns|ões|ãos|x|e|le|ne|nes|les)\)|\)\((s|es)\)", RegexOptions.CultureInvariant)]
    private static partial Regex ParenthesizedPlural();

    [Theory]
    [MemberData(nameof(EveryLang))]
    public void No_parenthesized_plurals(Lang lang)
    {
        var bad = Texts.Table(lang).Where(kv => ParenthesizedPlural().IsMatch(kv.Value)).Select(kv => $"{kv.Key}: {kv.Value}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void No_korean_particle_templates()
    {
        var templates = new[] { "(으)", "(를)", "(을)", "(가)", "(이)", "(는)", "(은)", "(와)", "(과)", "(나)", "(이나)", "(라)" };
        var bad = Texts.Table(Lang.Ko).Where(kv => templates.Any(kv.Value.Contains)).Select(kv => $"{kv.Key}: {kv.Value}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    /// <summary>A placeholder directly followed by a particle that depends on the final sound must let the value choose.</summary>
    [GeneratedRegex(@"\}(을|를|이|가|은|는|과|와|으로|로)(?=[\s,.)]|$)")]
    private static partial Regex FixedParticleAfterPlaceholder();

    [Fact]
    public void Korean_particles_after_a_placeholder_follow_the_value()
    {
        var bad = Texts.Table(Lang.Ko).Where(kv => FixedParticleAfterPlaceholder().IsMatch(kv.Value)).Select(kv => $"{kv.Key}: {kv.Value}").ToList();
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    /// <summary>French puts a no-break space (U+00A0) or a narrow one (U+202F) before : ; ? ! that end a phrase.</summary>
    [Fact]
    public void French_spacing_before_two_part_punctuation()
    {
        var bad = new List<string>();
        foreach (var (key, text) in Texts.Table(Lang.Fr))
        {
            var plain = Regex.Replace(text, @"\{[^}]*\}", "X");
            for (var i = 1; i < plain.Length; i++)
            {
                if (plain[i] is not (':' or ';' or '?' or '!')) continue;
                var ends = i + 1 == plain.Length || plain[i + 1] is ' ' or '\u00a0' or '\u202f' or '\n' or '»';
                if (!ends || plain[i - 1] is '\u00a0' or '\u202f') continue;
                if (plain[i - 1] is ' ' || char.IsLetterOrDigit(plain[i - 1]) || plain[i - 1] is ')' or '»' or '"' or 'X')
                    bad.Add($"{key}: …{plain[Math.Max(0, i - 20)..Math.Min(plain.Length, i + 5)]}…");
            }
        }
        Assert.True(bad.Count == 0, string.Join("\n", bad));
    }

    [Fact]
    public void French_uses_no_policy_calque()
    {
        var bad = Texts.Table(Lang.Fr).Where(kv => kv.Value.Contains("décision de politique")).Select(kv => kv.Key).ToList();
        Assert.Empty(bad);
    }

    [Theory]
    [InlineData("fix.verdict.accepted")]
    [InlineData("fix.verdict.refused")]
    [InlineData("fix.verdict.unknown")]
    public void Japanese_state_labels_are_nouns(string key)
    {
        var label = Texts.Table(Lang.Ja)[key];
        Assert.False(label.EndsWith('る') || label.EndsWith("ます"), $"{key} = {label} is a verb form");
    }

    [Fact]
    public void Japanese_counts_paths_with_ken_not_ko()
    {
        Assert.DoesNotContain("個のパス", Texts.Table(Lang.Ja)["fix.undo.done"]);
    }

    [Theory]
    [InlineData(Lang.En, 0, "0 changes"), InlineData(Lang.En, 1, "1 change"), InlineData(Lang.En, 2, "2 changes")]
    [InlineData(Lang.Fr, 0, "0 modification appliquée"), InlineData(Lang.Fr, 1, "1 modification appliquée"), InlineData(Lang.Fr, 2, "2 modifications appliquées")]
    [InlineData(Lang.Pt, 0, "0 alteração aplicada"), InlineData(Lang.Pt, 1, "1 alteração aplicada"), InlineData(Lang.Pt, 3, "3 alterações aplicadas")]
    [InlineData(Lang.Ja, 1, "1 件の変更"), InlineData(Lang.Ko, 2, "변경 2건")]
    public void Plurals_follow_the_language_rule(Lang lang, int count, string expected)
    {
        var text = Messages.For(lang).Get("fix.applied", ("count", count.ToString()), ("run", "r1"));
        Assert.Contains(expected, text);
    }

    [Theory]
    [InlineData(Lang.En, 1, "one"), InlineData(Lang.En, 0, "other"), InlineData(Lang.Fr, 0, "one"), InlineData(Lang.Fr, 1, "one")]
    [InlineData(Lang.Fr, 2, "other"), InlineData(Lang.Pt, 0, "one"), InlineData(Lang.Pt, 2, "other"), InlineData(Lang.Ja, 1, "other"), InlineData(Lang.Ko, 1, "other")]
    public void Cldr_categories(Lang lang, long n, string category) => Assert.Equal(category, PluralRules.Category(lang, n));

    [Theory]
    [InlineData("키", "을", "를"), InlineData("파일", "을", "을"), InlineData("파일", "으로", "로"), InlineData("경로", "이", "가")]
    [InlineData("ec2-user", "을", "를"), InlineData("ubuntu", "은", "는"), InlineData("admin", "을", "을"), InlineData("admin", "으로", "으로")]
    [InlineData("/usr/sbin/nologin", "이", "이"), InlineData("/bin/bash", "이", "가"), InlineData("/home/ec2-user/.ssh/authorized_keys", "이", "가")]
    [InlineData("mail", "으로", "로"), InlineData("PAM", "이", "이"), InlineData("RSA", "이", "가"), InlineData("UTF-16", "으로", "으로")]
    [InlineData("UTF-16LE", "으로", "로"), InlineData("9.2", "으로", "로"), InlineData("9.6", "으로", "으로"), InlineData("8.7", "으로", "로")]
    [InlineData("10", "은", "은"), InlineData("2048", "이", "이"), InlineData("root", "을", "를"), InlineData("20261121-101500-3fa2", "을", "를")]
    public void Korean_particle_follows_the_final_sound(string word, string particle, string expected) =>
        Assert.Equal(expected, KoreanParticles.For(word, particle));

    [Fact]
    public void Korean_particle_in_a_template()
    {
        var m = Messages.For(Lang.Ko);
        Assert.Equal("실행 20261121-101500-3fa2를 되돌렸습니다. 경로 3개를 복원했습니다.", m.Get("fix.undo.done", ("run", "20261121-101500-3fa2"), ("count", "3")));
        Assert.StartsWith("/etc/passwd 파일이", Messages.Fill("{path} 파일이", new Dictionary<string, string> { ["path"] = "/etc/passwd" }, Lang.Ko));
        Assert.Equal("/srv/keys를", Messages.Fill("{path|을}", new Dictionary<string, string> { ["path"] = "/srv/keys" }, Lang.Ko));
    }

    /// <summary>fix's plan lines: the comment part of each is in the reader's language, never the English one.</summary>
    [Theory]
    [InlineData("fr"), InlineData("pt"), InlineData("ko"), InlineData("ja")]
    public void Plan_lines_are_localized(string lang)
    {
        using var t = new TargetTree();
        t.Config("Include /etc/ssh/sshd_config.d/*.conf\nDenyUsers alice bob\n");
        var parts = TestKeys.Ed25519A.Split(' ');
        t.Keys("alice", parts[0] + " " + parts[1][..20] + "\n" + parts[1][20..] + "\n");
        using var key = new TempFile("k.pub", TestKeys.Ed25519A + "\n");
        List<string> Plan(string l)
        {
            var r = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", key.Path, "--dry-run", "--allow-config-edit", "--lang", l);
            return r.Out.Split('\n').Where(x => x.StartsWith("  [") && x.Contains("# ")).ToList();
        }
        var english = Plan("en");
        Assert.Contains(english, l => l.Contains("DenyUsers: admit alice"));
        Assert.Contains(english, l => l.Contains("as a valid line"));
        var localized = Plan(lang);
        Assert.Equal(english.Count, localized.Count);
        foreach (var line in localized)
        {
            Assert.DoesNotContain(line, english);
            var comment = line[(line.IndexOf("# ", StringComparison.Ordinal) + 2)..];
            if (lang is "ko" or "ja") Assert.True(comment.Any(c => c > 0x2000), $"no {lang} text in: {line}");
        }
    }
}
