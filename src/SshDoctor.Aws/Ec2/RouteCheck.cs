using System.Net;

namespace SshDoctor.Aws.Ec2;

/// <summary>One route of the subnet's route table: destination CIDR, target (igw-…, nat-…, local…), state.</summary>
public sealed record RouteEntry(string? Destination, string? GatewayId, string? Target, bool Blackhole);

public enum RouteVerdict { InternetGateway, OtherTarget, NoRoute, NoPublicAddress, InsideVpc }

public sealed record RouteResult(RouteVerdict Verdict, string? Destination, string? Target);

/// <summary>
/// A client reaching the public address needs the instance to have one and the subnet's route table to send the
/// client's range to an internet gateway (longest prefix wins). A client inside the VPC uses the private address.
/// </summary>
public static class RouteCheck
{
    public static RouteResult Evaluate(IReadOnlyList<RouteEntry> routes, ClientAddress client, string? publicIp, IReadOnlyList<string> vpcCidrs)
    {
        if (client.Network is { } n && vpcCidrs.Any(c => IPNetwork.TryParse(c, out var v) && v.PrefixLength <= n.PrefixLength && v.Contains(n.BaseAddress)))
            return new RouteResult(RouteVerdict.InsideVpc, null, "local");
        if (publicIp is null) return new RouteResult(RouteVerdict.NoPublicAddress, null, null);
        RouteEntry? best = null;
        var bestLength = -1;
        foreach (var r in routes)
        {
            if (r.Destination is null || !IPNetwork.TryParse(r.Destination, out var dest)) continue;
            var covers = client.Network is { } c
                ? dest.BaseAddress.AddressFamily == c.BaseAddress.AddressFamily && dest.PrefixLength <= c.PrefixLength && dest.Contains(c.BaseAddress)
                : dest.PrefixLength == 0 && dest.BaseAddress.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork;
            if (covers && dest.PrefixLength > bestLength) (best, bestLength) = (r, dest.PrefixLength);
        }
        if (best is null) return new RouteResult(RouteVerdict.NoRoute, null, null);
        var target = best.GatewayId ?? best.Target;
        if (!best.Blackhole && target is { } t && t.StartsWith("igw-", StringComparison.Ordinal))
            return new RouteResult(RouteVerdict.InternetGateway, best.Destination, t);
        return new RouteResult(best.Blackhole ? RouteVerdict.NoRoute : RouteVerdict.OtherTarget, best.Destination, target);
    }
}
