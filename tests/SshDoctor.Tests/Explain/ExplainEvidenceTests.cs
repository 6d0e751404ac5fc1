using SshDoctor.Core.Explain;
using SshDoctor.Core.Findings;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Explain;

/// <summary>explain ranks by what the pasted text proves, and drops what it excludes.</summary>
public sealed class ExplainEvidenceTests
{
    private static List<FindingId> Ids(string text) => Explainer.Explain(text).Candidates.Select(c => c.Id).ToList();

    [Theory]
    [InlineData("ssh: connect to host 203.0.113.7 port 22: Connection timed out", NET_TIMEOUT)]
    [InlineData("Network error: Connection timed out", NET_TIMEOUT)]
    [InlineData("kex_exchange_identification: read: Connection reset by peer\nConnection reset by 203.0.113.7 port 22", NET_RESET)]
    [InlineData("kex_exchange_identification: Connection closed by remote host\nConnection closed by 203.0.113.7 port 22", NET_RESET)]
    [InlineData("Network error: Software caused connection abort", NET_RESET)]
    [InlineData("Unable to negotiate with 203.0.113.7 port 22: no matching key exchange method found. Their offer: diffie-hellman-group1-sha1", KEX_NO_COMMON)]
    [InlineData("Unable to negotiate with 203.0.113.7 port 22: no matching host key type found. Their offer: ssh-rsa", KEX_NO_COMMON)]
    [InlineData("ssh: connect to host 203.0.113.7 port 22: Connection refused", NET_REFUSED)]
    public void Network_layer_messages_name_their_layer_and_nothing_after_it(string text, FindingId expected)
    {
        var ids = Ids(text);
        Assert.Equal(expected, ids[0]);
        // The connection never reached authentication: no account or key cause is listed.
        Assert.DoesNotContain(KEY_NOT_AUTHORIZED, ids);
        Assert.DoesNotContain(USER_UNKNOWN, ids);
    }

    [Fact]
    public void Session_manager_tunnel_closing_points_at_sshd_on_the_instance()
    {
        var ids = Ids("Connection closed by UNKNOWN port 65535");
        Assert.Equal(NET_REFUSED, ids[0]);
        Assert.Contains(NET_RESET, ids);
    }

    [Fact]
    public void Non_ssh_banner_lines_in_ssh_v_mean_another_service()
    {
        var ids = Ids("""
            debug1: Connecting to 203.0.113.7 [203.0.113.7] port 80.
            debug1: Connection established.
            debug1: kex_exchange_identification: banner line 0: HTTP/1.1 400 Bad Request
            kex_exchange_identification: Connection closed by remote host
            Connection closed by 203.0.113.7 port 80
            """);
        Assert.Equal(NET_NOT_SSH, ids[0]);
        Assert.DoesNotContain(NET_RESET, ids);
    }

    [Fact]
    public void An_unprotected_key_warning_ranks_first_even_for_root()
    {
        var ids = Ids("""
            debug1: Authenticating to 203.0.113.7:22 as 'root'
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            @         WARNING: UNPROTECTED PRIVATE KEY FILE!          @
            @@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@
            Permissions 0644 for '/home/me/aws.pem' are too open.
            This private key will be ignored.
            Load key "/home/me/aws.pem": bad permissions
            debug1: Authentications that can continue: publickey
            root@203.0.113.7: Permission denied (publickey).
            """);
        Assert.Equal(CLIENT_KEY_PERMISSIONS, ids[0]);
    }

    [Fact]
    public void A_non_rsa_key_excludes_rsa_causes()
    {
        var ids = Ids("""
            debug1: Authenticating to 203.0.113.7:22 as 'ec2-user'
            debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc explicit
            debug1: Authentications that can continue: publickey
            ec2-user@203.0.113.7: Permission denied (publickey).
            """);
        Assert.DoesNotContain(RSA_SHA1_REFUSED, ids);
        Assert.DoesNotContain(KEY_RSA_TOO_SMALL, ids);
        Assert.Contains(KEY_NOT_AUTHORIZED, ids);
    }

    [Fact]
    public void An_rsa_key_keeps_the_rsa_cause()
    {
        var ids = Ids("""
            debug1: Offering public key: /home/me/.ssh/id_rsa RSA SHA256:abc explicit
            debug1: Authentications that can continue: publickey
            me@203.0.113.7: Permission denied (publickey).
            """);
        Assert.Contains(RSA_SHA1_REFUSED, ids);
    }

    [Fact]
    public void A_bare_refusal_gives_a_few_causes_and_the_command_that_tells_them_apart()
    {
        var r = Explainer.Explain("Server refused our key");
        Assert.InRange(r.Candidates.Count, 2, Explainer.MaxBareCandidates);
        Assert.Equal(USER_UNKNOWN, r.Candidates[0].Id);
        Assert.Contains(r.Candidates, c => c.Id == KEY_NOT_AUTHORIZED);
        Assert.NotNull(r.Decider);
        Assert.StartsWith("sshdoctor probe USER@HOST -i KEY --users auto", r.Decider, StringComparison.Ordinal);
    }

    [Fact]
    public void A_windows_key_path_from_putty_is_quoted_whole()
    {
        var r = Explainer.Explain("Unable to use key file \"C:\\Users\\me\\aws.pem\" (OpenSSH SSH-2 private key (old PEM format))");
        Assert.Equal(@"C:\Users\me\aws.pem", r.Key);
        Assert.Contains(r.Candidates, c => c.Command == "sshdoctor key inspect \"C:\\Users\\me\\aws.pem\"");
        var spaced = Explainer.Explain("Unable to use key file \"C:\\Users\\My Name\\my key.ppk\" (unable to open file)");
        Assert.Contains(spaced.Candidates, c => c.Command.EndsWith("\"C:\\Users\\My Name\\my key.ppk\"", StringComparison.Ordinal));
    }
}
