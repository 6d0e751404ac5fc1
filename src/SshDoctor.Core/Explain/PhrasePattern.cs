namespace SshDoctor.Core.Explain;

/// <summary>
/// A message template (`Load key "%s": invalid format`) matched on skeletons: its literal fragments must
/// appear in order, close together, whatever fills the placeholders.
/// </summary>
public sealed partial class PhrasePattern
{
    public ClientMessage Kind { get; }
    public string Text { get; }
    /// <summary>Where the wording comes from: "openssh", "putty", "winscp:FR", "doc"…</summary>
    public string Source { get; }
    private readonly string[] _fragments;
    private readonly int _length;

    public PhrasePattern(ClientMessage kind, string text, string source)
    {
        Kind = kind;
        Text = text;
        Source = source;
        var parts = Placeholder().Split(text.Replace("&", ""));
        _fragments = parts.Select(p => TextSkeleton.Of(p)).Where(p => p.Length >= 2).ToArray();
        _length = _fragments.Sum(f => f.Length);
    }

    [System.Text.RegularExpressions.GeneratedRegex("%[A-Z]+%|%[-0-9.]*[sdu]")]
    private static partial System.Text.RegularExpressions.Regex Placeholder();

    /// <summary>Too short to mean anything on its own (e.g. a one-word translation).</summary>
    public bool Usable => _length >= 4 && _fragments.Length > 0;

    public bool Matches(string skeleton)
    {
        if (!Usable) return false;
        var start = 0;
        while (true)
        {
            var first = skeleton.IndexOf(_fragments[0], start, StringComparison.Ordinal);
            if (first < 0) return false;
            var pos = first + _fragments[0].Length;
            var ok = true;
            for (var i = 1; i < _fragments.Length; i++)
            {
                var at = skeleton.IndexOf(_fragments[i], pos, StringComparison.Ordinal);
                // Placeholders hold a path or host name: allow some room, not the whole paste.
                if (at < 0 || at - pos > 200) { ok = false; break; }
                pos = at + _fragments[i].Length;
            }
            if (ok) return true;
            start = first + 1;
        }
    }
}
