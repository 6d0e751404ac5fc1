using System.Net;
using System.Net.Sockets;

namespace SshDoctor.Core.Sshd;

/// <summary>OpenSSH's pattern matching (match.c / addrmatch.c semantics).</summary>
public static class Patterns
{
    /// <summary>
    /// match_pattern: '*' and '?' wildcards, case-sensitive. The same matches as match.c, found in O(|s|·|pattern|):
    /// match.c recurses at every '*' and takes exponential time on "****…?" (a fuzzed sshd_config held a check for
    /// minutes). One backtrack point suffices for '*' and '?' patterns: a later '*' can absorb whatever an earlier
    /// one would have.
    /// </summary>
    public static bool Match(string s, string pattern) => Match(s.AsSpan(), pattern.AsSpan());

    private static bool Match(ReadOnlySpan<char> s, ReadOnlySpan<char> p)
    {
        int si = 0, pi = 0, star = -1, resume = 0;
        while (si < s.Length)
        {
            if (pi < p.Length && p[pi] == '*') { star = pi++; resume = si; }
            else if (pi < p.Length && (p[pi] == '?' || p[pi] == s[si])) { si++; pi++; }
            else if (star >= 0) { pi = star + 1; si = ++resume; }
            else return false;
        }
        while (pi < p.Length && p[pi] == '*') pi++;
        return pi == p.Length;
    }

    /// <summary>match_pattern_list: 1 positive, -1 negated match, 0 none.</summary>
    public static int MatchList(string s, string list, bool lowerCase = false)
    {
        var gotPositive = false;
        foreach (var raw in list.Split(','))
        {
            var negated = raw.StartsWith('!');
            var sub = negated ? raw[1..] : raw;
            if (lowerCase) sub = sub.ToLowerInvariant();
            if (Match(s, sub))
            {
                if (negated) return -1;
                gotPositive = true;
            }
        }
        return gotPositive ? 1 : 0;
    }

    /// <summary>addr_match_list: 1 match, -1 negated match, 0 none, -2 bad entry.</summary>
    public static int AddressMatchList(string? address, string list)
    {
        IPAddress? addr = null;
        if (address is not null && !IPAddress.TryParse(address, out addr)) return 0;
        var result = 0;
        foreach (var raw in list.Split(','))
        {
            var negated = raw.StartsWith('!');
            var entry = negated ? raw[1..] : raw;
            if (entry.Length == 0) return -2;
            var cidr = ParseCidr(entry, out var network, out var bits);
            if (cidr == -2) return -2;
            bool hit;
            if (cidr == 0) hit = addr is not null && InNetwork(addr, network!, bits);
            else hit = address is not null && Match(address, entry);
            if (!hit) continue;
            if (negated) return -1;
            result = 1;
        }
        return result;
    }

    /// <summary>match_host_and_ip (from= and user@host): 1 allowed, 0 not, -1 error.</summary>
    public static int HostAndIp(string? host, string? ip, string patterns)
    {
        var mip = AddressMatchList(ip, patterns);
        if (mip == -2) return -1;
        if (host is null || ip is null || mip == -1) return 0;
        var mhost = MatchList(host.ToLowerInvariant(), patterns, lowerCase: true);
        if (mhost == -1) return 0;
        if (mhost == 0 && mip == 0) return 0;
        return 1;
    }

    /// <summary>match_user for AllowUsers/DenyUsers entries ("user" or "user@host").</summary>
    public static int User(string user, string? host, string? ip, string pattern)
    {
        var at = pattern.IndexOf('@');
        if (at < 0) return Match(user, pattern) ? 1 : 0;
        if (!Match(user, pattern[..at])) return 0;
        return HostAndIp(host, ip, pattern[(at + 1)..]);
    }

    /// <returns>0 parsed as address/CIDR, -1 not an address, -2 inconsistent mask.</returns>
    private static int ParseCidr(string entry, out IPAddress? network, out int bits)
    {
        network = null;
        bits = 0;
        var slash = entry.IndexOf('/');
        var addrText = slash < 0 ? entry : entry[..slash];
        if (!IPAddress.TryParse(addrText, out var parsed) || addrText.Contains('*')) return -1;
        var max = parsed.AddressFamily == AddressFamily.InterNetwork ? 32 : 128;
        if (parsed.AddressFamily == AddressFamily.InterNetwork && addrText.Count(c => c == '.') != 3) return -1;
        bits = max;
        if (slash >= 0)
        {
            if (!int.TryParse(entry[(slash + 1)..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out bits)
                || bits > 128) return -1;
            // masklen_valid: a mask too long for the address family is an error, not a non-address.
            if (bits > max) return -2;
        }
        // OpenSSH rejects a network whose host bits are set ("inconsistent mask length").
        var bytes = parsed.GetAddressBytes();
        for (var i = bits; i < max; i++)
            if ((bytes[i / 8] & (0x80 >> (i % 8))) != 0) return -2;
        network = parsed;
        return 0;
    }

    private static bool InNetwork(IPAddress addr, IPAddress network, int bits)
    {
        if (addr.IsIPv4MappedToIPv6) addr = addr.MapToIPv4();
        if (addr.AddressFamily != network.AddressFamily) return false;
        var a = addr.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var i = 0; i < bits; i++)
        {
            var mask = 0x80 >> (i % 8);
            if ((a[i / 8] & mask) != (n[i / 8] & mask)) return false;
        }
        return true;
    }
}
