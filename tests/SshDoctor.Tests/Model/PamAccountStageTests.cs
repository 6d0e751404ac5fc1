using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>pam_unix's account stage under UsePAM yes (confirmed on sshd 9.2p1 by the lab's PamAccountScenarios).</summary>
public sealed class PamAccountStageTests
{
    private static UserReport Run(string aliceShadow, bool usePam = true)
    {
        using var tree = new TargetTree();
        tree.Config($"UsePAM {(usePam ? "yes" : "no")}\n");
        tree.File("/etc/shadow", "root:*:19000:0:99999:7:::\n" + aliceShadow, 640);
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        return Checks.Run(tree, "alice", TestKeys.A);
    }

    [Fact]
    public void An_inactive_password_or_a_missing_shadow_entry_refuses_after_the_key()
    {
        Assert.Equal(["PAM_ACCOUNT_DENIED"], Run("alice:*:19000:0:10:7:5::\n").Blocking());
        Assert.Equal(["PAM_ACCOUNT_DENIED"], Run("").Blocking());
        Assert.Equal(Verdict.Accepted, Run("", usePam: false).Verdict);
    }

    [Theory]
    [InlineData("alice:*:0:0:99999:7:::\n")]
    [InlineData("alice:*:19000:0:10:7:::\n")]
    public void A_required_password_change_is_a_warning(string shadow)
    {
        var r = Run(shadow);
        Assert.Equal(Verdict.Accepted, r.Verdict);
        Assert.Equal(Severity.Warning, r.Single(FindingId.PASSWORD_CHANGE_REQUIRED).Severity);
    }

    [Theory]
    [InlineData("alice:*:19000:0:-1:7:5::\n")]
    [InlineData("alice:*:19000:0::7:5::\n")]
    [InlineData("alice:*:99999:0:10:7:5::\n")]
    public void No_maximum_age_or_a_future_change_date_passes(string shadow) =>
        Assert.DoesNotContain(Run(shadow).Findings, f => f.Id is FindingId.PAM_ACCOUNT_DENIED or FindingId.PASSWORD_CHANGE_REQUIRED);
}
