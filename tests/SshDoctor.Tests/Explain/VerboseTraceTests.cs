using SshDoctor.Core.Explain;
using static SshDoctor.Core.Findings.FindingId;

namespace SshDoctor.Tests.Explain;

/// <summary>Real `ssh -vvv` output of OpenSSH 9.2 against a lab sshd (TestData/ssh-vvv).</summary>
public class VerboseTraceTests
{
    private static ExplainResult Run(string name) => Explainer.Explain(TestFiles.Read("TestData/ssh-vvv/" + name));

    [Fact]
    public void Key_not_in_authorized_keys_reads_offered_keys_and_methods()
    {
        var r = Run("notauth.txt");
        Assert.NotNull(r.Trace);
        Assert.Single(r.Trace!.Offered);
        Assert.Empty(r.Trace.Accepted);
        Assert.Contains("publickey", r.Trace.ServerMethods!);
        Assert.Equal("alice", r.User);
        Assert.Equal("/tmp/lab/keys/other", r.Key);
        Assert.Contains(r.Signals, s => s.Kind == ClientMessage.TraceKeysRefused);
        var ids = r.Candidates.Select(c => c.Id).ToList();
        Assert.Equal(USER_UNKNOWN, ids[0]);
        Assert.Equal(KEY_NOT_AUTHORIZED, ids[1]);
        Assert.Equal("sshdoctor probe alice@127.0.0.1:22222 -i /tmp/lab/keys/other --users auto", r.Candidates[0].Command);
    }

    [Fact]
    public void Successful_login_shows_no_refusal()
    {
        var r = Run("ok.txt");
        Assert.True(r.Recognized);
        Assert.True(r.Trace!.Authenticated);
        Assert.Single(r.Trace.Accepted);
        Assert.Empty(r.Candidates);
    }

    [Fact]
    public void Partial_success_means_authentication_methods()
    {
        var r = Run("authmethods.txt");
        Assert.True(r.Trace!.PartialSuccess);
        Assert.Equal(AUTH_METHODS_REQUIRED, r.Candidates[0].Id);
        Assert.DoesNotContain(r.Candidates, c => c.Id == KEY_NOT_AUTHORIZED);
    }

    [Fact]
    public void Server_without_publickey_method()
    {
        var r = Run("pubkeyoff.txt");
        Assert.DoesNotContain("publickey", r.Trace!.ServerMethods!);
        Assert.Equal(PUBKEY_AUTH_DISABLED, r.Candidates[0].Id);
    }

    [Fact]
    public void Refused_rsa_key_keeps_algorithm_causes_in_the_list()
    {
        var r = Run("algo.txt");
        Assert.Contains(r.Candidates, c => c.Id == RSA_SHA1_REFUSED);
        Assert.Contains(r.Candidates, c => c.Id == KEY_ALGORITHM_REFUSED);
    }

    [Fact]
    public void Accepted_key_then_refused_rules_out_key_lookup_causes()
    {
        const string trace = """
            debug1: Authenticating to 203.0.113.5:22 as 'root'
            debug1: Authentications that can continue: publickey
            debug1: Offering public key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc explicit
            debug1: Server accepts key: /home/me/.ssh/id_ed25519 ED25519 SHA256:abc explicit
            debug1: Authentications that can continue: publickey
            debug1: No more authentication methods to try.
            root@203.0.113.5: Permission denied (publickey).
            """;
        var r = Explainer.Explain(trace);
        Assert.Equal(ROOT_LOGIN_REFUSED, r.Candidates[0].Id);
        Assert.DoesNotContain(r.Candidates, c => c.Id is KEY_NOT_AUTHORIZED or USER_UNKNOWN or STRICTMODES_MODE);
    }

    [Fact]
    public void Real_trace_root_key_accepted_then_refused()
    {
        var r = Run("rootrefused.txt");
        Assert.Single(r.Trace!.Accepted);
        Assert.Equal("root", r.User);
        Assert.Equal(ROOT_LOGIN_REFUSED, r.Candidates[0].Id);
        Assert.DoesNotContain(r.Candidates, c => c.Id is KEY_NOT_AUTHORIZED or USER_UNKNOWN or STRICTMODES_MODE or NOLOGIN_FILE);
    }

    [Fact]
    public void No_key_offered_points_at_the_client_key()
    {
        const string trace = """
            debug1: identity file /home/me/key.ppk type -1
            debug1: Authentications that can continue: publickey
            debug1: No more authentication methods to try.
            me@203.0.113.5: Permission denied (publickey).
            """;
        var r = Explainer.Explain(trace);
        Assert.Equal(CLIENT_KEY_FORMAT, r.Candidates[0].Id);
        Assert.Equal("/home/me/key.ppk", r.Key);
    }
}
