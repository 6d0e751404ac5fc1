using System.Text;

namespace SshDoctor.Core.Sshd;

/// <summary>
/// Splits a config line the way sshd does: keyword (optionally followed by '='), quoted arguments, '#' ends it.
/// <paramref name="argvSplit"/> (OpenSSH 8.7+, argv_split): '#' starts a comment only at the start of a word,
/// and both "double" and 'single' quotes group words. Before 8.7 load_server_config cut every line at its
/// first '#', and only double quotes grouped words.
/// </summary>
public static class ConfigTokenizer
{
    public static bool TryTokenize(string line, out string keyword, out List<string> args, out string? error) =>
        TryTokenize(line, out keyword, out args, out error, argvSplit: true);

    public static bool TryTokenize(string line, out string keyword, out List<string> args, out string? error, bool argvSplit)
    {
        keyword = "";
        args = new List<string>();
        error = null;
        if (!argvSplit && line.IndexOf('#') is var hash and >= 0) line = line[..hash];
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
            var quote = '\0';
            while (j < rest.Length)
            {
                var c = rest[j];
                // argv_split: \' \" \\ always escape; "\ " only outside quotes.
                if (c == '\\' && j + 1 < rest.Length && (rest[j + 1] is '\\' or '"' or '\'' || (quote == '\0' && rest[j + 1] == ' ')))
                {
                    sb.Append(rest[j + 1]);
                    j += 2;
                    continue;
                }
                if (quote == '\0' && (c == '"' || (argvSplit && c == '\'')))
                {
                    quote = c;
                    j++;
                    continue;
                }
                if (quote != '\0' && c == quote)
                {
                    quote = '\0';
                    j++;
                    continue;
                }
                if (quote == '\0' && char.IsWhiteSpace(c)) break;
                sb.Append(c);
                j++;
            }
            if (quote != '\0')
            {
                error = "unterminated quote";
                return true;
            }
            args.Add(sb.ToString());
        }
        return true;
    }
}
