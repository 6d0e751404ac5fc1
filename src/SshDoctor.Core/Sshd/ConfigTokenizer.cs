using System.Text;

namespace SshDoctor.Core.Sshd;

/// <summary>Splits a config line the way sshd does: keyword (optionally followed by '='), quoted arguments, '#' ends it.</summary>
public static class ConfigTokenizer
{
    public static bool TryTokenize(string line, out string keyword, out List<string> args, out string? error)
    {
        keyword = "";
        args = new List<string>();
        error = null;
        var s = line.AsSpan().Trim();
        if (s.IsEmpty || s[0] == '#') return false;
        var i = 0;
        while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '=') i++;
        keyword = s[..i].ToString();
        while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        if (i < s.Length && s[i] == '=')
        {
            i++;
            while (i < s.Length && char.IsWhiteSpace(s[i])) i++;
        }
        var rest = s[i..];
        var sb = new StringBuilder();
        var j = 0;
        while (j < rest.Length)
        {
            while (j < rest.Length && char.IsWhiteSpace(rest[j])) j++;
            if (j >= rest.Length) break;
            if (rest[j] == '#') break;
            sb.Clear();
            var quoted = false;
            while (j < rest.Length)
            {
                var c = rest[j];
                if (c == '\\' && j + 1 < rest.Length && (rest[j + 1] is '\\' or '"' or '\'' or ' ' || quoted && rest[j + 1] == '"'))
                {
                    sb.Append(rest[j + 1]);
                    j += 2;
                    continue;
                }
                if (c == '"')
                {
                    quoted = !quoted;
                    j++;
                    continue;
                }
                if (!quoted && char.IsWhiteSpace(c)) break;
                sb.Append(c);
                j++;
            }
            if (quoted)
            {
                error = "unterminated quote";
                return true;
            }
            args.Add(sb.ToString());
        }
        return true;
    }
}
