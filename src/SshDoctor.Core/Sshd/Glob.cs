using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>glob(3) for Include: '*', '?' and '[...]' in any component, results sorted, inside the target.</summary>
internal static class Glob
{
    public static IEnumerable<string> Expand(TargetRoot root, string pattern)
    {
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "" };
        foreach (var part in parts)
        {
            var next = new List<string>();
            var wild = part.IndexOfAny(['*', '?', '[']) >= 0;
            foreach (var dir in current)
            {
                if (!wild)
                {
                    next.Add(dir + "/" + part);
                    continue;
                }
                foreach (var name in root.ListDirectory(dir.Length == 0 ? "/" : dir))
                    if (!name.StartsWith('.') && FnMatch(name, part))
                        next.Add(dir + "/" + name);
            }
            current = next;
        }
        return current.Where(p => root.Stat(p).Kind == FileKind.Regular).Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// fnmatch(3) for one path component: '*', '?', '[abc]', '[a-z]', '[!x]' / '[^x]'; '\\' quotes. A range given
    /// backwards ('[z-a]') matches nothing, as in glibc; a '[' with no closing ']' is itself. Matched directly, in
    /// O(|name|·|pattern|): no regex (a pattern the fuzzer wrote made the regex translation throw).
    /// </summary>
    internal static bool FnMatch(string name, string pattern)
    {
        var tokens = Tokens(pattern);
        int si = 0, ti = 0, star = -1, resume = 0;
        while (si < name.Length)
        {
            if (ti < tokens.Count && tokens[ti].Star) { star = ti++; resume = si; }
            else if (ti < tokens.Count && tokens[ti].Matches(name[si])) { si++; ti++; }
            else if (star >= 0) { ti = star + 1; si = ++resume; }
            else return false;
        }
        while (ti < tokens.Count && tokens[ti].Star) ti++;
        return ti == tokens.Count;
    }

    /// <summary>One pattern element: '*', or a test of one character ('?', a literal, a bracket expression).</summary>
    private sealed record Token(bool Star, Func<char, bool> Matches);

    private static List<Token> Tokens(string pattern)
    {
        var tokens = new List<Token>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': tokens.Add(new Token(true, _ => false)); break;
                case '?': tokens.Add(new Token(false, _ => true)); break;
                case '\\' when i + 1 < pattern.Length:
                    var quoted = pattern[++i];
                    tokens.Add(new Token(false, x => x == quoted));
                    break;
                case '[' when Bracket(pattern, i) is var (test, end) && end > 0:
                    tokens.Add(new Token(false, test));
                    i = end;
                    break;
                default: tokens.Add(new Token(false, x => x == c)); break;
            }
        }
        return tokens;
    }

    /// <summary>The bracket expression opening at <paramref name="open"/>: its test and the index of its ']' (-1: none).</summary>
    private static (Func<char, bool> Test, int End) Bracket(string pattern, int open)
    {
        var i = open + 1;
        var negate = i < pattern.Length && pattern[i] is '!' or '^';
        if (negate) i++;
        var ranges = new List<(char Lo, char Hi)>();
        var first = true;
        for (; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == ']' && !first)
            {
                var set = ranges.ToArray();
                return (x => set.Any(r => r.Lo <= x && x <= r.Hi) != negate, i);
            }
            first = false;
            if (c == '\\' && i + 1 < pattern.Length) c = pattern[++i];
            if (i + 2 < pattern.Length && pattern[i + 1] == '-' && pattern[i + 2] != ']')
            {
                i += 2;
                var hi = pattern[i] == '\\' && i + 1 < pattern.Length ? pattern[++i] : pattern[i];
                ranges.Add((c, hi)); // backwards: Lo > Hi, matches nothing
            }
            else ranges.Add((c, c));
        }
        return (_ => false, -1);
    }
}
