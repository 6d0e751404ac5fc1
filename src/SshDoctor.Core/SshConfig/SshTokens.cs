using System.Security.Cryptography;
using System.Text;

namespace SshDoctor.Core.SshConfig;

/// <summary>The values ssh substitutes for %-tokens (ssh_config TOKENS), for one connection.</summary>
public sealed record SshTokens(string Home, string LocalUser, string Uid, string LocalHost, string RemoteHost, string OriginalHost,
    string RemoteUser, int Port, string HostKeyAlias)
{
    /// <summary>%C: SHA-1 over %l%h%p%r, in hex (OpenSSH 9.2; later versions add %j).</summary>
    public string ConnectionHash
    {
        get
        {
            var bytes = SHA1.HashData(Encoding.UTF8.GetBytes(LocalHost + RemoteHost + Port + RemoteUser));
            return Convert.ToHexStringLower(bytes);
        }
    }

    /// <summary>Expands %% %C %d %h %i %k %L %l %n %p %r %u, and a leading ~/; null for an unknown token (ssh refuses the line).</summary>
    public string? Expand(string text)
    {
        var sb = new StringBuilder();
        var s = text;
        if (s == "~" || s.StartsWith("~/", StringComparison.Ordinal)) s = Home + s[1..];
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] != '%') { sb.Append(s[i]); continue; }
            if (++i >= s.Length) return null;
            string? v = s[i] switch
            {
                '%' => "%",
                'C' => ConnectionHash,
                'd' => Home,
                'h' => RemoteHost,
                'i' => Uid,
                'k' => HostKeyAlias,
                'L' => LocalHost.Split('.')[0],
                'l' => LocalHost,
                'n' => OriginalHost,
                'p' => Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                'r' => RemoteUser,
                'u' => LocalUser,
                _ => null,
            };
            if (v is null) return null;
            sb.Append(v);
        }
        return sb.ToString();
    }
}
