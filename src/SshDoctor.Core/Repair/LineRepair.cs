using System.Text;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Repair;

/// <summary>
/// Repairs authorized_keys content for one key without dropping or reordering any other line: strips a BOM,
/// re-encodes UTF-16, rewrites one damaged line of the key as a valid line (options that sshd knows are
/// kept), comments out the continuation lines of a wrapped key or RFC 4716 block, or appends the key once.
/// </summary>
public static class LineRepair
{
    private const string Utf8Bom = "\uFEFF";

    /// <summary>Appends the key line once; adds the missing final newline first.</summary>
    public static byte[] AppendKey(byte[] content, PublicKey key)
    {
        var text = Encoding.UTF8.GetString(content);
        if (AuthorizedKeysParser.Parse(text).Any(l => l.Usable && l.Key!.Equals(key) && l.OptionText is null)) return content;
        // The original bytes are kept as they are (a line that is not UTF-8 stays byte for byte): only bytes are added.
        var line = Encoding.UTF8.GetBytes(AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + "\n");
        var newline = content.Length > 0 && content[^1] != (byte)'\n';
        var result = new byte[content.Length + (newline ? 1 : 0) + line.Length];
        content.CopyTo(result, 0);
        if (newline) result[content.Length] = (byte)'\n';
        line.CopyTo(result, result.Length - line.Length);
        return result;
    }

    public static byte[] FromUtf16(string decoded)
    {
        var text = decoded.StartsWith(Utf8Bom, StringComparison.Ordinal) ? decoded[1..] : decoded;
        return Encoding.UTF8.GetBytes(text);
    }

    /// <summary>Rewrites the damaged line <paramref name="number"/> (1-based) that carries <paramref name="key"/>.</summary>
    public static byte[] RewriteDamaged(byte[] content, PublicKey key, int number, string problem)
    {
        var text = Encoding.UTF8.GetString(content);
        if (problem == "line.bom" && text.StartsWith(Utf8Bom, StringComparison.Ordinal) && number == 1)
            return Encoding.UTF8.GetBytes(text[1..]);
        var lines = text.Split('\n');
        var i = number - 1;
        if (i < 0 || i >= lines.Length) return AppendKey(content, key);
        var cr = lines[i].EndsWith('\r') ? "\r" : "";
        switch (problem)
        {
            case "line.wrapped":
                var b64 = key.Base64.TrimEnd('=');
                var joined = new StringBuilder();
                var end = i;
                for (; end < lines.Length && end < i + 64; end++)
                {
                    joined.Append(DamageDetector.Squeeze(lines[end]));
                    if (joined.ToString().Contains(b64, StringComparison.Ordinal)) break;
                }
                lines[i] = AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + cr;
                for (var j = i + 1; j <= end && j < lines.Length; j++) lines[j] = "# " + lines[j];
                break;
            case "line.rfc4716":
                lines[i] = AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + cr;
                for (var j = i + 1; j < lines.Length; j++)
                {
                    var done = lines[j].Trim() == "---- END SSH2 PUBLIC KEY ----";
                    lines[j] = "# " + lines[j];
                    if (done) break;
                }
                break;
            default:
                lines[i] = (KnownOptions(lines[i], key) is { Length: > 0 } options ? options + " " : "") + AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + cr;
                break;
        }
        return Encoding.UTF8.GetBytes(string.Join('\n', lines));
    }

    /// <summary>The options of a damaged line that sshd would accept, so that no restriction is lost.</summary>
    private static string KnownOptions(string line, PublicKey key)
    {
        var trimmed = line.TrimStart(' ', '\t', '\uFEFF');
        var typeAt = trimmed.IndexOf(key.Type, StringComparison.Ordinal);
        if (typeAt <= 0) return "";
        var kept = new List<string>();
        foreach (var option in SplitOptions(trimmed[..typeAt].Trim()))
            if (KeyOptions.Parse(option).Error == OptionErrorKind.None) kept.Add(option);
        return string.Join(',', kept);
    }

    private static IEnumerable<string> SplitOptions(string text)
    {
        var sb = new StringBuilder();
        var quoted = false;
        foreach (var c in text)
        {
            if (c == '"') quoted = !quoted;
            if (!quoted && (c == ',' || c == ' ' || c == '\t'))
            {
                if (sb.Length > 0) yield return sb.ToString();
                sb.Clear();
                continue;
            }
            sb.Append(c);
        }
        if (sb.Length > 0) yield return sb.ToString();
    }
}
