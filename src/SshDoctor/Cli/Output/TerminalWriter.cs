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

    public override void Write(char value) => _inner.Write(TerminalText.Escape(value.ToString()));
    public override void Write(string? value) => _inner.Write(TerminalText.Escape(value));
    public override void Write(char[] buffer, int index, int count) => _inner.Write(TerminalText.Escape(new string(buffer, index, count)));
    public override void WriteLine() => _inner.WriteLine();
    public override void WriteLine(string? value) => _inner.WriteLine(TerminalText.Escape(value));
    public override void Flush() => _inner.Flush();
}
