namespace SshDoctor.Core.Sshd;

/// <summary>match_cfg_line: whether a Match block applies to a connection.</summary>
public static class MatchEvaluator
{
    /// <param name="dependsOnAddress">set when the answer needs the client address (none given) or the local
    /// address/port (the config leaves several).</param>
    public static bool Applies(MatchBlock block, ConnectionInfo conn, out bool dependsOnAddress)
    {
        dependsOnAddress = false;
        foreach (var c in block.Criteria)
        {
            switch (c.Attribute)
            {
                case "all":
                    break;
                case "user":
                    if (Patterns.MatchList(conn.User, c.Value) != 1) return false;
                    break;
                case "group":
                    if (!GroupMatches(conn.Groups, c.Value)) return false;
                    break;
                case "host":
                    // UseDNS no (the default): the "host" is the address itself.
                    if (conn.Address is null) { dependsOnAddress = true; return false; }
                    if (Patterns.MatchList(conn.Address.ToLowerInvariant(), c.Value, lowerCase: true) != 1) return false;
                    break;
                case "address":
                    if (conn.Address is null) { dependsOnAddress = true; return false; }
                    if (Patterns.AddressMatchList(conn.Address, c.Value) != 1) return false;
                    break;
                case "localport":
                    // Several Port/ListenAddress ports: which one the client uses is a condition, like its address.
                    if (conn.LocalPort is not { } local) { dependsOnAddress = true; return false; }
                    if (!int.TryParse(c.Value, out var port) || port != local) return false;
                    break;
                case "localaddress":
                    if (conn.LocalAddress is null) { dependsOnAddress = true; return false; }
                    if (Patterns.AddressMatchList(conn.LocalAddress, c.Value) != 1) return false;
                    break;
                default:
                    return false;
            }
        }
        return true;
    }

    private static bool GroupMatches(IReadOnlyList<string> groups, string list)
    {
        var found = false;
        foreach (var g in groups)
        {
            switch (Patterns.MatchList(g, list))
            {
                case -1: return false;
                case 1: found = true; break;
            }
        }
        return found;
    }
}
