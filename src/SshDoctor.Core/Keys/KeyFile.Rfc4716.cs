using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>RFC 4716 public key blocks (`---- BEGIN SSH2 PUBLIC KEY ----`, what PuTTYgen's "Save public key" writes).</summary>
public static partial class KeyFile
{
    private static KeyFileInfo ParseRfc4716(string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var i = 0;
        while (lines[i].Trim().Length == 0) i++;
        i++; // the BEGIN line
        var comment = "";
        var body = new StringBuilder();
        var ended = false;
        for (; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.StartsWith("---- END SSH2 PUBLIC KEY ----", StringComparison.Ordinal))
            {
                ended = true;
                break;
            }
            if (line.Length == 0) continue;
            var colon = line.IndexOf(':');
            if (body.Length == 0 && colon > 0 && colon <= 64 && !line[..colon].Contains(' ', StringComparison.Ordinal))
            {
                // A header; a trailing backslash continues it on the next line.
                var tag = line[..colon];
                var value = new StringBuilder(line[(colon + 1)..].TrimStart());
                while (value.Length > 0 && value[^1] == '\\' && i + 1 < lines.Length)
                {
                    value.Length--;
                    value.Append(lines[++i].Trim());
                }
                if (tag.Equals("Comment", StringComparison.OrdinalIgnoreCase))
                {
                    var c = value.ToString().Trim();
                    if (c.Length >= 2 && c[0] == '"' && c[^1] == '"') c = c[1..^1];
                    comment = c;
                }
                continue;
            }
            body.Append(line);
        }
        if (!ended || body.Length == 0) throw Truncated("SSH2 PUBLIC KEY");
        var blob = DecodeBase64(body.ToString(), "SSH2 PUBLIC KEY");
        var pub = PublicKey.FromBlob(blob)
                  ?? throw new KeyFormatException("keys.error.unsupported_algorithm", ("algorithm", BlobType(blob)));
        pub = pub.WithComment(comment);
        return new KeyFileInfo(KeyFormat.Rfc4716Public, pub, false, comment) { KeyType = pub.Type };
    }
}
