namespace SshDoctor.Core.SshConfig;

/// <summary>One ssh_config line split as ssh splits it: a keyword, then arguments (quotes group, `=` may follow the keyword).</summary>
public sealed record SshConfigLine(string Keyword, IReadOnlyList<string> Args, string File, int Number)
{
    /// <summary>Null for blank lines and comments; a line ssh would reject (an unclosed quote) has no arguments.</summary>
    public static SshConfigLine? Parse(string text, string file, int number)
    {
        var s = text.Trim();
        if (s.Length == 0 || s[0] == '#') return null;
        var i = 0;
        var keyword = ReadWord(s, ref i, keyword: true);
        if (keyword is null || keyword.Length == 0) return null;
        SkipSpace(s, ref i);
        if (i < s.Length && s[i] == '=') { i++; SkipSpace(s, ref i); }
        var args = new List<string>();
        while (i < s.Length)
        {
            if (s[i] == '#') break;
            var w = ReadWord(s, ref i, keyword: false);
            if (w is null) return new SshConfigLine(keyword, [], file, number);
            args.Add(w);
            SkipSpace(s, ref i);
        }
        return new SshConfigLine(keyword, args, file, number);
    }

    private static void SkipSpace(string s, ref int i)
    {
        while (i < s.Length && s[i] is ' ' or '\t') i++;
    }

    private static string? ReadWord(string s, ref int i, bool keyword)
    {
        var sb = new System.Text.StringBuilder();
        if (!keyword && s[i] == '"')
        {
            i++;
            while (i < s.Length && s[i] != '"') sb.Append(s[i++]);
            if (i >= s.Length) return null; // unclosed quote
            i++;
            return sb.ToString();
        }
        while (i < s.Length && s[i] is not (' ' or '\t') && !(keyword && s[i] == '='))
            sb.Append(s[i++]);
        return sb.ToString();
    }
}
