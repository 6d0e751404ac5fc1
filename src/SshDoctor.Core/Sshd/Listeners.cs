using System.Net;

namespace SshDoctor.Core.Sshd;

/// <summary>
/// The ports and addresses sshd listens on (Port, ListenAddress with an optional :port). A client can only
/// arrive on one of them, so when there is exactly one, Match LocalPort / LocalAddress are decided.
/// </summary>
public sealed record Listeners(IReadOnlyList<int> Ports, IReadOnlyList<string> Addresses)
{
    /// <summary>The single port a client can connect to; null when there are several.</summary>
    public int? OnlyPort => Ports.Count == 1 ? Ports[0] : null;

    /// <summary>The single concrete local address; null when there are several, or sshd listens on every address.</summary>
    public string? OnlyAddress => Addresses.Count == 1 && IPAddress.TryParse(Addresses[0], out var a)
        && !a.Equals(IPAddress.Any) && !a.Equals(IPAddress.IPv6Any) ? Addresses[0] : null;

    public static Listeners From(SshdConfig config)
    {
        var ports = new List<int>();
        foreach (var e in config.Entries.Where(e => e.Keyword == "port" && e.Block == -1))
            if (int.TryParse(e.Args[0], out var p) && !ports.Contains(p)) ports.Add(p);
        if (ports.Count == 0) ports.Add(22);
        var addresses = new List<string>();
        var listenPorts = new List<int>();
        var anyWithoutPort = false;
        foreach (var e in config.Entries.Where(e => e.Keyword == "listenaddress" && e.Block == -1))
        {
            var (host, port) = Split(e.Args[0]);
            if (!addresses.Contains(host)) addresses.Add(host);
            if (port is { } lp) { if (!listenPorts.Contains(lp)) listenPorts.Add(lp); }
            else anyWithoutPort = true;
        }
        // ListenAddress host:port listens on that port only; a bare address listens on every Port.
        if (addresses.Count > 0)
        {
            var effective = new List<int>(listenPorts);
            if (anyWithoutPort) effective.AddRange(ports.Where(p => !effective.Contains(p)));
            ports = effective;
        }
        // No ListenAddress: every address of the machine (unknown here).
        return new Listeners(ports, addresses.Count == 0 ? ["0.0.0.0", "::"] : addresses);
    }

    /// <summary>"1.2.3.4", "1.2.3.4:2222", "[::1]:2222", "::1" → host and optional port.</summary>
    private static (string Host, int? Port) Split(string value)
    {
        if (value.StartsWith('[') && value.IndexOf(']') is var close and > 0)
        {
            var host = value[1..close];
            return value.Length > close + 2 && value[close + 1] == ':' && int.TryParse(value[(close + 2)..], out var p) ? (host, p) : (host, null);
        }
        var colon = value.IndexOf(':');
        if (colon > 0 && colon == value.LastIndexOf(':') && int.TryParse(value[(colon + 1)..], out var port))
            return (value[..colon], port);
        return (value, null);
    }
}
