using SshDoctor.Core.Findings;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Core.Explain;

/// <summary>The sshdoctor command that answers whether a candidate cause is the real one.</summary>
public static class NextStep
{
    public static string Command(FindingId id, string? user, string? host, string? port, string? key)
    {
        var u = string.IsNullOrEmpty(user) ? "USER" : user;
        var h = string.IsNullOrEmpty(host) ? "HOST" : host;
        var target = port is null or "22" ? $"{u}@{h}" : $"{u}@{h}:{port}";
        var k = string.IsNullOrEmpty(key) ? "KEY" : Quote(key);
        return id switch
        {
            USER_UNKNOWN or WRONG_USERNAME => $"sshdoctor probe {target} -i {k} --users auto",
            KEY_ALGORITHM_REFUSED or RSA_SHA1_REFUSED or TOO_MANY_AUTH_TRIES or PUBKEY_AUTH_DISABLED => $"sshdoctor probe {target} -i {k}",
            CLIENT_KEY_FORMAT or CLIENT_KEY_ENCRYPTED or CLIENT_KEY_PERMISSIONS or CLIENT_KEY_PAIR_MISMATCH or KEY_RSA_TOO_SMALL
                => $"sshdoctor key inspect {k}",
            HOST_KEY_CHANGED or HOST_KEY_UNKNOWN => $"sshdoctor knownhosts {h}",
            SSHD_CONFIG_INVALID or SSHD_HOST_KEYS_MISSING or DISK_FULL => "sshdoctor check --root /mnt/rescue",
            _ => $"sshdoctor check --user {u} --key {k}",
        };
    }

    private static string Quote(string s) => s.Contains(' ') || s.Contains('\'') ? "'" + s.Replace("'", "'\\''") + "'" : s;
}
