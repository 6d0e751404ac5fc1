using System.Text;

namespace SshDoctor.Core.Protocol;

/// <summary>The server's identification string (RFC 4253 §4.2) and what precedes it.</summary>
public sealed record ServerIdentification(string Banner, string ProtocolVersion, string Software, string? Comments,
    IReadOnlyList<string> PreambleLines)
{
    /// <summary>"9.2p1" from "OpenSSH_9.2p1"; null for other implementations.</summary>
    public string? OpenSshVersion =>
        Software.StartsWith("OpenSSH_", StringComparison.Ordinal) ? Software["OpenSSH_".Length..] : null;

    /// <summary>(major, minor) of an OpenSSH version, for version-dependent conclusions.</summary>
    public (int Major, int Minor)? OpenSshMajorMinor
    {
        get
        {
            var v = OpenSshVersion;
            if (v is null) return null;
            var dot = v.IndexOf('.');
            if (dot < 1 || !int.TryParse(v[..dot], out var major)) return null;
            var i = dot + 1;
            while (i < v.Length && char.IsAsciiDigit(v[i])) i++;
            return int.TryParse(v[(dot + 1)..i], out var minor) ? (major, minor) : null;
        }
    }
}

/// <summary>
/// Version exchange. Bounded: at most <see cref="MaxPreambleLines"/> lines before the identification,
/// each at most <see cref="MaxLineLength"/> bytes; anything else is "not an SSH server".
/// </summary>
internal static class VersionExchange
{
    public const string ClientIdentification = "SSH-2.0-sshdoctor_1.0";
    public const int MaxLineLength = 1024;
    public const int MaxPreambleLines = 64;

    public static async Task SendAsync(Stream output, CancellationToken ct)
    {
        await output.WriteAsync(Encoding.ASCII.GetBytes(ClientIdentification + "\r\n"), ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Reads lines until one starts with "SSH-". Throws <see cref="NotSshException"/> for anything else.</summary>
    public static async Task<ServerIdentification> ReceiveAsync(SshInput input, CancellationToken ct)
    {
        var preamble = new List<string>();
        while (true)
        {
            byte[]? raw;
            try { raw = await input.ReadLineAsync(MaxLineLength, ct).ConfigureAwait(false); }
            catch (SshProtocolException) { throw new NotSshException(NotSshKind.LineTooLong, Describe(preamble)); }
            if (raw is null)
                throw new NotSshException(input.BytesRead == 0 ? NotSshKind.ClosedSilently : NotSshKind.ClosedBeforeIdentification, Describe(preamble));
            if (raw.AsSpan().IndexOf((byte)0) >= 0)
                throw new NotSshException(NotSshKind.Garbage, Describe(preamble, raw));
            var line = Encoding.UTF8.GetString(raw);
            if (line.StartsWith("SSH-", StringComparison.Ordinal))
                return Parse(line, preamble);
            preamble.Add(line);
            if (preamble.Count > MaxPreambleLines)
                throw new NotSshException(NotSshKind.TooManyLines, Describe(preamble));
        }
    }

    private static ServerIdentification Parse(string line, List<string> preamble)
    {
        // SSH-protoversion-softwareversion SP comments
        var rest = line[4..];
        var dash = rest.IndexOf('-');
        if (dash < 0) throw new NotSshException(NotSshKind.Garbage, line);
        var proto = rest[..dash];
        var software = rest[(dash + 1)..];
        string? comments = null;
        var sp = software.IndexOf(' ');
        if (sp >= 0)
        {
            comments = software[(sp + 1)..];
            software = software[..sp];
        }
        if (proto is not ("2.0" or "1.99"))
            throw new SshProtocolException($"unsupported SSH protocol version {proto} ({line})");
        return new ServerIdentification(line, proto, software, comments, preamble);
    }

    private static string Describe(List<string> preamble, byte[]? last = null)
    {
        var first = preamble.Count > 0 ? preamble[0] : last is null ? "" : Encoding.UTF8.GetString(last);
        var printable = new StringBuilder();
        foreach (var c in first.Take(60)) printable.Append(char.IsControl(c) ? '.' : c);
        return printable.ToString();
    }
}

public enum NotSshKind
{
    /// <summary>Accepted the connection and closed it without sending a byte (also what a penalised source sees from sshd 9.8+).</summary>
    ClosedSilently,
    ClosedBeforeIdentification,
    Garbage,
    LineTooLong,
    TooManyLines,
}

/// <summary>The peer does not speak SSH.</summary>
public sealed class NotSshException(NotSshKind kind, string sample) : Exception($"not an SSH server ({kind}): {sample}")
{
    public NotSshKind Kind { get; } = kind;
    public string Sample { get; } = sample;
}
