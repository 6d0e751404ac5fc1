using System.Text.RegularExpressions;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Core.Probe;

/// <summary>What the banner's comment says about the distribution ("Debian-2+deb12u3" → Debian 12).</summary>
public static partial class ServerHints
{
    public static string? Distribution(ServerIdentification? server)
    {
        var c = server?.Comments ?? "";
        if (c.Length == 0) return null;
        if (DebianRelease().Match(c) is { Success: true } d) return $"Debian {d.Groups[1].Value}";
        if (c.Contains("ubuntu", StringComparison.OrdinalIgnoreCase)) return "Ubuntu";
        if (c.StartsWith("Debian", StringComparison.OrdinalIgnoreCase)) return "Debian";
        if (c.Contains("FreeBSD", StringComparison.OrdinalIgnoreCase)) return "FreeBSD";
        if (c.Contains("Raspbian", StringComparison.OrdinalIgnoreCase)) return "Raspberry Pi OS";
        return null;
    }

    [GeneratedRegex(@"deb(\d+)u")]
    private static partial Regex DebianRelease();
}
