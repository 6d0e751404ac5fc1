namespace SshDoctor.Core.SshConfig;

/// <summary>ssh's patterns: `*` and `?` wildcards, `!` negation, comma lists (match.c semantics).</summary>
public static class SshPattern
{
    public static bool Match(string text, string pattern) => Match(text.AsSpan(), pattern.AsSpan());

    private static bool Match(ReadOnlySpan<char> s, ReadOnlySpan<char> p)
    {
        while (true)
        {
            if (p.IsEmpty) return s.IsEmpty;
            if (p[0] == '*')
            {
                p = p[1..];
                if (p.IsEmpty) return true;
                for (var k = 0; k <= s.Length; k++)
                    if (Match(s[k..], p)) return true;
                return false;
            }
            if (s.IsEmpty) return false;
            if (p[0] != '?' && p[0] != s[0]) return false;
            s = s[1..];
            p = p[1..];
        }
    }

    /// <summary>
    /// A comma list: 1 when a positive pattern matches, -1 when a negated one does (which wins), 0 when none does.
    /// </summary>
    public static int MatchList(string text, string list, bool lowerCase)
    {
        if (lowerCase) text = text.ToLowerInvariant();
        var result = 0;
        foreach (var raw in list.Split(','))
        {
            var negated = raw.StartsWith('!');
            var pattern = negated ? raw[1..] : raw;
            if (lowerCase) pattern = pattern.ToLowerInvariant();
            if (!Match(text, pattern)) continue;
            if (negated) return -1;
            result = 1;
        }
        return result;
    }
}
