using System.Text;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.AuthorizedKeys;

/// <summary>
/// sshd reads an authorized keys file of any size with getline(3). A file too large to hold is streamed
/// line by line instead; only the lines that matter are kept: those that mention the wanted key, or, without
/// a key, the first line sshd could use.
/// </summary>
public static class LargeFileScan
{
    private const int MaxLine = 16 * 1024 * 1024;

    /// <summary>Scans a file the door opened (a regular file inside the target); the stream is disposed.</summary>
    public static List<AuthorizedKeyLine> Scan(Stream opened, PublicKey? wanted, OpenSshVersion? version)
    {
        var kept = new List<AuthorizedKeyLine>();
        var needle = wanted is null ? null : Encoding.ASCII.GetBytes(wanted.Base64.TrimEnd('=')[..Math.Min(24, wanted.Base64.Length)]);
        using var stream = opened;
        var line = new MemoryStream();
        var overlong = false;
        var number = 0;
        var buffer = new byte[1 << 20];
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            var span = buffer.AsSpan(0, n);
            while (!span.IsEmpty)
            {
                var nl = span.IndexOf((byte)'\n');
                var part = nl < 0 ? span : span[..nl];
                if (!overlong)
                {
                    if (line.Length + part.Length > MaxLine) { overlong = true; line.SetLength(0); }
                    else line.Write(part);
                }
                if (nl < 0) break;
                number++;
                if (!overlong && Consider(line, number, needle, version, kept)) return kept;
                line.SetLength(0);
                overlong = false;
                span = span[(nl + 1)..];
            }
        }
        if (line.Length > 0 && !overlong) Consider(line, number + 1, needle, version, kept);
        return kept;
    }

    /// <returns>true when the scan can stop (no key wanted and a usable line was found).</returns>
    private static bool Consider(MemoryStream line, int number, byte[]? needle, OpenSshVersion? version, List<AuthorizedKeyLine> kept)
    {
        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        // getline() hands sshd a C string: a NUL ends the line's text.
        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0) bytes = bytes[..nul];
        if (needle is not null && bytes.IndexOf(needle) < 0) return false;
        var parsed = AuthorizedKeysParser.ParseLine(number, Encoding.UTF8.GetString(bytes), version);
        if (parsed?.Key is null) return false;
        kept.Add(parsed);
        return needle is null && parsed.Usable;
    }
}
