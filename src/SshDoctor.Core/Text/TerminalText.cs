using System.Globalization;
using System.Text;

namespace SshDoctor.Core.Text;

/// <summary>
/// Text from the target (passwd fields, authorized_keys lines, sshd_config values, log lines, file names) shown
/// on a terminal: control characters are written as visible escapes (ESC as \x1b, newline as \n), so a hostile
/// volume cannot move the cursor, retitle the window or hide a line. Printable text, Korean or Japanese
/// included, is left as it is.
/// </summary>
public static class TerminalText
{
    /// <summary>C0 controls, DEL and the C1 controls (U+0080 to U+009F, which some terminals obey as ESC sequences).</summary>
    public static bool IsControl(char c) => c < 0x20 || c is >= '\u007f' and <= '\u009f';

    /// <summary>Bidirectional overrides and isolates can make a line read differently from what it is.</summary>
    private static bool IsBidiControl(char c) => c is >= '\u202a' and <= '\u202e' or >= '\u2066' and <= '\u2069';

    public static string Escape(string? s)
    {
        if (s is null) return "";
        if (!HasSpecial(s)) return s;
        var sb = new StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
                continue;
            }
            switch (c)
            {
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (IsControl(c) && c <= 0xff) sb.Append("\\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    else if (IsBidiControl(c) || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.ToString();
    }

    private static bool HasSpecial(string s)
    {
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (IsControl(c) || IsBidiControl(c)) return true;
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(c)) return true;
        }
        return false;
    }
}
