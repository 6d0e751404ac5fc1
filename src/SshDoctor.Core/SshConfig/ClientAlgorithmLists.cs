using SshDoctor.Core.Sshd;

namespace SshDoctor.Core.SshConfig;

/// <summary>
/// The OpenSSH client's default algorithm lists (9.2, as `ssh -G` prints them) and the `+`, `-`, `^` edits
/// ssh_config allows on them.
/// </summary>
public static class ClientAlgorithmLists
{
    private const string Certs = "ssh-ed25519-cert-v01@openssh.com,ecdsa-sha2-nistp256-cert-v01@openssh.com,ecdsa-sha2-nistp384-cert-v01@openssh.com," +
        "ecdsa-sha2-nistp521-cert-v01@openssh.com,sk-ssh-ed25519-cert-v01@openssh.com,sk-ecdsa-sha2-nistp256-cert-v01@openssh.com," +
        "rsa-sha2-512-cert-v01@openssh.com,rsa-sha2-256-cert-v01@openssh.com";
    private const string Plain = "ssh-ed25519,ecdsa-sha2-nistp256,ecdsa-sha2-nistp384,ecdsa-sha2-nistp521,sk-ssh-ed25519@openssh.com," +
        "sk-ecdsa-sha2-nistp256@openssh.com,rsa-sha2-512,rsa-sha2-256";

    public static readonly IReadOnlyList<string> DefaultKeyAlgorithms = (Certs + "," + Plain).Split(',');

    public static readonly IReadOnlyList<string> DefaultKex =
        ("sntrup761x25519-sha512,sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,ecdh-sha2-nistp256," +
         "ecdh-sha2-nistp384,ecdh-sha2-nistp521,diffie-hellman-group-exchange-sha256,diffie-hellman-group16-sha512," +
         "diffie-hellman-group18-sha512,diffie-hellman-group14-sha256").Split(',');

    public static readonly IReadOnlyList<string> DefaultCiphers =
        "chacha20-poly1305@openssh.com,aes128-ctr,aes192-ctr,aes256-ctr,aes128-gcm@openssh.com,aes256-gcm@openssh.com".Split(',');

    public static readonly IReadOnlyList<string> DefaultMacs =
        ("umac-64-etm@openssh.com,umac-128-etm@openssh.com,hmac-sha2-256-etm@openssh.com,hmac-sha2-512-etm@openssh.com," +
         "hmac-sha1-etm@openssh.com,umac-64@openssh.com,umac-128@openssh.com,hmac-sha2-256,hmac-sha2-512,hmac-sha1").Split(',');

    /// <summary>Applies a HostKeyAlgorithms / PubkeyAcceptedAlgorithms value to the defaults.</summary>
    public static IReadOnlyList<string> Apply(string? value, IReadOnlyList<string> defaults)
    {
        if (string.IsNullOrEmpty(value)) return defaults;
        var list = value[1..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        switch (value[0])
        {
            case '+':
                return [.. defaults, .. list.Where(a => !defaults.Contains(a))];
            case '-':
                return defaults.Where(a => !list.Any(p => Patterns.Match(a, p))).ToList();
            case '^':
                return [.. list, .. defaults.Where(a => !list.Contains(a))];
            default:
                return value.Split(',', StringSplitOptions.RemoveEmptyEntries);
        }
    }
}
