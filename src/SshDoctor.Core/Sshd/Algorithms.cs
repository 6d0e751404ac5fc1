namespace SshDoctor.Core.Sshd;

/// <summary>PubkeyAcceptedAlgorithms: defaults per version and the +, -, ^ list syntax (kex_assemble_names).</summary>
public static class Algorithms
{
    private static readonly string[] Certs =
    [
        "ssh-ed25519-cert-v01@openssh.com", "ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "ecdsa-sha2-nistp384-cert-v01@openssh.com", "ecdsa-sha2-nistp521-cert-v01@openssh.com",
        "sk-ssh-ed25519-cert-v01@openssh.com", "sk-ecdsa-sha2-nistp256-cert-v01@openssh.com",
        "rsa-sha2-512-cert-v01@openssh.com", "rsa-sha2-256-cert-v01@openssh.com",
    ];

    private static readonly string[] Plain =
    [
        "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
        "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256",
    ];

    /// <summary>Every public-key signature algorithm sshd knows (for wildcard expansion).</summary>
    public static readonly IReadOnlyList<string> All =
        [.. Certs, "ssh-rsa-cert-v01@openssh.com", "ssh-dss-cert-v01@openssh.com", .. Plain, "ssh-rsa", "ssh-dss"];

    public static IReadOnlyList<string> Default(Target.OpenSshVersion v)
    {
        var list = new List<string>(Certs);
        // ssh-rsa (SHA-1) left the default list in OpenSSH 8.8.
        if (!v.AtLeast(8, 8)) list.Add("ssh-rsa-cert-v01@openssh.com");
        list.AddRange(Plain);
        if (!v.AtLeast(8, 8)) list.Add("ssh-rsa");
        return list;
    }

    /// <summary>The effective list for a configured value ("" = default).</summary>
    public static IReadOnlyList<string> Effective(string configured, Target.OpenSshVersion v)
    {
        var defaults = Default(v);
        if (string.IsNullOrEmpty(configured)) return defaults;
        var op = configured[0];
        var body = op is '+' or '-' or '^' ? configured[1..] : configured;
        var items = Expand(body.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return op switch
        {
            '+' => defaults.Concat(items.Where(i => !defaults.Contains(i))).ToList(),
            '-' => defaults.Where(d => !body.Split(',').Any(p => Patterns.Match(d, p))).ToList(),
            '^' => items.Concat(defaults.Where(d => !items.Contains(d))).ToList(),
            _ => items,
        };
    }

    private static List<string> Expand(IEnumerable<string> patterns)
    {
        var result = new List<string>();
        foreach (var p in patterns)
        {
            if (p.IndexOfAny(['*', '?']) < 0)
            {
                if (!result.Contains(p)) result.Add(p);
                continue;
            }
            foreach (var a in All)
                if (Patterns.Match(a, p) && !result.Contains(a)) result.Add(a);
        }
        return result;
    }

    /// <summary>DSA is compiled out of OpenSSH 9.8 and later (Debian 13 too): its names are unknown there.</summary>
    public static bool Implemented(string name, Target.OpenSshVersion v) =>
        !(v.AtLeast(9, 8) && name.StartsWith("ssh-dss", StringComparison.Ordinal));

    /// <summary>
    /// servconf.c's sshkey_names_valid2 for PubkeyAcceptedAlgorithms: after an optional '+' or '^' every name must
    /// be one this build implements, or a pattern matching one ('-' lists are not checked). Else sshd will not start
    /// ("Bad key types"): `+ssh-dss` stops 9.8+.
    /// </summary>
    public static bool NamesValid(string configured, Target.OpenSshVersion v)
    {
        if (configured.Length == 0) return false;
        if (configured[0] == '-') return true;
        var body = configured[0] is '+' or '^' ? configured[1..] : configured;
        if (body.Length == 0) return false;
        foreach (var name in body.Split(','))
        {
            if (name.Length == 0) break; // strsep stops at the first empty element
            if (All.Contains(name) ? Implemented(name, v) : All.Any(a => Implemented(a, v) && Patterns.Match(a, name))) continue;
            return false;
        }
        return true;
    }

    /// <summary>
    /// The signature algorithm a current OpenSSH client uses for a key type. For RSA it picks rsa-sha2-512 from
    /// the server-sig-algs of the first EXT_INFO, which lists every algorithm sshd implements (9.2 and 10.0 alike,
    /// seen in the lab), and does not fall back to rsa-sha2-256 when that is refused. sshd ≥ 9.6 sends a second,
    /// filtered list during authentication only to clients ≥ 9.6 (ext-info-in-auth), which the lab's 9.2 client is not.
    /// </summary>
    public static IReadOnlyList<string> ClientAlgorithmsFor(string keyType) => keyType switch
    {
        "ssh-rsa" => ["rsa-sha2-512"],
        _ => [keyType],
    };

    /// <summary>The certificate algorithm the client signs with: for RSA the rsa-sha2-512 form, as for plain RSA keys.</summary>
    public static IReadOnlyList<string> ClientCertificateAlgorithmsFor(string certType) => certType switch
    {
        "ssh-rsa-cert-v01@openssh.com" => ["rsa-sha2-512-cert-v01@openssh.com"],
        _ => [certType],
    };

    /// <summary>CASignatureAlgorithms' compiled-in list (8.2+: no ssh-rsa) and the +, -, ^ syntax.</summary>
    public static IReadOnlyList<string> EffectiveCaSignature(string configured)
    {
        string[] defaults =
        [
            "ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521",
            "sk-ssh-ed25519@openssh.com", "sk-ecdsa-sha2-nistp256@openssh.com", "rsa-sha2-512", "rsa-sha2-256",
        ];
        if (string.IsNullOrEmpty(configured)) return defaults;
        var op = configured[0];
        var body = op is '+' or '-' or '^' ? configured[1..] : configured;
        var items = Expand(body.Split(',', StringSplitOptions.RemoveEmptyEntries));
        return op switch
        {
            '+' => [.. defaults, .. items.Where(i => !defaults.Contains(i))],
            '-' => defaults.Where(d => !body.Split(',').Any(p => Patterns.Match(d, p))).ToList(),
            '^' => [.. items, .. defaults.Where(d => !items.Contains(d))],
            _ => items,
        };
    }
}
