using System.Text.RegularExpressions;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Localization;

/// <summary>
/// Every text exists in every language, with the same placeholders, and translations keep what must
/// stay untranslated (sshd_config keywords, paths, commands).
/// </summary>
public sealed class TextCompletenessTests
{
    private static readonly Lang[] AllLangs = Enum.GetValues<Lang>();
    private static readonly Lang[] Translations = AllLangs.Where(l => l != Lang.En).ToArray();

    public static TheoryData<Lang> TranslationLangs()
    {
        var data = new TheoryData<Lang>();
        foreach (var l in Translations) data.Add(l);
        return data;
    }

    public static TheoryData<Lang> EveryLang()
    {
        var data = new TheoryData<Lang>();
        foreach (var l in AllLangs) data.Add(l);
        return data;
    }

    /// <summary>The placeholders each finding may use (the contract with the code that creates findings).</summary>
    private static readonly Dictionary<string, string[]> FindingPlaceholders = new(StringComparer.Ordinal)
    {
        ["USER_UNKNOWN"] = ["user"],
        ["EC2_NOT_RUNNING"] = ["instance", "state", "system", "instance_check"],
        ["EC2_NO_ROUTE"] = ["detail"],
        ["EC2_PORT_CLOSED"] = ["detail", "port"],
        ["EC2_NACL_DENIES"] = ["acl", "direction", "rule", "ports", "from"],
        ["EC2_KEY_PAIR_OTHER"] = ["pair", "pair_fingerprint", "key", "local_fingerprint", "form"],
        ["EC2_IMAGE_SHARED"] = ["image", "name", "image_owner", "owner"],
        ["EC2_CONSOLE_KEYS"] = ["state"],
        ["EC2_ACCESS_PATHS"] = ["detail"],
        ["EC2_PERMISSION"] = ["action", "code"],
        ["USER_LOCKED"] = ["user"],
        ["USER_EXPIRED"] = ["user", "date"],
        ["USER_SHELL_INVALID"] = ["user", "shell"],
        ["USER_DENIED"] = ["user", "directive", "source"],
        ["ROOT_LOGIN_REFUSED"] = ["user", "value"],
        ["NOLOGIN_FILE"] = ["user", "path"],
        ["KEY_NOT_AUTHORIZED"] = ["user", "files"],
        ["KEY_FOR_OTHER_USER"] = ["user", "path"],
        ["HOME_MISSING"] = ["user", "path"],
        ["SSH_DIR_MISSING"] = ["user", "path"],
        ["AUTHKEYS_MISSING"] = ["user", "path", "owner", "mode"],
        ["AUTHKEYS_NOT_REGULAR"] = ["user", "path"],
        ["AUTHKEYS_UNREADABLE"] = ["user", "path", "blocker"],
        ["STRICTMODES_OWNER"] = ["user", "path", "owner"],
        ["STRICTMODES_MODE"] = ["user", "path", "mode"],
        ["SELINUX_LABEL"] = ["path", "label"],
        ["KEY_LINE_INVALID"] = ["path", "line", "problem"],
        ["AUTHKEYS_ENCODING"] = ["path", "encoding"],
        ["KEY_OPTION_FROM"] = ["path", "line", "pattern", "from"],
        ["KEY_OPTION_EXPIRED"] = ["path", "line", "value"],
        ["KEY_OPTION_INVALID"] = ["path", "line", "option"],
        ["KEY_REVOKED"] = ["path"],
        ["AUTHKEYS_FILE_CONFIG"] = ["value", "source"],
        ["AUTHKEYS_COMMAND"] = ["command", "source"],
        ["AUTHKEYS_COMMAND_KEYS"] = ["command", "source"],
        ["PUBKEY_AUTH_DISABLED"] = ["source"],
        ["KEY_ALGORITHM_REFUSED"] = ["algorithm", "source"],
        ["RSA_SHA1_REFUSED"] = ["algorithm"],
        ["KEY_RSA_TOO_SMALL"] = ["bits", "min"],
        ["TOO_MANY_AUTH_TRIES"] = ["value"],
        ["AUTH_METHODS_REQUIRED"] = ["value", "source"],
        ["SSHD_CONFIG_INVALID"] = ["path", "line", "problem"],
        ["SSHD_HOST_KEYS_MISSING"] = ["path"],
        ["DISK_FULL"] = ["path"],
        ["CLOUD_INIT_ROOT_DISABLED"] = ["user", "path"],
        ["SHELL_NOLOGIN"] = ["user", "shell"],
        ["CLIENT_KEY_PERMISSIONS"] = ["path", "mode"],
        ["CLIENT_KEY_FORMAT"] = ["path", "problem"],
        ["CLIENT_KEY_ENCRYPTED"] = ["path"],
        ["CLIENT_KEY_PAIR_MISMATCH"] = ["path"],
        ["WRONG_USERNAME"] = ["user"],
        ["HOST_KEY_CHANGED"] = ["host", "fingerprint"],
        ["HOST_KEY_UNKNOWN"] = ["host", "fingerprint"],
        ["CLOUD_DEFAULT_USER"] = ["user", "source"],
        ["ADDRESS_CONDITION"] = ["pattern", "source"],
        ["SSHD_EFFECTIVE_MISMATCH"] = ["keyword", "model", "sshd"],
        ["CERT_CA_UNTRUSTED"] = ["key_id", "ca", "user"],
        ["CERT_PRINCIPAL_MISMATCH"] = ["key_id", "principals", "via", "user", "detail"],
        ["CERT_VALIDITY"] = ["key_id", "valid_after", "valid_before", "via", "detail"],
        ["CERT_SOURCE_ADDRESS"] = ["pattern", "via", "from"],
        ["CERT_PRINCIPALS_COMMAND"] = ["command", "source"],
        ["PAM_ACCOUNT_DENIED"] = ["user", "reason"],
        ["PASSWORD_CHANGE_REQUIRED"] = ["user", "reason"],
        ["CLIENT_CONDITION"] = ["algorithm"],
        ["NET_TIMEOUT"] = ["host"],
        ["NET_REFUSED"] = ["host"],
        ["NET_RESET"] = ["host"],
        ["NET_NOT_SSH"] = ["host"],
        ["KEX_NO_COMMON"] = ["host", "value"],
        ["CANDIDATE_NOT_READ"] = ["path", "source"],
        ["AUTHKEYS_HARDLINKED"] = ["user", "path", "links"],
    };

    /// <summary>Other texts of the Findings and Ui areas, with their exact placeholders.</summary>
    private static readonly Dictionary<string, string[]> OtherKeys = new(StringComparer.Ordinal)
    {
        ["line.bom"] = [],
        ["line.wrapped"] = [],
        ["line.spaces"] = [],
        ["line.nbsp"] = [],
        ["line.quoted"] = [],
        ["line.rfc4716"] = [],
        ["line.type_mismatch"] = ["type"],
        ["line.unknown_option"] = ["option"],
        ["line.stray_word"] = ["word"],
        ["line.unterminated_quote"] = [],
        ["line.bad_base64"] = [],

        ["ui.verdict.accepted"] = ["user"],
        ["ui.verdict.accepted_nokey"] = ["user"],
        ["ui.verdict.no_key_authorized"] = ["user"],
        ["ui.verdict.refused"] = ["user"],
        ["ui.verdict.refused_nokey"] = ["user"],
        ["ui.verdict.unknown"] = ["user"],
        ["ui.heading.blocking"] = [],
        ["ui.heading.warning"] = [],
        ["ui.heading.info"] = [],
        ["ui.fix"] = [],
        ["ui.target"] = ["root", "os", "sshd"],
        ["ui.key"] = ["type", "sha256", "comment"],
        ["ui.summary.all_users"] = ["accepted", "total", "refused"],
        ["ui.nothing"] = [],
        ["err.root_missing"] = ["root"],
        ["err.root_not_dir"] = ["root"],
        ["err.root_unreadable"] = ["root", "reason"],
        ["err.root_not_linux"] = ["root", "missing"],
        ["err.key_unreadable"] = ["path", "reason"],
        ["err.user_and_all"] = [],
        ["err.from_invalid"] = ["value"],
        ["err.user_required"] = [],
        ["err.internal"] = ["detail"],
        ["reason.not_searchable"] = ["path"],
        ["reason.not_readable"] = ["path"],
        ["reason.not_owner"] = ["path"],
    };

    // (1) every finding has a message and a fix in every language
    [Theory]
    [MemberData(nameof(EveryLang))]
    public void Every_finding_has_message_and_fix(Lang lang)
    {
        var table = Texts.Table(lang);
        var missing = Enum.GetNames<FindingId>()
            .SelectMany(id => new[] { id + ".message", id + ".fix" })
            .Where(key => !table.ContainsKey(key))
            .ToList();
        Assert.True(missing.Count == 0, $"{lang}: missing {string.Join(", ", missing)}");
    }

    [Fact]
    public void Placeholder_contract_lists_every_finding()
    {
        Assert.Equal(Enum.GetNames<FindingId>().Order(StringComparer.Ordinal),
            FindingPlaceholders.Keys.Order(StringComparer.Ordinal));
    }

    // (2) a key present in one language is present in all
    [Theory]
    [MemberData(nameof(TranslationLangs))]
    public void Same_keys_in_every_language(Lang lang)
    {
        var en = Texts.Table(Lang.En).Keys.ToHashSet(StringComparer.Ordinal);
        var other = Texts.Table(lang).Keys.ToHashSet(StringComparer.Ordinal);
        var onlyEn = en.Except(other).Order(StringComparer.Ordinal).ToList();
        var onlyOther = other.Except(en).Order(StringComparer.Ordinal).ToList();
        Assert.True(onlyEn.Count == 0, $"{lang} lacks: {string.Join(", ", onlyEn)}");
        Assert.True(onlyOther.Count == 0, $"only {lang} has: {string.Join(", ", onlyOther)}");
    }

    [Theory]
    [MemberData(nameof(EveryLang))]
    public void Findings_and_ui_texts_are_complete(Lang lang)
    {
        var table = Texts.Table(lang);
        var missing = OtherKeys.Keys.Where(k => !table.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, $"{lang}: missing {string.Join(", ", missing)}");
        // line.crlf is not a problem for sshd: it must not be reported as one.
        Assert.False(table.ContainsKey("line.crlf"), "line.crlf must not exist: sshd accepts CRLF lines");
    }

    // (3) no empty text
    [Theory]
    [MemberData(nameof(EveryLang))]
    public void No_text_is_empty(Lang lang)
    {
        var empty = Texts.Table(lang).Where(kv => string.IsNullOrWhiteSpace(kv.Value)).Select(kv => kv.Key).ToList();
        Assert.True(empty.Count == 0, $"{lang}: empty {string.Join(", ", empty)}");
    }

    [Theory]
    [MemberData(nameof(TranslationLangs))]
    public void Findings_and_ui_texts_are_translated(Lang lang)
    {
        // A sentence copied from English by mistake still passes every other check.
        var en = Texts.Table(Lang.En);
        var other = Texts.Table(lang);
        var copied = Texts.FindingsEn.Keys.Concat(Texts.UiEn.Keys)
            .Where(k => other.TryGetValue(k, out var t) && t == en[k] && en[k].Split(' ').Length > 3)
            .ToList();
        Assert.True(copied.Count == 0, $"{lang}: untranslated {string.Join(", ", copied)}");
    }

    // (4) same placeholders in every language
    [Theory]
    [MemberData(nameof(TranslationLangs))]
    public void Placeholders_match_english(Lang lang)
    {
        var en = Texts.Table(Lang.En);
        var other = Texts.Table(lang);
        var errors = new List<string>();
        foreach (var (key, enText) in en)
        {
            if (!other.TryGetValue(key, out var text)) continue; // reported by Same_keys_in_every_language
            var expected = PlaceholderSet(enText);
            var actual = PlaceholderSet(text);
            if (!expected.SetEquals(actual))
                errors.Add($"{key}: en {{{string.Join(",", expected.Order())}}} vs {lang} {{{string.Join(",", actual.Order())}}}");
        }
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(EveryLang))]
    public void Findings_and_ui_use_only_their_placeholders(Lang lang)
    {
        var table = Texts.Table(lang);
        var errors = new List<string>();
        foreach (var (key, text) in table)
        {
            string[]? allowed = null;
            var dot = key.LastIndexOf('.');
            if (dot > 0 && key[(dot + 1)..] is "message" or "fix" && FindingPlaceholders.TryGetValue(key[..dot], out var f))
                allowed = f;
            else if (OtherKeys.TryGetValue(key, out var o))
            {
                allowed = o;
                // Non-finding texts must use exactly their placeholders (ui strings are filled positionally by meaning).
                if (!PlaceholderSet(text).SetEquals(o))
                    errors.Add($"{key}: uses {{{string.Join(",", PlaceholderSet(text).Order())}}}, expected {{{string.Join(",", o)}}}");
            }
            if (allowed is null) continue;
            var extra = PlaceholderSet(text).Except(allowed).ToList();
            if (extra.Count > 0) errors.Add($"{key}: unknown placeholder(s) {string.Join(",", extra)}");
            if (!BracesBalanced(text)) errors.Add($"{key}: unbalanced braces");
        }
        Assert.True(errors.Count == 0, $"{lang}:\n" + string.Join("\n", errors));
    }

    [Theory]
    [MemberData(nameof(EveryLang))]
    public void Finding_messages_name_what_they_are_about(Lang lang)
    {
        // A message that drops its main subject is useless: each one uses at least one placeholder
        // when its contract has any, except the fix of a finding (which may speak generally).
        var table = Texts.Table(lang);
        var errors = FindingPlaceholders
            .Where(kv => kv.Value.Length > 0 && !PlaceholderSet(table.GetValueOrDefault(kv.Key + ".message", "")).Any())
            .Select(kv => kv.Key).ToList();
        Assert.True(errors.Count == 0, $"{lang}: no placeholder in {string.Join(", ", errors)}");
    }

    // (5) keywords, paths and commands stay untranslated
    [Theory]
    [MemberData(nameof(TranslationLangs))]
    public void Translations_keep_keywords_paths_and_commands(Lang lang)
    {
        var en = Texts.Table(Lang.En);
        var other = Texts.Table(lang);
        var mine = Texts.FindingsEn.Keys.Concat(Texts.UiEn.Keys).ToHashSet(StringComparer.Ordinal);
        var errors = new List<string>();
        foreach (var (key, enText) in en)
        {
            if (!other.TryGetValue(key, out var text)) continue;
            foreach (var token in ProtectedTokens(enText, strict: mine.Contains(key)))
                if (!text.Contains(token, StringComparison.Ordinal))
                    errors.Add($"{key}: '{token}' is missing");
        }
        Assert.True(errors.Count == 0, $"{lang}:\n" + string.Join("\n", errors));
    }

    [Fact]
    public void Protected_tokens_are_found()
    {
        var tokens = ProtectedTokens(
            "sshd ignores {path}: StrictModes and ~/.ssh/authorized_keys, see /etc/passwd. Run ssh-keygen -R {host}.",
            strict: false).ToList();
        Assert.Contains("sshd", tokens);
        Assert.Contains("StrictModes", tokens);
        Assert.Contains("~/.ssh/authorized_keys", tokens);
        Assert.Contains("/etc/passwd", tokens);
        Assert.Contains("ssh-keygen", tokens);
        Assert.DoesNotContain("{path}", tokens);

        var strict = ProtectedTokens("OpenSSH, UsePAM, known_hosts, from=\"{pattern}\" and --all-users.", strict: true).ToList();
        Assert.Contains("OpenSSH", strict);
        Assert.Contains("UsePAM", strict);
        Assert.Contains("known_hosts", strict);
        Assert.Contains("from=", strict);
        Assert.Contains("--all-users", strict);
    }

    private static readonly Regex CamelCase = new(@"\b[A-Z][a-z]+(?:[A-Z][a-z]+)+\b", RegexOptions.CultureInvariant);
    private static readonly Regex PathOrCommand = new(@"(?<![\w.~/-])(?:[/~][^\s,;:()""'«»「」（）]+|ssh[\w.-]*)", RegexOptions.CultureInvariant);
    // Stricter rules for the Findings/Ui texts: mixed-case names (OpenSSH, UsePAM, PuTTY, WinSCP),
    // identifiers with underscores (authorized_keys, sshd_config), key options (from=) and CLI flags.
    private static readonly Regex MixedCase = new(@"\b[A-Za-z]*[a-z][A-Z][A-Za-z]*\b", RegexOptions.CultureInvariant);
    private static readonly Regex Underscored = new(@"(?<![\w.~/-])[\w.~/-]*_[\w.~/-]*", RegexOptions.CultureInvariant);
    private static readonly Regex KeyOption = new(@"\b[a-z][\w-]*=", RegexOptions.CultureInvariant);
    private static readonly Regex CliFlag = new(@"(?<![\w-])--[a-z][\w-]*", RegexOptions.CultureInvariant);
    private static readonly Regex Placeholder = new(@"\{[^{}]*\}", RegexOptions.CultureInvariant);

    private static IEnumerable<string> ProtectedTokens(string english, bool strict)
    {
        var text = Placeholder.Replace(english, " ");
        var rules = strict
            ? new[] { CamelCase, PathOrCommand, MixedCase, Underscored, KeyOption, CliFlag }
            : new[] { CamelCase, PathOrCommand };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
            foreach (Match m in rule.Matches(text))
            {
                var token = m.Value.TrimEnd('.', ',', ';', ':', '!', '?');
                if (token.Length > 1 && seen.Add(token)) yield return token;
            }
    }

    private static HashSet<string> PlaceholderSet(string text) =>
        Messages.Placeholders(text).ToHashSet(StringComparer.Ordinal);

    private static bool BracesBalanced(string text)
    {
        var open = false;
        foreach (var c in text)
        {
            if (c == '{') { if (open) return false; open = true; }
            else if (c == '}') { if (!open) return false; open = false; }
        }
        return !open;
    }
}
