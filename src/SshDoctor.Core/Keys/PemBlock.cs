namespace SshDoctor.Core.Keys;

/// <summary>
/// One `-----BEGIN LABEL-----` … `-----END LABEL-----` block, with RFC 1421 headers (Proc-Type, DEK-Info)
/// allowed, which .NET's strict RFC 7468 reader refuses.
/// </summary>
internal sealed record PemBlock(string Label, IReadOnlyDictionary<string, string> Headers, byte[] Der)
{
    /// <summary>The first block in the text that is not EC PARAMETERS (openssl ecparam puts one first); null when there is none.</summary>
    public static PemBlock? FindFirst(string text)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("-----BEGIN ", StringComparison.Ordinal) || !line.EndsWith("-----", StringComparison.Ordinal) || line.Length < 17)
                continue;
            var label = line[11..^5];
            var block = ReadBlock(lines, i + 1, label);
            if (label == "EC PARAMETERS") continue;
            return block;
        }
        return null;
    }

    private static PemBlock ReadBlock(string[] lines, int start, string label)
    {
        var end = "-----END " + label + "-----";
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var body = new System.Text.StringBuilder();
        var inHeaders = true;
        string? lastHeader = null;
        for (var i = start; i < lines.Length; i++)
        {
            var raw = lines[i].TrimEnd('\r');
            var line = raw.Trim();
            if (line == end)
            {
                if (body.Length == 0) throw new KeyFormatException("keys.error.truncated", ("format", label));
                return new PemBlock(label, headers, KeyFile.DecodeBase64(body.ToString(), label));
            }
            if (line.StartsWith("-----", StringComparison.Ordinal))
                break;
            if (inHeaders)
            {
                if (line.Length == 0)
                {
                    if (headers.Count > 0) inHeaders = false;
                    continue;
                }
                if (lastHeader is not null && raw.Length > 0 && char.IsWhiteSpace(raw[0]))
                {
                    headers[lastHeader] += line;
                    continue;
                }
                var colon = line.IndexOf(':');
                if (colon > 0)
                {
                    lastHeader = line[..colon].Trim();
                    headers[lastHeader] = line[(colon + 1)..].Trim();
                    continue;
                }
                inHeaders = false;
            }
            body.Append(line);
        }
        throw new KeyFormatException("keys.error.truncated", ("format", label));
    }
}
