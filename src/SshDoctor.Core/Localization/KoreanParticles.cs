namespace SshDoctor.Core.Localization;

/// <summary>
/// Picks the Korean particle that fits the final sound (받침) of the word before it: 을/를, 이/가, 은/는,
/// 과/와, 으로/로, 이나/나, 이라/라. Latin words, paths and numbers are judged by how a Korean reader
/// pronounces their end (user → 유저, no final; 22 → 이십이, none; 6 → 육, ㄱ; PAM → 팸, ㅁ).
/// </summary>
public static class KoreanParticles
{
    private enum Final { None, Rieul, Other }

    private static readonly (string WithFinal, string WithoutFinal)[] Pairs =
    [
        ("을", "를"), ("이", "가"), ("은", "는"), ("과", "와"), ("으로", "로"), ("이나", "나"), ("이라", "라"), ("이에요", "예요"),
    ];

    public static bool IsParticle(string s) => Pairs.Any(p => p.WithFinal == s || p.WithoutFinal == s);

    /// <summary>The particle (given in either form) that follows <paramref name="word"/>.</summary>
    public static string For(string word, string particle)
    {
        foreach (var (with, without) in Pairs)
        {
            if (particle != with && particle != without) continue;
            var final = FinalOf(word);
            // 으로 is used after a final consonant other than ㄹ; after ㄹ or a vowel: 로.
            if (with == "으로") return final == Final.Other ? with : without;
            return final == Final.None ? without : with;
        }
        return particle;
    }

    private static Final FinalOf(string word)
    {
        var w = word.TrimEnd(' ', '"', '\'', ')', ']', '/', '.', ',', '`');
        if (w.Length == 0) return Final.None;
        var c = w[^1];
        if (c is >= '\uAC00' and <= '\uD7A3')
        {
            var jong = (c - 0xAC00) % 28;
            return jong == 0 ? Final.None : jong == 8 ? Final.Rieul : Final.Other;
        }
        if (char.IsAsciiDigit(c)) return DigitFinal(w);
        if (char.IsAsciiLetter(c)) return LatinFinal(w);
        return Final.None;
    }

    // 영 일 이 삼 사 오 육 칠 팔 구; a number ending in 0 is read by its last non-zero place (십 백 천 만: all have a final).
    private static Final DigitFinal(string w)
    {
        var c = w[^1];
        return c switch
        {
            '0' => Final.Other,
            '1' or '7' or '8' => Final.Rieul,
            '3' or '6' => Final.Other,
            _ => Final.None,
        };
    }

    private static Final LatinFinal(string w)
    {
        var end = 0;
        while (end < w.Length && char.IsAsciiLetter(w[w.Length - 1 - end])) end++;
        var tail = w[^end..];
        // An all-capitals tail is read letter by letter: L 엘, M 엠, N 엔, R 알; the rest end in a vowel.
        if (tail.Length <= 4 && tail.All(char.IsAsciiLetterUpper))
            return tail[^1] switch { 'L' or 'R' => Final.Rieul, 'M' or 'N' => Final.Other, _ => Final.None };
        var t = tail.ToLowerInvariant();
        if (t.EndsWith("ng") || t.EndsWith('m') || t.EndsWith('n')) return Final.Other;
        if (t.EndsWith('l')) return Final.Rieul;
        // Words ending in k/p/t after a short vowel keep it as a final (book 북, top 톱); most others end in a vowel sound.
        if (t.Length >= 2 && t[^1] is 'k' or 'p' or 't' && t[^2] is 'o' or 'u' or 'a' or 'i' && (t.Length < 3 || !"aeiou".Contains(t[^3])))
            return t[^1] == 'k' && t[^2] is 'c' ? Final.None : Final.Other;
        return Final.None;
    }
}
