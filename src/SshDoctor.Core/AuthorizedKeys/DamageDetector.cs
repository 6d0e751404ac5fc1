using SshDoctor.Core.Keys;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>
/// Finds the near misses: the wanted key is present in the file, but in a form sshd's parser skips
/// (BOM, wrapped, spaces or NBSP in the base64, quoted, RFC 4716 block, wrong type label, bad leading word).
/// </summary>
public static class DamageDetector
{
    private const string Rfc4716Begin = "---- BEGIN SSH2 PUBLIC KEY ----";
    private const string Rfc4716End = "---- END SSH2 PUBLIC KEY ----";

    public static List<DamagedLine> Find(string text, PublicKey key)
    {
        var found = new List<DamagedLine>();
        var b64 = key.Base64.TrimEnd('=');
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimStart(' ', '\t').StartsWith('#')) continue;
            if (line.Trim() == Rfc4716Begin)
            {
                if (Rfc4716Carries(lines, i, key))
                {
                    found.Add(new DamagedLine(i + 1, "line.rfc4716"));
                    // The block's body lines are part of this one finding, not wrapped or bad lines of their own.
                    while (i + 1 < lines.Length && lines[i].Trim() != Rfc4716End) i++;
                }
                continue;
            }
            var squeezed = Squeeze(line);
            if (squeezed.Contains(b64, StringComparison.Ordinal))
            {
                if (Classify(i + 1, line, key) is { } damaged) found.Add(damaged);
                continue;
            }
            // Wrapped: the base64 starts on this line and continues on the next ones.
            if (StartsKeyPrefix(squeezed, b64) && JoinedCarries(lines, i, b64))
                found.Add(new DamagedLine(i + 1, "line.wrapped"));
        }
        return found;
    }

    private static DamagedLine? Classify(int number, string line, PublicKey key)
    {
        var parsed = AuthorizedKeysParser.ParseLine(number, line);
        if (parsed?.Key is not null && parsed.Key.Equals(key))
        {
            // The key parses; only its options are wrong. Reported as KEY_OPTION_* by the caller,
            // except an unknown word before the key, which is a damaged line.
            return parsed.Options.Error == OptionErrorKind.UnknownOption
                ? new DamagedLine(number, LooksLikeOption(parsed.Options.ErrorDetail) ? "line.unknown_option" : "line.stray_word",
                    parsed.Options.ErrorDetail ?? "")
                : null;
        }
        if (line.StartsWith('\uFEFF')) return new DamagedLine(number, "line.bom");
        var trimmed = line.Trim();
        if (trimmed.Length > 1 && (trimmed[0] is '"' or '\'' or '“' or '‘') && (trimmed[^1] is '"' or '\'' or '”' or '’'))
            return new DamagedLine(number, "line.quoted");
        if (parsed?.UnterminatedQuote == true) return new DamagedLine(number, "line.unterminated_quote");
        if (line.Contains('\u00A0') || line.Contains('\u3000')) return new DamagedLine(number, "line.nbsp");
        var firstWord = trimmed.Split([' ', '\t'], 2)[0];
        if (firstWord != key.Type && IsKeyTypeName(firstWord) && trimmed.Contains(" " + key.Base64.TrimEnd('='), StringComparison.Ordinal))
            return new DamagedLine(number, "line.type_mismatch", firstWord);
        if (!trimmed.Contains(key.Base64.TrimEnd('='), StringComparison.Ordinal)) return new DamagedLine(number, "line.spaces");
        return new DamagedLine(number, "line.bad_base64");
    }

    private static bool LooksLikeOption(string? word) =>
        word is not null && (word.Contains('=') || word.Contains(',') || word.StartsWith("no-", StringComparison.OrdinalIgnoreCase)
                             || word.Contains("forwarding", StringComparison.OrdinalIgnoreCase));

    private static bool IsKeyTypeName(string word) =>
        word.StartsWith("ssh-", StringComparison.Ordinal) || word.StartsWith("ecdsa-", StringComparison.Ordinal)
        || word.StartsWith("sk-", StringComparison.Ordinal) || word.StartsWith("rsa-sha2", StringComparison.Ordinal);

    private static bool StartsKeyPrefix(string squeezed, string b64)
    {
        // The tail of this line must be a prefix of the key's base64 (at least 16 characters of it).
        for (var len = Math.Min(b64.Length - 1, squeezed.Length); len >= 16; len--)
            if (squeezed.AsSpan().EndsWith(b64.AsSpan(0, len))) return true;
        return false;
    }

    private static bool JoinedCarries(string[] lines, int start, string b64)
    {
        var joined = new System.Text.StringBuilder();
        for (var j = start; j < lines.Length && j < start + 64; j++)
        {
            joined.Append(Squeeze(lines[j]));
            if (j > start && joined.ToString().Contains(b64, StringComparison.Ordinal)) return true;
        }
        return false;
    }

    private static bool Rfc4716Carries(string[] lines, int begin, PublicKey key)
    {
        var body = new System.Text.StringBuilder();
        var continued = false;
        for (var j = begin + 1; j < lines.Length; j++)
        {
            var l = lines[j].Trim();
            if (l == Rfc4716End)
            {
                var blob = AuthorizedKeysParser.DecodeBase64(body.ToString());
                return blob is not null && PublicKey.FromBlob(blob) is { } k && k.Equals(key);
            }
            if (continued || l.Contains(':'))
            {
                continued = l.EndsWith('\\');
                continue;
            }
            body.Append(l);
        }
        return false;
    }

    /// <summary>The line without blanks, BOMs or quotes: what is left of a key's base64 however it was pasted.</summary>
    internal static string Squeeze(string s)
    {
        // Called for every line of every file looked at: one allocation, the result.
        var buffer = s.Length <= 512 ? stackalloc char[s.Length] : new char[s.Length];
        var n = 0;
        foreach (var c in s)
            if (!char.IsWhiteSpace(c) && c != '\uFEFF' && c != '"' && c != '\'') buffer[n++] = c;
        return n == s.Length ? s : new string(buffer[..n]);
    }
}
