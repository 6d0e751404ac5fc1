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

    /// <summary>fnmatch(3) for one path component: '*', '?', '[abc]', '[a-z]', '[!x]' / '[^x]'; '\\' quotes.</summary>
    internal static bool FnMatch(string name, string pattern)
    {
        var regex = new System.Text.StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            switch (c)
            {
                case '*': regex.Append(".*"); break;
                case '?': regex.Append('.'); break;
                case '\\' when i + 1 < pattern.Length:
                    regex.Append(System.Text.RegularExpressions.Regex.Escape(pattern[++i].ToString()));
                    break;
                case '[':
                    // A ']' right after '[' or '[!' is a member, not the end.
                    var from = i + (i + 1 < pattern.Length && pattern[i + 1] is '!' or '^' ? 3 : 2);
                    var end = from < pattern.Length ? pattern.IndexOf(']', from) : -1;
                    if (end < 0)
                    {
                        regex.Append("\\[");
                        break;
                    }
                    var body = pattern[(i + 1)..end];
                    var negate = body.Length > 0 && (body[0] is '!' or '^');
                    if (negate) body = body[1..];
                    regex.Append('[').Append(negate ? "^" : "").Append(body.Replace("\\", "\\\\").Replace("[", "\\[")).Append(']');
                    i = end;
                    break;
                default: regex.Append(System.Text.RegularExpressions.Regex.Escape(c.ToString())); break;
            }
        }
        regex.Append('$');
        return System.Text.RegularExpressions.Regex.IsMatch(name, regex.ToString(), System.Text.RegularExpressions.RegexOptions.Singleline | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
    }
}
