namespace SshDoctor.Core.Findings;

/// <summary>The sshd_config keywords whose effective values a finding depends on (shown with their origin).</summary>
public static class FindingSettings
{
    private static readonly string[] KeyFiles = ["authorizedkeysfile"];
    private static readonly string[] Strict = ["strictmodes", "authorizedkeysfile"];
    private static readonly string[] Algorithms = ["pubkeyacceptedalgorithms"];

    public static IReadOnlyCollection<string> Of(FindingId id) => id switch
    {
        FindingId.USER_LOCKED or FindingId.USER_EXPIRED or FindingId.NOLOGIN_FILE or FindingId.PAM_ACCOUNT_DENIED
            or FindingId.PASSWORD_CHANGE_REQUIRED => ["usepam"],
        FindingId.USER_SHELL_INVALID => ["chrootdirectory"],
        FindingId.USER_DENIED => ["allowusers", "denyusers", "allowgroups", "denygroups"],
        FindingId.ROOT_LOGIN_REFUSED => ["permitrootlogin"],
        FindingId.KEY_NOT_AUTHORIZED or FindingId.HOME_MISSING or FindingId.SSH_DIR_MISSING or FindingId.AUTHKEYS_MISSING
            or FindingId.AUTHKEYS_NOT_REGULAR or FindingId.AUTHKEYS_UNREADABLE or FindingId.AUTHKEYS_FILE_CONFIG => KeyFiles,
        FindingId.STRICTMODES_OWNER or FindingId.STRICTMODES_MODE => Strict,
        FindingId.KEY_REVOKED => ["revokedkeys"],
        FindingId.AUTHKEYS_COMMAND or FindingId.AUTHKEYS_COMMAND_KEYS => ["authorizedkeyscommand", "authorizedkeyscommanduser"],
        FindingId.PUBKEY_AUTH_DISABLED => ["pubkeyauthentication"],
        FindingId.KEY_ALGORITHM_REFUSED => [.. Algorithms, "casignaturealgorithms"],
        FindingId.RSA_SHA1_REFUSED or FindingId.CLIENT_CONDITION => Algorithms,
        FindingId.KEY_RSA_TOO_SMALL => ["requiredrsasize"],
        FindingId.TOO_MANY_AUTH_TRIES => ["maxauthtries"],
        FindingId.AUTH_METHODS_REQUIRED => ["authenticationmethods"],
        FindingId.CERT_CA_UNTRUSTED => ["trustedusercakeys"],
        FindingId.CERT_PRINCIPAL_MISMATCH or FindingId.CERT_PRINCIPALS_COMMAND => ["trustedusercakeys", "authorizedprincipalsfile"],
        _ => [],
    };
}
