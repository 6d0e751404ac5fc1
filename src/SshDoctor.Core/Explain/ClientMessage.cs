namespace SshDoctor.Core.Explain;

/// <summary>What a recognized piece of pasted text says, independent of its language and client.</summary>
public enum ClientMessage
{
    /// <summary>PuTTY/WinSCP "Server refused our key" and its translations.</summary>
    KeyRefused,
    /// <summary>WinSCP "Access denied." (after the key was refused, or a password was wrong).</summary>
    AccessDenied,
    /// <summary>WinSCP/libraries "Authentication failed."</summary>
    AuthenticationFailed,
    /// <summary>OpenSSH "Permission denied (publickey,…)": the server still offers publickey.</summary>
    PermissionDenied,
    /// <summary>The methods the server sent lack publickey: "Permission denied (password)", "server sent: password".</summary>
    PublickeyNotOffered,
    /// <summary>PuTTY "No supported authentication methods available".</summary>
    NoSupportedMethods,
    ConnectionRefused,
    KeyFileFormat,
    KeyEncrypted,
    KeyPermissions,
    HostKeyChanged,
    HostKeyUnknown,
    TooManyFailures,
    AccountUnavailable,
    CloudInitRoot,
    AccountExpired,
    Nologin,
    NoMutualSignature,
    SignatureRefused,
    /// <summary>WinSCP's warning that the server-side permissions of the key files look wrong.</summary>
    ServerPermissions,
    /// <summary>An sshd log line (syslog, journal or bare) that names a refusal.</summary>
    ServerLog,
    /// <summary>ssh -vvv: the server answered PK_OK for an offered key, and the login still failed.</summary>
    TraceKeyAccepted,
    /// <summary>ssh -vvv: the client never offered a key.</summary>
    TraceNoKeyOffered,
    /// <summary>ssh -vvv: keys were offered and none was accepted.</summary>
    TraceKeysRefused,
    /// <summary>ssh -vvv: "Authenticated using "publickey" with partial success".</summary>
    TracePartialSuccess,
    /// <summary>ssh -vvv / sshd: the login succeeded.</summary>
    Authenticated,
    /// <summary>"Connection timed out" / PuTTY "Network error: Connection timed out": nothing answers the TCP connection.</summary>
    ConnectionTimedOut,
    /// <summary>Reset or closed before the banner: `kex_exchange_identification: …`, PuTTY "Connection reset by peer".</summary>
    ConnectionReset,
    /// <summary>ssh -v shows banner lines that are not SSH (another service on the port).</summary>
    NotSshService,
    /// <summary>"no matching key exchange method / host key type / cipher / MAC found".</summary>
    NoCommonAlgorithm,
    /// <summary>"Connection closed by UNKNOWN port 65535": ssh through an AWS Session Manager tunnel, closed by the far end.</summary>
    SessionManagerClosed,
}

public static class ClientMessageNames
{
    /// <summary>snake_case name used in JSON and in text keys (`explain.signal.{name}`).</summary>
    public static string Name(this ClientMessage m)
    {
        var s = m.ToString();
        var sb = new System.Text.StringBuilder(s.Length + 8);
        for (var i = 0; i < s.Length; i++)
        {
            if (char.IsUpper(s[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(s[i]));
        }
        return sb.ToString();
    }
}
