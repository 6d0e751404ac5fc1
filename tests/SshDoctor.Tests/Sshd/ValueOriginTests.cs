using SshDoctor.Core.Sshd;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>Where each effective value came from: config line, drop-in, Match block, service manager, back-end, default.</summary>
public sealed class ValueOriginTests
{
    private static IReadOnlyDictionary<string, EffectiveValue> Listing(TargetTree t, string user = "alice")
    {
        var ctx = t.Context();
        var cfg = ctx.EffectiveFor(ctx.Accounts.ByName(user), user, "192.0.2.10");
        return EffectiveListing.For(cfg, ctx.Config).GroupBy(v => v.Keyword).ToDictionary(g => g.Key, g => g.First());
    }

    [Fact]
    public void Config_line_drop_in_match_block_and_default()
    {
        using var t = new TargetTree()
            .Config("Include /etc/ssh/sshd_config.d/*.conf\nMaxAuthTries 4\nMatch User alice\n    PubkeyAuthentication no\n")
            .File("/etc/ssh/sshd_config.d/10-pam.conf", "UsePAM yes\n");
        var v = Listing(t);
        Assert.Equal(new ValueOrigin(OriginKind.ConfigFile, "/etc/ssh/sshd_config", 2), v["maxauthtries"].Origin);
        Assert.Equal(new ValueOrigin(OriginKind.DropIn, "/etc/ssh/sshd_config.d/10-pam.conf", 1), v["usepam"].Origin);
        Assert.Equal(new ValueOrigin(OriginKind.ConfigFile, "/etc/ssh/sshd_config", 4, "user alice", "/etc/ssh/sshd_config:3"), v["pubkeyauthentication"].Origin);
        Assert.Equal("no", v["pubkeyauthentication"].Value);
        Assert.Equal(ValueOrigin.Default, v["strictmodes"].Origin);
        // bob is outside the Match block: the compiled-in default.
        Assert.Equal(ValueOrigin.Default, Listing(t, "bob")["pubkeyauthentication"].Origin);
    }

    [Fact]
    public void Red_hat_unit_options_come_from_sysconfig()
    {
        using var t = new TargetTree("rhel", "9")
            .File("/usr/lib/systemd/system/sshd.service", "[Service]\nEnvironmentFile=-/etc/sysconfig/sshd\nExecStart=/usr/sbin/sshd -D $OPTIONS\n")
            .File("/etc/sysconfig/sshd", "# options\nOPTIONS=\"-o PubkeyAuthentication=no\"\n");
        var v = Listing(t);
        Assert.Equal(new ValueOrigin(OriginKind.SysconfigOptions, "/etc/sysconfig/sshd", 2), v["pubkeyauthentication"].Origin);
    }

    [Fact]
    public void Unit_options_win_over_the_config_file()
    {
        using var t = new TargetTree()
            .Config("Include /etc/ssh/sshd_config.d/*.conf\nAuthorizedKeysFile .ssh/other\n")
            .File("/lib/systemd/system/ssh.service", "[Service]\nExecStart=/usr/sbin/sshd -D -o \"AuthorizedKeysFile %%h/.ssh/authorized_keys\"\n");
        var v = Listing(t)["authorizedkeysfile"];
        Assert.Equal("%h/.ssh/authorized_keys", v.Value);
        Assert.Equal(new ValueOrigin(OriginKind.ServiceUnit, "/lib/systemd/system/ssh.service", 2), v.Origin);
    }

    [Fact]
    public void Crypto_policy_back_end_included_from_50_redhat()
    {
        using var t = new TargetTree("amzn", "2023")
            .File("/etc/ssh/sshd_config.d/50-redhat.conf", "Include /etc/crypto-policies/back-ends/opensshserver.config\nUsePAM yes\n")
            .File("/etc/crypto-policies/back-ends/opensshserver.config", "Ciphers aes256-gcm@openssh.com\nPubkeyAcceptedAlgorithms ssh-ed25519,rsa-sha2-256\n");
        var v = Listing(t)["pubkeyacceptedalgorithms"];
        Assert.Equal("ssh-ed25519,rsa-sha2-256", v.Value);
        Assert.Equal(new ValueOrigin(OriginKind.CryptoPolicy, "/etc/crypto-policies/back-ends/opensshserver.config", 2), v.Origin);
    }
}
