using System.Text;

namespace SshDoctor.Core.Explain;

/// <summary>
/// Text reduced to lower-case letters and digits, full-width forms folded: what survives retyping, dialog
/// line wrapping, different quotes and CJK/Latin punctuation ("서버가 키를 거부 하였습니다" ≈ "서버가키를거부하였습니다").
/// </summary>
public static class TextSkeleton
{
    public static string Of(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        foreach (var ch in text)
        {
            var c = ch;
            if (c >= '\uFF01' && c <= '\uFF5E') c = (char)(c - 0xFEE0); // full-width ASCII
            if (char.IsLetterOrDigit(c)) sb.Append(char.ToLowerInvariant(c));
        }
        return sb.ToString();
    }
}
