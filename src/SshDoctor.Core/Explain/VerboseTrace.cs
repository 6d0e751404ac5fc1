using System.Text.RegularExpressions;

namespace SshDoctor.Core.Explain;

/// <summary>What `ssh -v/-vv/-vvv` output reveals about the public-key exchange.</summary>
public sealed partial record VerboseTrace(
    IReadOnlyList<string> Offered,
    IReadOnlyList<string> Accepted,
    IReadOnlyList<string>? ServerMethods,
    bool Authenticated,
    bool PartialSuccess,
    bool NoMutualSignature,
    string? User,
    string? Host,
    string? Port,
    string? ServerVersion,
    IReadOnlyList<string> KeyFiles)
{
    /// <summary>Lines the server sent before (instead of) an SSH identification (`kex_exchange_identification: banner line N: …`).</summary>
    public IReadOnlyList<string> NonSshBannerLines { get; init; } = [];

    /// <summary>Null when the text is not debug output of the OpenSSH client.</summary>
    public static VerboseTrace? Read(IEnumerable<string> lines)
    {
        var offered = new List<string>();
        var accepted = new List<string>();
        var keyFiles = new List<string>();
        var bannerLines = new List<string>();
        List<string>? methods = null;
        bool authenticated = false, partial = false, noMutual = false, any = false;
        string? user = null, host = null, port = null, version = null;
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (!line.StartsWith("debug", StringComparison.Ordinal) && !line.StartsWith("Authenticated ", StringComparison.Ordinal)) continue;
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var msg = line.StartsWith("debug", StringComparison.Ordinal) && colon > 0 ? line[(colon + 2)..] : line;
            any |= line.StartsWith("debug", StringComparison.Ordinal);
            Match m;
            if (msg.StartsWith("Offering public key: ", StringComparison.Ordinal)) offered.Add(msg[21..]);
            else if (msg.StartsWith("Server accepts key: ", StringComparison.Ordinal)) accepted.Add(msg[20..]);
            else if (msg.StartsWith("Authentications that can continue: ", StringComparison.Ordinal))
                methods ??= msg["Authentications that can continue: ".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
            else if (msg.StartsWith("Authenticated to ", StringComparison.Ordinal) && !msg.Contains("partial", StringComparison.Ordinal)) authenticated = true;
            else if (msg.Contains("with partial success", StringComparison.Ordinal)) partial = true;
            else if (msg.Contains("no mutual signature", StringComparison.Ordinal)) noMutual = true;
            else if ((m = AuthenticatingTo().Match(msg)).Success) { host = m.Groups[1].Value; port = m.Groups[2].Value; user = m.Groups[3].Value; }
            else if ((m = RemoteVersion().Match(msg)).Success) version = m.Groups[1].Value;
            else if ((m = IdentityFile().Match(msg)).Success) keyFiles.Add(m.Groups[1].Value);
            else if ((m = ConnectingTo().Match(msg)).Success) { host ??= m.Groups[1].Value; port ??= m.Groups[2].Value; }
            else if ((m = BannerLine().Match(msg)).Success && m.Groups[1].Value.Trim().Length > 0 && bannerLines.Count < 16) bannerLines.Add(m.Groups[1].Value.Trim());
        }
        if (!any) return null;
        return new VerboseTrace(offered, accepted, methods, authenticated, partial, noMutual, user, host, port, version, keyFiles)
        {
            NonSshBannerLines = bannerLines,
        };
    }

    /// <summary>The path of an offered key line (`/home/u/.ssh/id_ed25519 ED25519 SHA256:… explicit`).</summary>
    public static string KeyPath(string offeredLine)
    {
        var parts = offeredLine.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return parts.Length > 0 ? parts[0] : offeredLine;
    }

    public static bool IsRsa(string offeredLine) =>
        offeredLine.Contains(" RSA ", StringComparison.Ordinal) || offeredLine.Contains(" RSA-CERT ", StringComparison.Ordinal);

    [GeneratedRegex(@"^Authenticating to (\S+?):(\d+) as '([^']*)'")]
    private static partial Regex AuthenticatingTo();

    [GeneratedRegex(@"^Remote protocol version [\d.]+, remote software version (\S+)")]
    private static partial Regex RemoteVersion();

    [GeneratedRegex(@"^identity file (\S+) type -?\d+")]
    private static partial Regex IdentityFile();

    [GeneratedRegex(@"^kex_exchange_identification: banner line \d+: (.*)$")]
    private static partial Regex BannerLine();

    [GeneratedRegex(@"^Connecting to (\S+) \[[^\]]*\] port (\d+)")]
    private static partial Regex ConnectingTo();
}
