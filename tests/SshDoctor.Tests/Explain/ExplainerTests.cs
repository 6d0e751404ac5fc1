using SshDoctor.Core.Explain;
using SshDoctor.Core.Findings;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Explain;

public class ExplainerTests
{
    private static List<FindingId> Ids(string text) => Explainer.Explain(text).Candidates.Select(c => c.Id).ToList();

    [Theory]
    [InlineData("サーバが鍵を拒否しました")]                       // WinSCP ja
    [InlineData("Le serveur a refusé la clé.")]                   // WinSCP fr
    [InlineData("서버가 키를 거부하였습니다.")]                      // WinSCP ko
    [InlineData("O servidor recusou a chave.")]                   // WinSCP pt (Portugal)
    [InlineData("Sua chave foi recusada.")]                       // WinSCP pt-BR
    [InlineData("Die Gegenstelle hat unseren Schlüssel abgelehnt.")]
    [InlineData("服务器拒绝接受我们的密钥。")]
    [InlineData("Server refused our key")]                         // PuTTY
    [InlineData("Using username \"ec2-user\".\nServer refused our key\nNo supported authentication methods available (server sent: publickey)")]
    [InlineData("ec2-user@54.1.2.3: Permission denied (publickey,gssapi-keyex,gssapi-with-mic).")]
    [InlineData("« Server Refused Our Key » (Clé refusée par le serveur)")] // AWS doc, fr
    [InlineData("O servidor recusou nossa chave")]                  // AWS doc, pt
    [InlineData("서버에서 키 거부")]                                  // AWS doc, ko
    public void Generic_refusal_lists_account_key_and_strictmodes_causes(string text)
    {
        var r = Explainer.Explain(text);
        Assert.True(r.Recognized);
        var ids = r.Candidates.Select(c => c.Id).ToList();
        Assert.Equal(USER_UNKNOWN, ids[0]);
        Assert.Contains(KEY_NOT_AUTHORIZED, ids);
        Assert.Contains(STRICTMODES_MODE, ids);
        Assert.True(ids.IndexOf(KEY_NOT_AUTHORIZED) < ids.IndexOf(STRICTMODES_MODE));
    }

    [Theory]
    [InlineData("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@         WARNING: UNPROTECTED PRIVATE KEY FILE!          @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nPermissions 0644 for 'key.pem' are too open.\nIt is required that your private key files are NOT accessible by others.\nThis private key will be ignored.\nLoad key \"key.pem\": bad permissions\nec2-user@1.2.3.4: Permission denied (publickey).", CLIENT_KEY_PERMISSIONS)]
    [InlineData("@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\nIT IS POSSIBLE THAT SOMEONE IS DOING SOMETHING NASTY!\nHost key verification failed.", HOST_KEY_CHANGED)]
    [InlineData("Load key \"mykey.ppk\": invalid format\nubuntu@host: Permission denied (publickey).", CLIENT_KEY_FORMAT)]
    [InlineData("Load key \"/home/me/.ssh/id_rsa\": error in libcrypto", CLIENT_KEY_FORMAT)]
    [InlineData("Unable to use key file \"C:\\Users\\me\\key.pem\" (OpenSSH SSH-2 private key (old PEM format))", CLIENT_KEY_FORMAT)]
    [InlineData("Received disconnect from 1.2.3.4 port 22:2: Too many authentication failures", TOO_MANY_AUTH_TRIES)]
    [InlineData("admin@1.2.3.4: Permission denied (password).", PUBKEY_AUTH_DISABLED)]
    [InlineData("Disconnected: No supported authentication methods available (server sent: password)", PUBKEY_AUTH_DISABLED)]
    [InlineData("This account is currently not available.\nConnection to 1.2.3.4 closed.", SHELL_NOLOGIN)]
    [InlineData("Please login as the user \"ec2-user\" rather than the user \"root\".", CLOUD_INIT_ROOT_DISABLED)]
    [InlineData("Your account has expired; please contact your system administrator.", USER_EXPIRED)]
    [InlineData("debug1: send_pubkey_test: no mutual signature algorithm", RSA_SHA1_REFUSED)]
    [InlineData("Server refused public-key signature despite accepting key!", RSA_SHA1_REFUSED)]
    [InlineData("Enter passphrase for key '/home/me/.ssh/id_ed25519':", CLIENT_KEY_ENCRYPTED)]
    [InlineData("The authenticity of host '1.2.3.4 (1.2.3.4)' can't be established.", HOST_KEY_UNKNOWN)]
    [InlineData("WARNING - POTENTIAL SECURITY BREACH!\nThe server's host key does not match the one PuTTY has cached in the registry.", HOST_KEY_CHANGED)]
    public void Specific_messages_name_their_cause_first(string text, FindingId expected)
    {
        Assert.Equal(expected, Ids(text)[0]);
    }

    [Theory]
    [InlineData("ssh: connect to host 1.2.3.4 port 22: Connection refused")]
    [InlineData("Network error: Connection refused")]
    [InlineData("ネットワーク エラー: \"ec2-1-2-3-4.compute.amazonaws.com\" への接続が拒否されました")]
    public void Connection_refused_means_sshd_is_not_running(string text)
    {
        var ids = Ids(text);
        Assert.Equal([NET_REFUSED, SSHD_HOST_KEYS_MISSING, SSHD_CONFIG_INVALID], ids.Take(3));
    }

    [Fact]
    public void Unknown_text_is_not_recognized()
    {
        var r = Explainer.Explain("The quick brown fox jumps over the lazy dog");
        Assert.False(r.Recognized);
        Assert.Empty(r.Candidates);
    }

    [Fact]
    public void User_and_host_from_the_message_fill_the_suggested_commands()
    {
        var r = Explainer.Explain("ubuntu@203.0.113.10: Permission denied (publickey).");
        var first = r.Candidates[0];
        Assert.Equal(USER_UNKNOWN, first.Id);
        Assert.Equal("sshdoctor probe ubuntu@203.0.113.10 -i KEY --users auto", first.Command);
        Assert.Contains(r.Candidates, c => c.Command == "sshdoctor check --user ubuntu --key KEY");
    }

    [Theory]
    [InlineData("Authentication refused: bad ownership or modes for directory /home/ec2-user", STRICTMODES_MODE)]
    [InlineData("Nov 21 05:54:43 ip-10-0-0-1 sshd[812]: Invalid user ubuntu from 203.0.113.9 port 50022", USER_UNKNOWN)]
    [InlineData("sshd[812]: userauth_pubkey: signature algorithm ssh-rsa not in PubkeyAcceptedAlgorithms [preauth]", RSA_SHA1_REFUSED)]
    [InlineData("2026-11-21T05:54:43.123456+00:00 web sshd-session[99]: ROOT LOGIN REFUSED FROM 203.0.113.9 port 50022", ROOT_LOGIN_REFUSED)]
    [InlineData("Could not open user 'ec2-user' authorized keys '/home/ec2-user/.ssh/authorized_keys': Permission denied", AUTHKEYS_UNREADABLE)]
    public void Pasted_sshd_lines_name_their_cause(string text, FindingId expected)
    {
        Assert.Equal(expected, Ids(text)[0]);
    }

    [Fact]
    public void Sshd_refusal_followed_by_the_close_is_not_reported_as_an_unauthorized_key()
    {
        var ids = Ids("""
            Connection from 127.0.0.1 port 43942 on 127.0.0.1 port 22222 rdomain ""
            Authentication refused: bad ownership or modes for directory /home/bob
            Failed publickey for bob from 127.0.0.1 port 43942 ssh2: ED25519 SHA256:U+7i6HSAP1qW0ypVkzQMNU9I4V0XIGFJrdM/UwxKInA
            Connection closed by authenticating user bob 127.0.0.1 port 43942 [preauth]
            """);
        Assert.Equal([STRICTMODES_MODE, STRICTMODES_OWNER], ids);
    }
}
