namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    /// <summary>User certificates, the PAM account stage and the client's signature (issue 9).</summary>
    public static IReadOnlyDictionary<string, string> CertsEn => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CERT_CA_UNTRUSTED.message"] = "The certificate (key ID {key_id}) is signed by the CA {ca}, which sshd trusts for {user} neither in TrustedUserCAKeys nor on a cert-authority line, so the certificate is refused.",
        ["CERT_CA_UNTRUSTED.fix"] = "Sign the key with a CA this server trusts, or, if the CA {ca} should be trusted, list it in TrustedUserCAKeys or on a cert-authority line in {user}'s authorized_keys.",
        ["CERT_PRINCIPAL_MISMATCH.message"] = "The certificate (key ID {key_id}, principals {principals}) names no principal that {via} allows for {user}: {detail}.",
        ["CERT_PRINCIPAL_MISMATCH.fix"] = "Issue a certificate with the right principal (ssh-keygen -s … -n), or add one of its principals where sshd looks for {user}'s principals.",
        ["CERT_VALIDITY.message"] = "The certificate (key ID {key_id}) is valid from {valid_after} to {valid_before}; sshd refuses it through {via}: {detail}.",
        ["CERT_VALIDITY.fix"] = "Issue a new certificate valid now (ssh-keygen -s … -V), and check the server's clock.",
        ["CERT_SOURCE_ADDRESS.message"] = "The certificate only admits clients from {pattern} ({via}), and {from} is not one of them.",
        ["CERT_SOURCE_ADDRESS.fix"] = "Connect from an allowed address, or issue a certificate whose source-address includes {from}.",
        ["CERT_PRINCIPALS_COMMAND.message"] = "The certificate's principals for this user come from the AuthorizedPrincipalsCommand {command} ({source}); sshdoctor does not run that command, so it cannot tell.",
        ["CERT_PRINCIPALS_COMMAND.fix"] = "Run {command} as its AuthorizedPrincipalsCommandUser and look for one of the certificate's principals in what it prints.",
        ["PAM_ACCOUNT_DENIED.message"] = "PAM's account stage refuses {user} after the key is accepted (UsePAM yes): {reason}.",
        ["PAM_ACCOUNT_DENIED.fix"] = "Repair the account's /etc/shadow entry (for example with chage) so that pam_unix accepts it.",
        ["PASSWORD_CHANGE_REQUIRED.message"] = "sshd accepts the key for {user}, then PAM demands a password change ({reason}): without a terminal the session ends with \"Password change required but no TTY available\".",
        ["PASSWORD_CHANGE_REQUIRED.fix"] = "Log in with ssh -t and change the password, or set a new last-change date with chage -d.",
        ["CLIENT_CONDITION.message"] = "The outcome depends on the client: this server refuses {algorithm} signatures, so clients that sign RSA keys with rsa-sha2 are accepted and older ones (PuTTY before 0.75, WinSCP before 5.19, OpenSSH before 7.2, SSH.NET before 2023.0.0, libssh2 before 1.11, paramiko before 2.9) are refused.",
        ["CLIENT_CONDITION.fix"] = "Run again with --client NAME-VERSION (for example --client putty-0.74) to get a verdict.",

        ["cert.principals.bad_token"] = "the AuthorizedPrincipalsFile path has a bad % token",
        ["cert.principals.missing"] = "the AuthorizedPrincipalsFile does not exist",
        ["cert.principals.unreadable"] = "the user cannot read the AuthorizedPrincipalsFile",
        ["cert.principals.unsafe"] = "the AuthorizedPrincipalsFile has bad ownership or modes, and StrictModes makes sshd ignore it",
        ["cert.principals.not_listed"] = "the AuthorizedPrincipalsFile lists none of them",
        ["cert.principals.option"] = "the principals= option lists none of them",
        ["cert.principals.none"] = "the certificate has no principals at all",
        ["cert.principals.name_not_listed"] = "the user name is not among them",
        ["cert.validity.expired"] = "it has expired",
        ["cert.validity.not_yet_valid"] = "it is not valid yet",
        ["cert.validity.host_certificate"] = "it is a host certificate, not a user certificate",
        ["cert.validity.line_expired"] = "the expiry-time of the cert-authority line has passed",
        ["pam.reason.inactive"] = "the password expired more than the shadow entry's inactive days ago",
        ["pam.reason.no_shadow"] = "the account has no entry in /etc/shadow",
        ["pam.reason.lastchg_zero"] = "the shadow entry's last-change date is 0",
        ["pam.reason.max_age"] = "the password is older than its maximum age",
        ["err.certificate_invalid"] = "Cannot read the certificate {path}: it names a certificate type but is not a valid OpenSSH certificate.",
        ["err.client_invalid"] = "Unknown client \"{value}\": give NAME-VERSION, for example putty-0.74, openssh-9.6, winscp-5.17, paramiko-2.8, libssh2-1.10 or sshnet-2020.0.2.",

        ["explain.check.CERT_CA_UNTRUSTED"] = "The certificate's CA may be trusted neither in TrustedUserCAKeys nor on a cert-authority line.",
        ["explain.check.CERT_PRINCIPAL_MISMATCH"] = "The certificate may name no principal this user accepts.",
        ["explain.check.CERT_VALIDITY"] = "The certificate may have expired or not be valid yet.",
        ["explain.check.CERT_SOURCE_ADDRESS"] = "The certificate's source-address may exclude the client.",
        ["explain.check.CERT_PRINCIPALS_COMMAND"] = "The principals may come only from the AuthorizedPrincipalsCommand: run it and look for the certificate's principals.",
        ["explain.check.PAM_ACCOUNT_DENIED"] = "PAM's account stage may refuse the account (inactive password, no shadow entry, pam_access).",
        ["explain.check.PASSWORD_CHANGE_REQUIRED"] = "PAM may demand a password change that a session without a terminal cannot do.",
        ["explain.check.CLIENT_CONDITION"] = "The result depends on whether the client signs RSA keys with rsa-sha2.",
    };
}
