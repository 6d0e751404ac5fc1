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
            NET_TIMEOUT or NET_REFUSED or NET_RESET or NET_NOT_SSH or KEX_NO_COMMON => $"sshdoctor probe {target} -i {k} --trace",
            SSHD_CONFIG_INVALID or SSHD_HOST_KEYS_MISSING or DISK_FULL => "sshdoctor check --root /mnt/rescue",
            _ => $"sshdoctor check --user {u} --key {k}",
        };
    }

    /// <summary>A bare refusal: one probe tells a wrong user, a missing key and a server-side cause apart.</summary>
    public static string Decider(string? user, string? host, string? port, string? key)
    {
        var u = string.IsNullOrEmpty(user) ? "USER" : user;
        var h = string.IsNullOrEmpty(host) ? "HOST" : host;
        var target = port is null or "22" ? $"{u}@{h}" : $"{u}@{h}:{port}";
        return $"sshdoctor probe {target} -i {(string.IsNullOrEmpty(key) ? "KEY" : Quote(key))} --users auto --trace";
    }

    /// <summary>
    /// A Windows path (C:\Users\me\aws.pem, with or without spaces) is quoted whole in double quotes, which
    /// cmd.exe, PowerShell and POSIX shells all read literally; other paths with spaces or quotes in single quotes.
    /// </summary>
    internal static string Quote(string s)
    {
        var windows = s.Contains('\\') || (s.Length > 2 && char.IsAsciiLetter(s[0]) && s[1] == ':');
        if (windows && s.IndexOfAny(['"', '$', '`', '%', '!']) < 0) return "\"" + s + "\"";
        return s.Any(c => char.IsWhiteSpace(c) || c is '\'' or '"' or '\\' or '$' or '`' or ';' or '&' or '|' or '(' or ')' or '<' or '>' or '*' or '?')
            ? "'" + s.Replace("'", "'\\''") + "'" : s;
    }
}
