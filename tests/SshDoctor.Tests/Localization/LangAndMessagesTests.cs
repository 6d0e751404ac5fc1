using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Localization;

public sealed class LangResolverTests
{
    private static Func<string, string?> Env(params (string Name, string Value)[] vars)
    {
        var dict = vars.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);
        return name => dict.GetValueOrDefault(name);
    }

    [Theory]
    [InlineData("en", Lang.En)]
    [InlineData("fr", Lang.Fr)]
    [InlineData("pt", Lang.Pt)]
    [InlineData("ko", Lang.Ko)]
    [InlineData("ja", Lang.Ja)]
    [InlineData("fr_FR.UTF-8", Lang.Fr)]
    [InlineData("pt_BR", Lang.Pt)]
    [InlineData("pt_BR.UTF-8", Lang.Pt)]
    [InlineData("ja_JP.eucJP", Lang.Ja)]
    [InlineData("ko_KR.UTF-8", Lang.Ko)]
    [InlineData("FR", Lang.Fr)]
    [InlineData("C", Lang.En)]
    [InlineData("POSIX", Lang.En)]
    public void Parses_codes_and_locale_names(string value, Lang expected)
    {
        Assert.Equal(expected, LangResolver.TryParse(value));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("de_DE.UTF-8")]
    [InlineData("klingon")]
    public void Unknown_or_empty_values_do_not_parse(string? value)
    {
        Assert.Null(LangResolver.TryParse(value));
    }

    [Fact]
    public void Lang_option_beats_environment()
    {
        var env = Env(("LC_ALL", "fr_FR.UTF-8"), ("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "pt_BR.UTF-8"));
        Assert.Equal(Lang.Ja, LangResolver.Resolve("ja", env));
    }

    [Fact]
    public void Invalid_lang_option_falls_back_to_environment()
    {
        Assert.Equal(Lang.Fr, LangResolver.Resolve("xx", Env(("LANG", "fr_FR.UTF-8"))));
    }

    [Fact]
    public void LC_ALL_beats_LC_MESSAGES_beats_LANG()
    {
        Assert.Equal(Lang.Fr, LangResolver.Resolve(null, Env(("LC_ALL", "fr_FR.UTF-8"), ("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "pt_BR.UTF-8"))));
        Assert.Equal(Lang.Ko, LangResolver.Resolve(null, Env(("LC_MESSAGES", "ko_KR.UTF-8"), ("LANG", "pt_BR.UTF-8"))));
        Assert.Equal(Lang.Pt, LangResolver.Resolve(null, Env(("LANG", "pt_BR"))));
    }

    [Fact]
    public void Empty_variables_are_skipped()
    {
        Assert.Equal(Lang.Ja, LangResolver.Resolve(null, Env(("LC_ALL", ""), ("LC_MESSAGES", ""), ("LANG", "ja_JP.UTF-8"))));
    }

    [Fact]
    public void First_set_variable_decides_even_when_unsupported()
    {
        // POSIX: LC_ALL=de_DE means German; we do not speak it, so English, not the LANG below it.
        Assert.Equal(Lang.En, LangResolver.Resolve(null, Env(("LC_ALL", "de_DE.UTF-8"), ("LANG", "fr_FR.UTF-8"))));
    }

    [Fact]
    public void Unknown_or_nothing_gives_english()
    {
        Assert.Equal(Lang.En, LangResolver.Resolve(null, Env(("LANG", "sv_SE.UTF-8"))));
        Assert.Equal(Lang.En, LangResolver.Resolve(null, Env()));
        Assert.Equal(Lang.En, LangResolver.Resolve("", Env()));
        Assert.Equal(Lang.En, LangResolver.Resolve(null, Env(("LANG", "C.UTF-8"))));
    }
}

public sealed class MessagesTests
{
    private static Dictionary<string, string> Args(params (string K, string V)[] kv) =>
        kv.ToDictionary(p => p.K, p => p.V, StringComparer.Ordinal);

    [Fact]
    public void Fill_replaces_every_occurrence()
    {
        Assert.Equal("sshd reads /x as bob, and bob cannot",
            Messages.Fill("sshd reads {path} as {user}, and {user} cannot", Args(("path", "/x"), ("user", "bob"))));
    }

    [Fact]
    public void Fill_keeps_unknown_placeholders_and_plain_braces()
    {
        Assert.Equal("a {missing} b", Messages.Fill("a {missing} b", Args(("user", "u"))));
        Assert.Equal("brace { only", Messages.Fill("brace { only", Args(("user", "u"))));
        Assert.Equal("%h/{x", Messages.Fill("%h/{x", Args(("x", "y"))));
    }

    [Fact]
    public void Fill_without_args_returns_template()
    {
        Assert.Equal("Hello {user}", Messages.Fill("Hello {user}", null));
        Assert.Equal("No placeholder", Messages.Fill("No placeholder", Args(("user", "u"))));
    }

    [Fact]
    public void Fill_does_not_expand_placeholders_inside_values()
    {
        Assert.Equal("user {path}!", Messages.Fill("user {user}!", Args(("user", "{path}"), ("path", "/etc"))));
    }

    [Fact]
    public void Placeholders_lists_names_in_order()
    {
        Assert.Equal(["user", "path", "user"], Messages.Placeholders("{user} {path} {user}").ToArray());
        Assert.Empty(Messages.Placeholders("nothing here"));
    }

    [Fact]
    public void Get_uses_the_language_table()
    {
        var en = Messages.For(Lang.En).Get("ui.verdict.accepted", ("user", "ec2-user"));
        var fr = Messages.For(Lang.Fr).Get("ui.verdict.accepted", ("user", "ec2-user"));
        Assert.Equal("sshd accepts this key for ec2-user.", en);
        Assert.Contains("ec2-user", fr);
        Assert.NotEqual(en, fr);
    }

    [Fact]
    public void Get_falls_back_to_the_key_when_nothing_is_known()
    {
        Assert.Equal("no.such.key", Messages.For(Lang.Ko).Get("no.such.key"));
    }

    [Theory]
    [InlineData(Lang.En)]
    [InlineData(Lang.Fr)]
    [InlineData(Lang.Pt)]
    [InlineData(Lang.Ko)]
    [InlineData(Lang.Ja)]
    public void Finding_message_localizes_nested_problem_text(Lang lang)
    {
        var finding = Finding.Create(FindingId.KEY_LINE_INVALID, Severity.Blocking, path: "/home/u/.ssh/authorized_keys",
            args: [("line", "3"), ("problem", "@line.type_mismatch"), ("type", "ssh-rsa")]);
        var messages = Messages.For(lang);
        var text = messages.Message(finding);
        var problem = messages.Get("line.type_mismatch", ("type", "ssh-rsa"));

        Assert.Contains("/home/u/.ssh/authorized_keys", text);
        Assert.Contains("3", text);
        Assert.Contains(problem, text);
        Assert.DoesNotContain("{", text);
        Assert.DoesNotContain("@line", text);
    }

    [Theory]
    [InlineData(Lang.En)]
    [InlineData(Lang.Fr)]
    [InlineData(Lang.Pt)]
    [InlineData(Lang.Ko)]
    [InlineData(Lang.Ja)]
    public void Every_finding_fills_completely_with_its_arguments(Lang lang)
    {
        var messages = Messages.For(lang);
        var args = new[]
        {
            "user", "date", "shell", "directive", "source", "value", "path", "files", "blocker", "owner", "mode",
            "label", "line", "problem", "encoding", "pattern", "from", "option", "command", "algorithm", "bits",
            "min", "host", "fingerprint", "keyword", "model", "sshd",
            "key_id", "ca", "principals", "via", "detail", "valid_after", "valid_before", "reason",
            "instance", "state", "system", "instance_check", "port", "acl", "direction", "rule", "ports", "pair",
            "pair_fingerprint", "key", "local_fingerprint", "form", "image", "name", "image_owner", "action", "code", "links",
        }.Select(a => (a, "X" + a)).ToArray();
        foreach (var id in Enum.GetValues<FindingId>())
        {
            var finding = Finding.Create(id, Severity.Blocking, args: args);
            Assert.DoesNotContain("{", messages.Message(finding));
            Assert.DoesNotContain("{", messages.FixSummary(finding));
        }
    }
}
