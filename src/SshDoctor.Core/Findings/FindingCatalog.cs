namespace SshDoctor.Core.Findings;

/// <summary>One line sshd writes for a finding, and the OpenSSH versions that write it (sshd's own text: never translated).</summary>
public sealed record SshdLogLine(string Versions, string Level, string Text);

/// <summary>What the catalogue (docs/findings.md, `explain --id`) says about one finding ID.</summary>
public sealed record CatalogEntry(FindingId Id, Severity Severity, IReadOnlyList<SshdLogLine> Log);

/// <summary>
/// The catalogue of finding IDs: usual severity and sshd's log lines per version. The sentences (when sshd
/// does it, what fixes it) are the localized texts `explain.check.ID` and `ID.fix`.
/// </summary>
public static class FindingCatalog
{
    private const string All = "7.4–10.0";

    /// <summary>The usual severity of IDs that do not always block (sshd accepts, or it depends); every other ID blocks.</summary>
    private static readonly Dictionary<FindingId, Severity> NotBlocking = new()
    {
        [FindingId.KEY_FOR_OTHER_USER] = Severity.Info,
        [FindingId.CLOUD_DEFAULT_USER] = Severity.Info,
        [FindingId.ADDRESS_CONDITION] = Severity.Info,
        [FindingId.AUTHKEYS_COMMAND_KEYS] = Severity.Info,
        [FindingId.SSHD_EFFECTIVE_MISMATCH] = Severity.Warning,
        [FindingId.CANDIDATE_NOT_READ] = Severity.Warning,
        [FindingId.AUTHKEYS_HARDLINKED] = Severity.Warning,
        [FindingId.SHELL_NOLOGIN] = Severity.Warning,
        [FindingId.CLOUD_INIT_ROOT_DISABLED] = Severity.Warning,
        [FindingId.DISK_FULL] = Severity.Warning,
        [FindingId.HOST_KEY_UNKNOWN] = Severity.Info,
    };

    private static readonly Dictionary<FindingId, SshdLogLine[]> Lines = new()
    {
        [FindingId.USER_UNKNOWN] = [new(All, "INFO", "Invalid user USER from ADDR port PORT")],
        [FindingId.USER_LOCKED] = [new(All, "INFO", "User USER not allowed because account is locked")],
        [FindingId.USER_EXPIRED] = [new(All, "INFO", "Account USER has expired (UsePAM no)"), new(All, "ERROR", "fatal: Access denied for user USER by PAM account configuration [preauth] (UsePAM yes)")],
        [FindingId.USER_SHELL_INVALID] = [new(All, "INFO", "User USER not allowed because shell SHELL does not exist"), new(All, "INFO", "User USER not allowed because shell SHELL is not executable")],
        [FindingId.USER_DENIED] = [new(All, "INFO", "User USER from HOST not allowed because listed in DenyUsers"), new(All, "INFO", "User USER from HOST not allowed because not listed in AllowUsers"), new(All, "INFO", "User USER from HOST not allowed because a group is listed in DenyGroups"), new(All, "INFO", "User USER from HOST not allowed because none of user's groups are listed in AllowGroups")],
        [FindingId.ROOT_LOGIN_REFUSED] = [new(All, "INFO", "ROOT LOGIN REFUSED FROM ADDR port PORT")],
        [FindingId.NOLOGIN_FILE] = [new(All, "ERROR", "fatal: Access denied for user USER by PAM account configuration [preauth]")],
        [FindingId.KEY_NOT_AUTHORIZED] = [new(All, "INFO", "Connection closed by authenticating user USER ADDR port PORT [preauth]"), new(All, "VERBOSE", "Failed publickey for USER from ADDR port PORT ssh2: TYPE SHA256:…")],
        [FindingId.AUTHKEYS_NOT_REGULAR] = [new(All, "INFO", "User 'USER' authorized keys 'PATH' is not a regular file")],
        [FindingId.AUTHKEYS_UNREADABLE] = [new("9.1–10.0", "INFO", "Could not open user 'USER' authorized keys 'PATH': Permission denied"), new("7.4–9.0", "DEBUG", "Could not open authorized keys 'PATH': Permission denied")],
        [FindingId.AUTHKEYS_MISSING] = [new(All, "DEBUG", "Could not open user 'USER' authorized keys 'PATH': No such file or directory")],
        [FindingId.STRICTMODES_OWNER] = [new(All, "INFO", "Authentication refused: bad ownership or modes for file PATH"), new(All, "INFO", "Authentication refused: bad ownership or modes for directory PATH")],
        [FindingId.STRICTMODES_MODE] = [new(All, "INFO", "Authentication refused: bad ownership or modes for file PATH"), new(All, "INFO", "Authentication refused: bad ownership or modes for directory PATH")],
        [FindingId.SELINUX_LABEL] = [new(All, "INFO", "Could not open user 'USER' authorized keys 'PATH': Permission denied"), new("audit", "AVC", "avc: denied { read } … comm=\"sshd\"")],
        [FindingId.KEY_OPTION_FROM] = [new(All, "INFO", "Authentication tried for USER with correct key but not from a permitted host (host=HOST, ip=ADDR)."), new(All, "VERBOSE", "Refused by key options")],
        [FindingId.KEY_OPTION_EXPIRED] = [new(All, "VERBOSE", "Refused by key options")],
        [FindingId.KEY_OPTION_INVALID] = [new(All, "VERBOSE", "Refused by key options"), new(All, "INFO", "bad key options: …")],
        [FindingId.KEY_REVOKED] = [new(All, "INFO", "Authentication key TYPE SHA256:… revoked by file FILE"), new(All, "ERROR", "Error checking authentication key TYPE SHA256:… in revoked keys file FILE")],
        [FindingId.AUTHKEYS_FILE_CONFIG] = [new(All, "FATAL", "percent_expand: unknown key %X")],
        [FindingId.AUTHKEYS_COMMAND] = [new(All, "ERROR", "Unsafe AuthorizedKeysCommand \"PATH\": …"), new(All, "ERROR", "AuthorizedKeysCommand PATH failed, status N")],
        [FindingId.PUBKEY_AUTH_DISABLED] = [new(All, "INFO", "Connection closed by authenticating user USER ADDR port PORT [preauth]")],
        [FindingId.KEY_ALGORITHM_REFUSED] = [new("9.0–10.0", "INFO", "userauth_pubkey: signature algorithm X not in PubkeyAcceptedAlgorithms [preauth]"), new("8.5–8.9", "INFO", "userauth_pubkey: key type X not in PubkeyAcceptedAlgorithms [preauth]"), new("7.4–8.4", "INFO", "userauth_pubkey: key type X not in PubkeyAcceptedKeyTypes [preauth]"), new("9.8–10.0", "INFO", "userauth_pubkey: unsupported public key algorithm: ssh-dss [preauth]")],
        [FindingId.RSA_SHA1_REFUSED] = [new("8.8–10.0", "INFO", "userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]")],
        [FindingId.KEY_RSA_TOO_SMALL] = [new(All, "INFO", "refusing RSA key: Invalid key length [preauth]")],
        [FindingId.TOO_MANY_AUTH_TRIES] = [new(All, "ERROR", "error: maximum authentication attempts exceeded for USER from ADDR port PORT ssh2 [preauth]")],
        [FindingId.AUTH_METHODS_REQUIRED] = [new(All, "INFO", "Partial publickey for USER from ADDR port PORT ssh2: TYPE SHA256:…")],
        [FindingId.SSHD_CONFIG_INVALID] = [new(All, "ERROR", "/etc/ssh/sshd_config line N: Bad configuration option: X")],
        [FindingId.SSHD_HOST_KEYS_MISSING] = [new(All, "ERROR", "sshd: no hostkeys available -- exiting.")],
        [FindingId.CLOUD_INIT_ROOT_DISABLED] = [new(All, "INFO", "Accepted publickey for root from ADDR port PORT ssh2 (then the session prints \"Please login as the user …\" and exits 142)")],
    };

    public static IEnumerable<CatalogEntry> Entries => Enum.GetValues<FindingId>().Select(Entry);

    public static CatalogEntry Entry(FindingId id)
    {
        var usual = NotBlocking.TryGetValue(id, out var s) ? s : Severity.Blocking;
        return new CatalogEntry(id, usual, Lines.TryGetValue(id, out var l) ? l : []);
    }

    public static bool TryParse(string text, out FindingId id) =>
        Enum.TryParse(text.Trim().ToUpperInvariant(), ignoreCase: false, out id) && Enum.IsDefined(id);
}
