namespace SshDoctor.Core.Model;

/// <summary>
/// The SSH client that will log in (`--client NAME-VERSION`): what matters to sshd is whether it signs RSA keys
/// with rsa-sha2-256/512 (RFC 8332) or only with ssh-rsa (SHA-1).
/// </summary>
public sealed record ClientProfile(string Name, Version Version)
{
    /// <summary>The first release of each client that signs RSA keys with rsa-sha2.</summary>
    private static readonly Dictionary<string, Version> FirstRsaSha2 = new(StringComparer.OrdinalIgnoreCase)
    {
        ["openssh"] = new(7, 2),
        ["putty"] = new(0, 75),
        ["winscp"] = new(5, 19),
        ["sshnet"] = new(2023, 0, 0),
        ["ssh.net"] = new(2023, 0, 0),
        ["libssh2"] = new(1, 11),
        ["paramiko"] = new(2, 9),
    };

    public bool SignsRsaSha2 => Version >= FirstRsaSha2[Name];

    /// <summary>"putty-0.74", "openssh-9.6p1", "OpenSSH_8.9", "paramiko-2.8.1"; null when not a known client.</summary>
    public static ClientProfile? Parse(string text)
    {
        var cut = text.LastIndexOfAny(['-', '_']);
        if (cut <= 0 || cut == text.Length - 1) return null;
        var name = text[..cut].Trim();
        if (!FirstRsaSha2.ContainsKey(name)) return null;
        // "9.6p1" → 9.6; a version needs at least major.minor.
        var raw = new string(text[(cut + 1)..].TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).TrimEnd('.');
        if (!raw.Contains('.')) raw += ".0";
        return System.Version.TryParse(raw, out var v) ? new ClientProfile(name.ToLowerInvariant(), v) : null;
    }
}
