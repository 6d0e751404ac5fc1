using System.Text;
using SshDoctor.Core.Text;

namespace SshDoctor.Cli.Output;

/// <summary>
/// The human-text renderers write through this: every string they pass (which carries text from the target) has
/// its control characters shown as escapes (<see cref="TerminalText"/>); only the line breaks the renderer itself
/// asks for (WriteLine) are real. JSON output is escaped by its serializer and does not use it.
/// </summary>
public sealed class TerminalWriter : TextWriter
{
    private readonly TextWriter _inner;

    private TerminalWriter(TextWriter inner) => _inner = inner;

    public static TextWriter Wrap(TextWriter w) => w as TerminalWriter ?? new TerminalWriter(w);

    public override Encoding Encoding => _inner.Encoding;

    public override void Write(char value) => _inner.Write(Escape(value.ToString()));
    public override void Write(string? value) => _inner.Write(Escape(value));
    public override void Write(char[] buffer, int index, int count) => _inner.Write(Escape(new string(buffer, index, count)));
    public override void WriteLine() => _inner.WriteLine();
    public override void WriteLine(string? value) => _inner.WriteLine(Escape(value));

    // With colour on, the five fixed SGR sequences Colour emits (colours, bold, reset: no cursor movement, no
    // concealment) are let through; every other control character is escaped, from wherever it came.
    private static string Escape(string? value)
    {
        if (value is null) return "";
        if (!Colour.On || value.IndexOf('\u001b') < 0) return TerminalText.Escape(value);
        var sb = new StringBuilder(value.Length);
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] != '\u001b' || Colour.SequenceAt(value, i) is not { } length) continue;
            sb.Append(TerminalText.Escape(value[start..i])).Append(value, i, length);
            i += length - 1;
            start = i + 1;
        }
        return sb.Append(TerminalText.Escape(value[start..])).ToString();
    }
    public override void Flush() => _inner.Flush();
}
