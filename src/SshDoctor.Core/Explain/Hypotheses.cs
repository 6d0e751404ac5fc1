using SshDoctor.Core.Findings;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Core.Explain;

/// <summary>
/// For each kind of message, the causes (causes.md IDs) that can produce it with a weight (100 = the
/// message names the cause). Generic refusals rank the causes by how often they explain the message on
/// cloud instances: wrong user name for the image first, then a key that is not in authorized_keys, then
/// StrictModes.
/// </summary>
public static class Hypotheses
{
    private static readonly (FindingId, int)[] GenericRefusal =
    [
        (USER_UNKNOWN, 90), (KEY_NOT_AUTHORIZED, 88), (STRICTMODES_MODE, 80), (STRICTMODES_OWNER, 76),
        (AUTHKEYS_MISSING, 70), (KEY_LINE_INVALID, 66), (AUTHKEYS_UNREADABLE, 62), (RSA_SHA1_REFUSED, 58),
        (KEY_ALGORITHM_REFUSED, 56), (USER_DENIED, 52), (HOME_MISSING, 48), (SSH_DIR_MISSING, 46),
        (KEY_OPTION_FROM, 42), (SELINUX_LABEL, 38), (AUTHKEYS_ENCODING, 34), (USER_LOCKED, 30),
        (USER_SHELL_INVALID, 28), (KEY_RSA_TOO_SMALL, 26), (AUTHKEYS_FILE_CONFIG, 22), (KEY_REVOKED, 18),
    ];

    public static IReadOnlyList<(FindingId Id, int Weight)> For(ClientMessage kind) => kind switch
    {
        ClientMessage.KeyRefused or ClientMessage.TraceKeysRefused => GenericRefusal,
        ClientMessage.PermissionDenied => [.. GenericRefusal, (CLIENT_KEY_FORMAT, 20), (CLIENT_KEY_PERMISSIONS, 16)],
        ClientMessage.AccessDenied or ClientMessage.AuthenticationFailed => Scale(GenericRefusal, 0.9),
        ClientMessage.NoSupportedMethods => [.. GenericRefusal, (PUBKEY_AUTH_DISABLED, 40)],
        ClientMessage.PublickeyNotOffered => [(PUBKEY_AUTH_DISABLED, 100), (AUTH_METHODS_REQUIRED, 60)],
        ClientMessage.ConnectionRefused => [(NET_REFUSED, 100), (SSHD_HOST_KEYS_MISSING, 92), (SSHD_CONFIG_INVALID, 90), (DISK_FULL, 30)],
        ClientMessage.ConnectionTimedOut => [(NET_TIMEOUT, 100)],
        ClientMessage.ConnectionReset => [(NET_RESET, 100), (NET_NOT_SSH, 40)],
        ClientMessage.NotSshService => [(NET_NOT_SSH, 100)],
        ClientMessage.NoCommonAlgorithm => [(KEX_NO_COMMON, 100)],
        ClientMessage.SessionManagerClosed => [(NET_REFUSED, 85), (NET_RESET, 80), (SSHD_CONFIG_INVALID, 70), (SSHD_HOST_KEYS_MISSING, 68)],
        ClientMessage.KeyFileFormat => [(CLIENT_KEY_FORMAT, 100)],
        ClientMessage.KeyEncrypted => [(CLIENT_KEY_ENCRYPTED, 100)],
        ClientMessage.KeyPermissions => [(CLIENT_KEY_PERMISSIONS, 100)],
        ClientMessage.HostKeyChanged => [(HOST_KEY_CHANGED, 100)],
        ClientMessage.HostKeyUnknown => [(HOST_KEY_UNKNOWN, 100)],
        ClientMessage.TooManyFailures => [(TOO_MANY_AUTH_TRIES, 100)],
        ClientMessage.AccountUnavailable => [(SHELL_NOLOGIN, 100)],
        ClientMessage.CloudInitRoot => [(CLOUD_INIT_ROOT_DISABLED, 100)],
        ClientMessage.AccountExpired => [(USER_EXPIRED, 100)],
        ClientMessage.Nologin => [(NOLOGIN_FILE, 100)],
        ClientMessage.NoMutualSignature => [(RSA_SHA1_REFUSED, 100), (KEY_ALGORITHM_REFUSED, 60)],
        ClientMessage.SignatureRefused => [(RSA_SHA1_REFUSED, 95), (KEY_ALGORITHM_REFUSED, 55)],
        ClientMessage.ServerPermissions => [(STRICTMODES_MODE, 95), (STRICTMODES_OWNER, 90), (AUTHKEYS_UNREADABLE, 60)],
        ClientMessage.TraceKeyAccepted =>
        [
            (ROOT_LOGIN_REFUSED, 85), (USER_EXPIRED, 80), (NOLOGIN_FILE, 78), (AUTH_METHODS_REQUIRED, 74),
            (CLIENT_KEY_ENCRYPTED, 70), (RSA_SHA1_REFUSED, 60), (CLIENT_KEY_PAIR_MISMATCH, 50),
        ],
        ClientMessage.TraceNoKeyOffered => [(CLIENT_KEY_FORMAT, 95), (CLIENT_KEY_PERMISSIONS, 80), (CLIENT_KEY_ENCRYPTED, 70)],
        ClientMessage.TracePartialSuccess => [(AUTH_METHODS_REQUIRED, 100)],
        _ => [],
    };

    /// <summary>
    /// Messages that name their cause outright: when one is present it ranks first, whatever else the
    /// generic refusal lines add up to.
    /// </summary>
    public static bool Decisive(ClientMessage kind) => kind is ClientMessage.KeyPermissions or ClientMessage.HostKeyChanged
        or ClientMessage.TooManyFailures or ClientMessage.ConnectionTimedOut or ClientMessage.ConnectionRefused
        or ClientMessage.ConnectionReset or ClientMessage.NotSshService or ClientMessage.NoCommonAlgorithm
        or ClientMessage.AccountExpired or ClientMessage.NoMutualSignature or ClientMessage.KeyEncrypted;

    /// <summary>The connection stopped before authentication: no account or key cause can be at work.</summary>
    public static bool BeforeAuthentication(ClientMessage kind) => kind is ClientMessage.ConnectionTimedOut
        or ClientMessage.ConnectionRefused or ClientMessage.ConnectionReset or ClientMessage.NotSshService
        or ClientMessage.NoCommonAlgorithm or ClientMessage.SessionManagerClosed;

    /// <summary>Causes that can only concern an RSA key (dropped when every key offered is of another type).</summary>
    public static bool RsaOnly(FindingId id) => id is RSA_SHA1_REFUSED or KEY_RSA_TOO_SMALL;

    /// <summary>Causes a PK_OK rules out: sshd only answers PK_OK for a valid, allowed user and a listed, readable key.</summary>
    public static bool RuledOutByPkOk(FindingId id) => id is USER_UNKNOWN or USER_DENIED or USER_LOCKED or
        USER_SHELL_INVALID or KEY_NOT_AUTHORIZED or HOME_MISSING or SSH_DIR_MISSING or AUTHKEYS_MISSING or
        AUTHKEYS_NOT_REGULAR or AUTHKEYS_UNREADABLE or STRICTMODES_OWNER or STRICTMODES_MODE or SELINUX_LABEL or
        KEY_LINE_INVALID or AUTHKEYS_ENCODING or KEY_OPTION_FROM or KEY_OPTION_EXPIRED or KEY_OPTION_INVALID or
        KEY_REVOKED or KEY_ALGORITHM_REFUSED or KEY_RSA_TOO_SMALL or PUBKEY_AUTH_DISABLED or AUTHKEYS_FILE_CONFIG;
    // Not CLIENT_KEY_PERMISSIONS / CLIENT_KEY_FORMAT: ssh offers the public half first and reads the private
    // file only after PK_OK, which is exactly when it refuses a key that is too open or unreadable.

    private static (FindingId, int)[] Scale((FindingId, int)[] list, double f) =>
        list.Select(x => (x.Item1, (int)(x.Item2 * f))).ToArray();

    /// <summary>Severity a candidate is reported with (causes.md: warning and info IDs never block).</summary>
    public static Severity SeverityOf(FindingId id) => id switch
    {
        SHELL_NOLOGIN => Severity.Warning,
        HOST_KEY_UNKNOWN or KEY_FOR_OTHER_USER or CLOUD_DEFAULT_USER or ADDRESS_CONDITION => Severity.Info,
        _ => Severity.Blocking,
    };
}
