using System.Text;

namespace SshDoctor.Core.Localization;

/// <summary>
/// Reads one embedded Texts.{Area}.{Lang}.cs file: its entries, one a line, as `["key"] = "value",` with C#
/// regular string literals. Any other line must be one that carries no text (braces, namespace, declarations,
/// comments); anything else is an error, so that an entry written another way is never silently dropped
/// (TextTableFileTests compares every file with its compiled property).
/// </summary>
internal static class TextTableFile
{
    public static void ReadInto(Dictionary<string, string> table, string fileName)
    {
        using var stream = typeof(TextTableFile).Assembly.GetManifestResourceStream("SshDoctor.Core.Localization." + fileName)
                           ?? throw new InvalidOperationException($"text table {fileName} is not embedded");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, true));
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            var text = line.AsSpan().Trim();
            if (text.StartsWith("[\""))
            {
                var (key, value) = Entry(text, fileName, number);
                if (!table.TryAdd(key, value))
                    throw new InvalidOperationException($"text key '{key}' is defined twice");
            }
            else if (!IsFrame(text))
                throw new FormatException($"{fileName}:{number}: not a text entry");
        }
    }

    private static bool IsFrame(ReadOnlySpan<char> text) =>
        text.IsEmpty || text is "{" or "}" or "};" || text.StartsWith("//") || text.StartsWith("namespace ") ||
        text.StartsWith("internal static partial class Texts") || text.StartsWith("public static IReadOnlyDictionary<string, string> ");

    private static (string Key, string Value) Entry(ReadOnlySpan<char> text, string fileName, int number)
    {
        var at = 1;
        var key = Literal(text, ref at, fileName, number);
        if (!text[at..].StartsWith("] = \"")) throw new FormatException($"{fileName}:{number}: not a text entry");
        at += 4;
        var value = Literal(text, ref at, fileName, number);
        if (text[at..] is not ",") throw new FormatException($"{fileName}:{number}: not a text entry");
        return (key, value);
    }

    /// <summary>A C# regular string literal starting at text[at] (the opening quote); at ends after the closing quote.</summary>
    private static string Literal(ReadOnlySpan<char> text, ref int at, string fileName, int number)
    {
        var sb = new StringBuilder();
        for (var i = at + 1; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '"')
            {
                at = i + 1;
                return sb.ToString();
            }
            if (c != '\\')
            {
                sb.Append(c);
                continue;
            }
            if (++i >= text.Length) break;
            switch (text[i])
            {
                case '"': sb.Append('"'); break;
                case '\'': sb.Append('\''); break;
                case '\\': sb.Append('\\'); break;
                case '0': sb.Append('\0'); break;
                case 'a': sb.Append('\a'); break;
                case 'b': sb.Append('\b'); break;
                case 'e': sb.Append('\u001b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'v': sb.Append('\v'); break;
                case 'u' when i + 4 < text.Length && ushort.TryParse(text.Slice(i + 1, 4), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var u):
                    sb.Append((char)u);
                    i += 4;
                    break;
                case 'U' when i + 8 < text.Length && int.TryParse(text.Slice(i + 1, 8), System.Globalization.NumberStyles.AllowHexSpecifier, null, out var cp):
                    sb.Append(char.ConvertFromUtf32(cp));
                    i += 8;
                    break;
                default: throw new FormatException($"{fileName}:{number}: an escape other than \\\" \\\\ \\n \\t \\uXXXX ...");
            }
        }
        throw new FormatException($"{fileName}:{number}: unterminated string");
    }
}
