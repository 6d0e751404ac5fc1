namespace SshDoctor.Core.Findings;

/// <summary>Stable finding IDs from causes.md. The enum member name is the JSON "id".</summary>
public enum FindingId
{
    // A. Account gate
    USER_UNKNOWN,
    USER_LOCKED,
    USER_EXPIRED,
    USER_SHELL_INVALID,
    USER_DENIED,
    ROOT_LOGIN_REFUSED,
    NOLOGIN_FILE,
    PAM_ACCOUNT_DENIED,
    PASSWORD_CHANGE_REQUIRED,

    // K. Key lookup
    KEY_NOT_AUTHORIZED,
    KEY_FOR_OTHER_USER,
    HOME_MISSING,
    SSH_DIR_MISSING,
    AUTHKEYS_MISSING,
    AUTHKEYS_NOT_REGULAR,
    AUTHKEYS_UNREADABLE,
    STRICTMODES_OWNER,
    STRICTMODES_MODE,
    SELINUX_LABEL,
    KEY_LINE_INVALID,
    AUTHKEYS_ENCODING,
    KEY_OPTION_FROM,
    KEY_OPTION_EXPIRED,
    KEY_OPTION_INVALID,
    KEY_REVOKED,
    AUTHKEYS_FILE_CONFIG,
    AUTHKEYS_COMMAND,

    // G. Algorithms and methods
    PUBKEY_AUTH_DISABLED,
    KEY_ALGORITHM_REFUSED,
    RSA_SHA1_REFUSED,
    KEY_RSA_TOO_SMALL,
    TOO_MANY_AUTH_TRIES,
    AUTH_METHODS_REQUIRED,

    // P. User certificates
    CERT_CA_UNTRUSTED,
    CERT_PRINCIPAL_MISMATCH,
    CERT_VALIDITY,
    CERT_SOURCE_ADDRESS,

    // C. Server state and configuration
    SSHD_CONFIG_INVALID,
    SSHD_HOST_KEYS_MISSING,
    DISK_FULL,
    CLOUD_INIT_ROOT_DISABLED,
    SHELL_NOLOGIN,

    // Client side
    CLIENT_KEY_PERMISSIONS,
    CLIENT_KEY_FORMAT,
    CLIENT_KEY_ENCRYPTED,
    CLIENT_KEY_PAIR_MISMATCH,
    WRONG_USERNAME,
    HOST_KEY_CHANGED,
    HOST_KEY_UNKNOWN,

    // N. Network and transport (before any key is tried)
    NET_TIMEOUT,
    NET_REFUSED,
    NET_RESET,
    NET_NOT_SSH,
    KEX_NO_COMMON,

    // Added by sshdoctor (causes.md allows new IDs)
    /// <summary>info: the image's default login user according to cloud-init / os-release.</summary>
    CLOUD_DEFAULT_USER,
    /// <summary>info: the outcome depends on the client address (from=, Match Address) and no --from was given.</summary>
    ADDRESS_CONDITION,
    /// <summary>info: the key is in no file, but an AuthorizedKeysCommand that sshdoctor does not run may supply it.</summary>
    AUTHKEYS_COMMAND_KEYS,
    /// <summary>info: the certificate's principals can come only from an AuthorizedPrincipalsCommand, which sshdoctor does not run.</summary>
    CERT_PRINCIPALS_COMMAND,
    /// <summary>info: the verdict depends on which algorithm the client signs RSA keys with, and no --client was given.</summary>
    CLIENT_CONDITION,
    /// <summary>warning: `sshd -T` on the live system disagrees with the model's effective setting.</summary>
    SSHD_EFFECTIVE_MISMATCH,
    /// <summary>warning: a `check --candidate` file sits where no Include of the config reads it: it changes nothing.</summary>
    CANDIDATE_NOT_READ,
    /// <summary>warning: an authorized keys file has more than one name (hard links): sshd reads it, fix never changes it.</summary>
    AUTHKEYS_HARDLINKED,
}
