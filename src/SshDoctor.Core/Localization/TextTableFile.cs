using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace SshDoctor.Core.Localization;

/// <summary>
/// A language's message table read from the embedded Texts.{Area}.{Lang}.cs files: their entries, one a line, as
/// `["key"] = "value",` with C# regular string literals. Any other line must be one that carries no text (braces,
/// namespace, declarations, comments); anything else is an error, so that an entry written another way is never
/// silently dropped (TextTableFileTests compares every file with its compiled property).
/// Keys are decoded when the table is read, a value when it is first asked for: a run uses a few dozen of them.
/// </summary>
internal sealed unsafe class TextTableFile : IReadOnlyDictionary<string, string>
{
    /// <summary>Where a value's literal lies: file index, offset and length of its UTF-8 bytes between the quotes.</summary>
    private readonly record struct Slot(int File, int Start, int Length, bool Escaped);

    private readonly List<(IntPtr Bytes, int Length)> _files = [];
    private readonly List<byte[]> _copies = [];
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);
    private readonly List<Slot> _slots = [];
    private string?[] _values = [];

    /// <summary>Adds the entries of one embedded file (e.g. Texts.Findings.Fr.cs); a key defined twice is an error.</summary>
    public void Read(string fileName)
    {
        var (bytes, length) = Embedded(fileName);
        var file = _files.Count;
        _files.Add((bytes, length));
        var text = new ReadOnlySpan<byte>((byte*)bytes, length);
        var number = 0;
        var pending = new List<(int Slot, string Value)>();
        for (var at = text.StartsWith("\uFEFF"u8) ? 3 : 0; at < text.Length;)
        {
            var end = text[at..].IndexOf((byte)'\n');
            var lineStart = at;
            var line = end < 0 ? text[at..] : text.Slice(at, end);
            at = end < 0 ? text.Length : at + end + 1;
            number++;
            var trimmed = line.Trim(" \t\r"u8);
            var offset = lineStart + (line.Length - line.TrimStart(" \t\r"u8).Length);
            if (trimmed.StartsWith("[\""u8))
            {
                var (keyStart, keyLength, keyEscaped) = Literal(trimmed, 1, fileName, number);
                var afterKey = 1 + keyLength + 2;
                if (!trimmed[afterKey..].StartsWith("] = \""u8)) throw NotAnEntry(fileName, number);
                var (valueStart, valueLength, valueEscaped) = Literal(trimmed, afterKey + 4, fileName, number);
                if (!trimmed[(afterKey + 4 + valueLength + 2)..].SequenceEqual(","u8)) throw NotAnEntry(fileName, number);
                var key = Decode(trimmed.Slice(keyStart, keyLength), keyEscaped, fileName, number);
                if (!_index.TryAdd(key, _slots.Count))
                    throw new InvalidOperationException($"text key '{key}' is defined twice");
                _slots.Add(new Slot(file, offset + valueStart, valueLength, valueEscaped));
                // Few values have escapes: decoded now, so that a bad one fails here rather than when shown.
                if (valueEscaped) pending.Add((_slots.Count - 1, Decode(trimmed.Slice(valueStart, valueLength), true, fileName, number)));
            }
            else if (!IsFrame(trimmed))
                throw NotAnEntry(fileName, number);
        }
        Array.Resize(ref _values, _slots.Count);
        foreach (var (slot, value) in pending) _values[slot] = value;
    }

    private (IntPtr Bytes, int Length) Embedded(string fileName)
    {
        using var stream = typeof(TextTableFile).Assembly.GetManifestResourceStream("SshDoctor.Core.Localization." + fileName)
                           ?? throw new InvalidOperationException($"text table {fileName} is not embedded");
        // An embedded resource is part of the loaded image: read it in place.
        if (stream is UnmanagedMemoryStream ums) return ((IntPtr)ums.PositionPointer, checked((int)ums.Length));
        var copy = GC.AllocateArray<byte>(checked((int)stream.Length), pinned: true);
        stream.ReadExactly(copy);
        _copies.Add(copy);
        fixed (byte* p = copy) return ((IntPtr)p, copy.Length);
    }

    private static bool IsFrame(ReadOnlySpan<byte> text) =>
        text.IsEmpty || text.SequenceEqual("{"u8) || text.SequenceEqual("}"u8) || text.SequenceEqual("};"u8) ||
        text.StartsWith("//"u8) || text.StartsWith("namespace "u8) || text.StartsWith("internal static partial class Texts"u8) ||
        text.StartsWith("public static IReadOnlyDictionary<string, string> "u8);

    private static FormatException NotAnEntry(string fileName, int number) => new($"{fileName}:{number}: not a text entry");

    /// <summary>The literal whose opening quote is at text[quote]: where its content starts, its length in bytes, whether it has escapes.</summary>
    private static (int Start, int Length, bool Escaped) Literal(ReadOnlySpan<byte> text, int quote, string fileName, int number)
    {
        if (quote >= text.Length || text[quote] != '"') throw NotAnEntry(fileName, number);
        var escaped = false;
        for (var i = quote + 1; i < text.Length; i++)
        {
            if (text[i] == '"') return (quote + 1, i - quote - 1, escaped);
            if (text[i] == '\\')
            {
                escaped = true;
                i++;
            }
        }
        throw new FormatException($"{fileName}:{number}: unterminated string");
    }

    /// <summary>A literal's content (UTF-8, without its quotes) as the string C# makes of it.</summary>
    private static string Decode(ReadOnlySpan<byte> content, bool escaped, string fileName, int number)
    {
        if (!escaped) return Encoding.UTF8.GetString(content);
        var sb = new StringBuilder(content.Length);
        while (!content.IsEmpty)
        {
            var slash = content.IndexOf((byte)'\\');
            if (slash < 0)
            {
                sb.Append(Encoding.UTF8.GetString(content));
                break;
            }
            sb.Append(Encoding.UTF8.GetString(content[..slash]));
            var rest = content[(slash + 1)..];
            var used = 1;
            switch (rest.IsEmpty ? 0 : rest[0])
            {
                case (byte)'"': sb.Append('"'); break;
                case (byte)'\'': sb.Append('\''); break;
                case (byte)'\\': sb.Append('\\'); break;
                case (byte)'0': sb.Append('\0'); break;
                case (byte)'a': sb.Append('\a'); break;
                case (byte)'b': sb.Append('\b'); break;
                case (byte)'e': sb.Append('\u001b'); break;
                case (byte)'f': sb.Append('\f'); break;
                case (byte)'n': sb.Append('\n'); break;
                case (byte)'r': sb.Append('\r'); break;
                case (byte)'t': sb.Append('\t'); break;
                case (byte)'v': sb.Append('\v'); break;
                case (byte)'u' when rest.Length >= 5 && Hex(rest.Slice(1, 4)) is { } u:
                    sb.Append((char)u);
                    used = 5;
                    break;
                case (byte)'U' when rest.Length >= 9 && Hex(rest.Slice(1, 8)) is { } cp:
                    sb.Append(char.ConvertFromUtf32(cp));
                    used = 9;
                    break;
                default: throw new FormatException($"{fileName}:{number}: an escape other than \\\" \\\\ \\n \\t \\uXXXX ...");
            }
            content = rest[used..];
        }
        return sb.ToString();
    }

    private static int? Hex(ReadOnlySpan<byte> digits)
    {
        var v = 0;
        foreach (var d in digits)
        {
            var n = d is >= (byte)'0' and <= (byte)'9' ? d - '0' : (d | 0x20) is >= 'a' and <= 'f' ? (d | 0x20) - 'a' + 10 : -1;
            if (n < 0) return null;
            v = v * 16 + n;
        }
        return v;
    }

    private string Value(int slot)
    {
        if (_values[slot] is { } done) return done;
        var s = _slots[slot];
        var (bytes, _) = _files[s.File];
        return _values[slot] = Decode(new ReadOnlySpan<byte>((byte*)bytes + s.Start, s.Length), s.Escaped, "text table", 0);
    }

    public string this[string key] => TryGetValue(key, out var v) ? v : throw new KeyNotFoundException(key);
    public IEnumerable<string> Keys => _index.Keys;
    public IEnumerable<string> Values => _index.Values.Select(Value);
    public int Count => _index.Count;
    public bool ContainsKey(string key) => _index.ContainsKey(key);

    public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
    {
        if (_index.TryGetValue(key, out var slot))
        {
            value = Value(slot);
            return true;
        }
        value = null;
        return false;
    }

    public IEnumerator<KeyValuePair<string, string>> GetEnumerator()
    {
        foreach (var (key, slot) in _index) yield return new(key, Value(slot));
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
