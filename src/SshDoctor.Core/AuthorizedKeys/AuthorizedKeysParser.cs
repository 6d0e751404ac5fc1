using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>Parses authorized_keys the way sshd does (auth2-pubkey.c check_authkeys_file / sshkey_read).</summary>
public static class AuthorizedKeysParser
{
    /// <param name="version">the target's sshd (null: the newest behaviour).</param>
    public static IEnumerable<AuthorizedKeyLine> Parse(string text, OpenSshVersion? version = null)
    {
        var number = 0;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = ParseLine(number, raw, version);
            if (line is not null) yield return line;
        }
    }

    /// <summary>Null for blank and comment lines (sshd skips them).</summary>
    public static AuthorizedKeyLine? ParseLine(int number, string raw, OpenSshVersion? version = null)
    {
        var cp = SkipBlanks(raw, 0);
        if (cp >= raw.Length || raw[cp] == '\n' || raw[cp] == '#') return null;
        var rest = raw[cp..];
        // Short names ("ED25519 AAAA...") were key labels until OpenSSH 7.6; 7.7+ (peek_type_nid) wants the exact type name.
        var shortNames = version is not null && !version.AtLeast(7, 7);
        // expiry-time="...UTC" is understood since 9.1.
        var utcWord = version is null || version.AtLeast(9, 1);
        if (TryReadKey(rest, out var key, shortNames))
            return new AuthorizedKeyLine(number, raw, key, null, KeyOptions.None, false);

        // No key at the start: sshd takes the first word as options and tries again after it.
        var end = AdvancePastOptions(rest, out var unterminated);
        if (unterminated)
            return new AuthorizedKeyLine(number, raw, null, rest, KeyOptions.None, true);
        var afterOptions = SkipBlanks(rest, end);
        if (!TryReadKey(rest[afterOptions..], out key, shortNames))
            return new AuthorizedKeyLine(number, raw, null, rest[..end], KeyOptions.None, false);
        var optionText = rest[..end];
        // sshauthopt_parse reads the line itself, not a copy cut at the blank: "no-pty, ssh-ed25519 ..."
        // ends its options at the blank after the comma and is accepted.
        return new AuthorizedKeyLine(number, raw, key, optionText, KeyOptions.Parse(rest, utcWord), false);
    }

    /// <summary>sshkey_read: "type base64" where the label names the blob's type.</summary>
    internal static bool TryReadKey(string s, out PublicKey? key, bool shortNames = false)
    {
        key = null;
        var space = s.IndexOfAny([' ', '\t']);
        if (space <= 0) return false;
        var label = s[..space];
        var at = SkipBlanks(s, space);
        if (at >= s.Length) return false;
        var blobEnd = s.IndexOfAny([' ', '\t'], at);
        var token = blobEnd < 0 ? s[at..] : s[at..blobEnd];
        if (token.Length < 7) return false;
        var blob = DecodeBase64(token);
        if (blob is null) return false;
        var parsed = PublicKey.FromBlob(blob);
        if (parsed is null || !LabelNames(label, parsed.Type, shortNames)) return false;
        if (parsed.Type == "ssh-rsa" && parsed.Bits < 1024) return false;
        var comment = blobEnd < 0 ? "" : s[blobEnd..].Trim();
        key = parsed.WithComment(comment);
        return true;
    }

    /// <summary>
    /// peek_type_nid (7.7+): the exact name or a signature name of the same key. With
    /// <paramref name="shortNames"/> (sshkey_type_from_name, up to 7.6) also the case-insensitive short name.
    /// </summary>
    internal static bool LabelNames(string label, string blobType, bool shortNames = false)
    {
        if (label == blobType) return true;
        if (blobType == "ssh-rsa" && label is "rsa-sha2-256" or "rsa-sha2-512") return true;
        if (!shortNames) return false;
        return blobType switch
        {
            "ssh-rsa" => label.Equals("RSA", StringComparison.OrdinalIgnoreCase),
            "ssh-dss" => label.Equals("DSA", StringComparison.OrdinalIgnoreCase),
            "ssh-ed25519" => label.Equals("ED25519", StringComparison.OrdinalIgnoreCase),
            "sk-ssh-ed25519@openssh.com" => label.Equals("ED25519-SK", StringComparison.OrdinalIgnoreCase),
            _ => false,
        };
    }

    /// <summary>b64_pton: whitespace is skipped, '=' padding ends the data, anything else fails.</summary>
    internal static byte[]? DecodeBase64(string token)
    {
        Span<char> clean = token.Length <= 16384 ? stackalloc char[token.Length] : new char[token.Length];
        var n = 0;
        foreach (var c in token)
        {
            if (c is '\r' or '\n' or '\v' or '\f') continue;
            clean[n++] = c;
        }
        var text = clean[..n];
        var pad = text.IndexOf('=');
        if (pad >= 0)
        {
            for (var i = pad; i < text.Length; i++)
                if (text[i] != '=') return null;
        }
        var buffer = new byte[n];
        return Convert.TryFromBase64Chars(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>sshkey_advance_past_options: up to the first blank outside double quotes.</summary>
    internal static int AdvancePastOptions(string s, out bool unterminated)
    {
        var quoted = false;
        var i = 0;
        for (; i < s.Length && (quoted || (s[i] != ' ' && s[i] != '\t')); i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] == '"') i++;
            else if (s[i] == '"') quoted = !quoted;
        }
        unterminated = i >= s.Length && quoted;
        return i;
    }

    private static int SkipBlanks(string s, int i)
    {
        while (i < s.Length && (s[i] == ' ' || s[i] == '\t')) i++;
        return i;
    }
}
