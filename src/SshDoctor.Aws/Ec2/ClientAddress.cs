using System.Net;

namespace SshDoctor.Aws.Ec2;

/// <summary>
/// `--from CIDR`: where the client connects from. Unknown (no --from) means "some address on the internet": only
/// rules that cover every address decide then, narrower ones are reported as conditions.
/// </summary>
public sealed record ClientAddress(IPNetwork? Network)
{
    public static ClientAddress Unknown { get; } = new((IPNetwork?)null);

    public bool IsKnown => Network is not null;
    public bool IsIPv6 => Network is { } n && n.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;

    /// <summary>Parses `203.0.113.7`, `203.0.113.0/24`, `2001:db8::/32`; null when it is none of these.</summary>
    public static ClientAddress? Parse(string text)
    {
        if (IPAddress.TryParse(text, out var ip) && !text.Contains('/'))
            return new ClientAddress(new IPNetwork(ip, ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128));
        return IPNetwork.TryParse(text, out var net) ? new ClientAddress(net) : null;
    }

    /// <summary>Whether a rule's range covers the whole client range (true), none of it (false), or part of it (null).</summary>
    public bool? CoveredBy(string? cidr)
    {
        if (cidr is null || !IPNetwork.TryParse(cidr, out var rule)) return false;
        if (Network is not { } client)
            return rule.PrefixLength == 0 ? true : null;
        if (rule.BaseAddress.AddressFamily != client.BaseAddress.AddressFamily) return false;
        if (rule.PrefixLength <= client.PrefixLength && rule.Contains(client.BaseAddress)) return true;
        if (client.PrefixLength < rule.PrefixLength && client.Contains(rule.BaseAddress)) return null;
        return false;
    }

    public override string ToString() => Network?.ToString() ?? "0.0.0.0/0";
}
