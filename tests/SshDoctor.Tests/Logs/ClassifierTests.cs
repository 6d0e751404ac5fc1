using SshDoctor.Core.Findings;
using SshDoctor.Core.Logs;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Logs;

/// <summary>sshd messages in the wordings of OpenSSH 7.4 to 10.0 (causes.md), several captured from 9.2.</summary>
public class ClassifierTests
{
    [Theory]
    [InlineData("Invalid user ubuntu from 203.0.113.9 port 50022", USER_UNKNOWN, "ubuntu", "203.0.113.9", null)]
    [InlineData("Invalid user  from 203.0.113.9 port 50022", USER_UNKNOWN, "", "203.0.113.9", null)]
    [InlineData("Invalid user admin from 2001:db8::1", USER_UNKNOWN, "admin", "2001:db8::1", null)] // 7.4 without port
    [InlineData("User frank not allowed because account is locked", USER_LOCKED, "frank", null, null)]
    [InlineData("User erin not allowed because shell /bin/nosuchshell does not exist", USER_SHELL_INVALID, "erin", null, "/bin/nosuchshell")]
    [InlineData("User erin not allowed because shell /bin/x is not executable", USER_SHELL_INVALID, "erin", null, "/bin/x")]
    [InlineData("User alice from 127.0.0.1 not allowed because listed in DenyUsers", USER_DENIED, "alice", "127.0.0.1", null)]
    [InlineData("User alice from 127.0.0.1 not allowed because not listed in AllowUsers", USER_DENIED, "alice", "127.0.0.1", null)]
    [InlineData("User alice from host.example not allowed because none of user's groups are listed in AllowGroups", USER_DENIED, "alice", "host.example", null)]
    [InlineData("User alice from 10.0.0.1 not allowed because a group is listed in DenyGroups", USER_DENIED, "alice", "10.0.0.1", null)]
    [InlineData("Account bob has expired", USER_EXPIRED, "bob", null, null)]
    [InlineData("fatal: Access denied for user bob by PAM account configuration [preauth]", USER_EXPIRED, "bob", null, null)]
    [InlineData("ROOT LOGIN REFUSED FROM 127.0.0.1 port 35002 [preauth]", ROOT_LOGIN_REFUSED, "root", "127.0.0.1", null)]
    [InlineData("Authentication refused: bad ownership or modes for directory /home/bob", STRICTMODES_MODE, null, null, "/home/bob")]
    [InlineData("Authentication refused: bad ownership or modes for file /home/bob/.ssh/authorized_keys", STRICTMODES_MODE, null, null, "/home/bob/.ssh/authorized_keys")]
    [InlineData("Could not open user 'carol' authorized keys '/home/carol/.ssh/authorized_keys': Permission denied", AUTHKEYS_UNREADABLE, "carol", null, "/home/carol/.ssh/authorized_keys")]
    [InlineData("Could not open authorized keys '/home/carol/.ssh/authorized_keys': Permission denied", AUTHKEYS_UNREADABLE, null, null, "/home/carol/.ssh/authorized_keys")]
    [InlineData("Could not open user 'carol' authorized keys '/home/carol/.ssh/authorized_keys': No such file or directory", AUTHKEYS_MISSING, "carol", null, "/home/carol/.ssh/authorized_keys")]
    [InlineData("User 'frank' authorized keys '/home/frank/.ssh/ak_dir' is not a regular file", AUTHKEYS_NOT_REGULAR, "frank", null, "/home/frank/.ssh/ak_dir")]
    [InlineData("User frank authorized keys /home/frank/.ssh/ak_dir is not a regular file", AUTHKEYS_NOT_REGULAR, "frank", null, "/home/frank/.ssh/ak_dir")]
    [InlineData("userauth_pubkey: signature algorithm rsa-sha2-512 not in PubkeyAcceptedAlgorithms [preauth]", KEY_ALGORITHM_REFUSED, null, null, null)]
    [InlineData("userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]", RSA_SHA1_REFUSED, null, null, null)]
    [InlineData("userauth_pubkey: key type ssh-dss not in PubkeyAcceptedAlgorithms [preauth]", KEY_ALGORITHM_REFUSED, null, null, null)] // 8.5–8.9
    [InlineData("userauth_pubkey: key type ssh-rsa not in PubkeyAcceptedKeyTypes [preauth]", RSA_SHA1_REFUSED, null, null, null)] // ≤8.4
    [InlineData("refusing RSA key: Invalid key length [preauth]", KEY_RSA_TOO_SMALL, null, null, null)]
    [InlineData("/home/dave/.ssh/authorized_keys:1: Authentication tried for dave with correct key but not from a permitted host (host=127.0.0.1, ip=127.0.0.1, required=10.9.9.9).", KEY_OPTION_FROM, "dave", "127.0.0.1", "/home/dave/.ssh/authorized_keys")]
    [InlineData("Refused by key options", KEY_OPTION_EXPIRED, null, null, null)]
    [InlineData("error: maximum authentication attempts exceeded for alice from 192.0.2.4 port 5000 ssh2 [preauth]", TOO_MANY_AUTH_TRIES, "alice", "192.0.2.4", null)]
    [InlineData("error: maximum authentication attempts exceeded for invalid user bob from 192.0.2.4 port 5000 ssh2 [preauth]", TOO_MANY_AUTH_TRIES, "bob", "192.0.2.4", null)]
    [InlineData("Disconnecting authenticating user alice 192.0.2.4 port 5000: Too many authentication failures [preauth]", TOO_MANY_AUTH_TRIES, "alice", "192.0.2.4", null)]
    [InlineData("Partial publickey for alice from 127.0.0.1 port 35016 ssh2: ED25519 SHA256:U+7i6HSAP1qW0ypVkzQMNU9I4V0XIGFJrdM/UwxKInA", AUTH_METHODS_REQUIRED, "alice", "127.0.0.1", null)]
    [InlineData("fatal: percent_expand: unknown key %z", AUTHKEYS_FILE_CONFIG, null, null, null)]
    [InlineData("percent_expand: failed", AUTHKEYS_FILE_CONFIG, null, null, null)]
    [InlineData("error: Unsafe AuthorizedKeysCommand \"/opt/aws/bin/eic_run_authorized_keys\": bad ownership or modes for directory /opt/aws/bin", AUTHKEYS_COMMAND, null, null, null)]
    [InlineData("error: AuthorizedKeysCommand /usr/bin/sss_ssh_authorizedkeys alice failed, status 1", AUTHKEYS_COMMAND, null, null, null)]
    [InlineData("error: AuthorizedKeysCommand /opt/aws/bin/eic_run_authorized_keys ec2-user SHA256:x returned status 22", AUTHKEYS_COMMAND, null, null, null)]
    [InlineData("error: AuthorizedKeysCommandUser \"ec2-instance-connect\" not found", AUTHKEYS_COMMAND, null, null, null)]
    [InlineData("error: Authentication key ED25519 SHA256:abc revoked by file /etc/ssh/revoked_keys", KEY_REVOKED, null, null, "/etc/ssh/revoked_keys")]
    public void Refusal_lines(string line, FindingId id, string? user, string? address, string? path)
    {
        var e = SshdMessageClassifier.Classify(line);
        Assert.Equal(SshdEventKind.Refusal, e.Kind);
        Assert.Equal(id, e.Cause);
        Assert.Equal(user, e.UserText);
        Assert.Equal(address, e.AddressText);
        if (path is not null) Assert.Equal(path, e.PathText);
    }

    [Theory]
    [InlineData("Accepted publickey for alice from 127.0.0.1 port 43924 ssh2: ED25519 SHA256:U+7i6HSAP1qW0ypVkzQMNU9I4V0XIGFJrdM/UwxKInA", SshdEventKind.Accepted, "alice", "127.0.0.1")]
    [InlineData("Failed publickey for alice from 127.0.0.1 port 43936 ssh2: ED25519 SHA256:M7fHf2QX07l5A+64bI3weHg/UdaWYfYMU+Ol96/0E2c", SshdEventKind.FailedPublickey, "alice", "127.0.0.1")]
    [InlineData("Failed password for invalid user admin from 198.51.100.3 port 4242 ssh2", SshdEventKind.FailedOther, "admin", "198.51.100.3")]
    [InlineData("Connection closed by authenticating user alice 127.0.0.1 port 43936 [preauth]", SshdEventKind.End, "alice", "127.0.0.1")]
    [InlineData("Connection closed by invalid user nosuch 127.0.0.1 port 43940 [preauth]", SshdEventKind.End, "nosuch", "127.0.0.1")]
    [InlineData("Disconnected from user alice 127.0.0.1 port 43924", SshdEventKind.End, "alice", "127.0.0.1")]
    [InlineData("Disconnected from invalid user admin 198.51.100.3 port 4242 [preauth]", SshdEventKind.End, "admin", "198.51.100.3")]
    [InlineData("Connection closed by 198.51.100.3 port 4242 [preauth]", SshdEventKind.End, null, "198.51.100.3")]
    [InlineData("Connection from 127.0.0.1 port 43924 on 127.0.0.1 port 22222 rdomain \"\"", SshdEventKind.ConnectionFrom, null, "127.0.0.1")]
    public void Connection_lines(string line, SshdEventKind kind, string? user, string? address)
    {
        var e = SshdMessageClassifier.Classify(line);
        Assert.Equal(kind, e.Kind);
        Assert.Equal(user, e.UserText);
        Assert.Equal(address, e.AddressText);
    }

    [Theory]
    [InlineData("sshd: no hostkeys available -- exiting.", SSHD_HOST_KEYS_MISSING)]
    [InlineData("/etc/ssh/sshd_config line 12: Bad configuration option: PubkeyAcceptedKeyTypez", SSHD_CONFIG_INVALID)]
    [InlineData("error: Could not load host key: /etc/ssh/ssh_host_ed25519_key", SSHD_HOST_KEYS_MISSING)]
    public void Server_lines(string line, FindingId id)
    {
        var e = SshdMessageClassifier.Classify(line);
        Assert.Equal(SshdEventKind.Server, e.Kind);
        Assert.Equal(id, e.Cause);
    }

    [Theory]
    [InlineData("Server listening on 0.0.0.0 port 22.")]
    [InlineData("pam_unix(sshd:session): session opened for user alice(uid=1000) by (uid=0)")]
    [InlineData("Received disconnect from 198.51.100.3 port 4242:11: Bye Bye [preauth]")]
    // The reason is the client's text: a scanner cannot plant a server finding or a refusal through it.
    [InlineData("Received disconnect from 198.51.100.3 port 4242:11: write: No space left on device [preauth]")]
    [InlineData("Received disconnect from 198.51.100.3 port 4242:11: maximum authentication attempts exceeded for root from 1.2.3.4 port 1 ssh2")]
    [InlineData("")]
    public void Other_lines_are_ignored(string line)
    {
        Assert.Equal(SshdEventKind.None, SshdMessageClassifier.Classify(line).Kind);
    }
}
