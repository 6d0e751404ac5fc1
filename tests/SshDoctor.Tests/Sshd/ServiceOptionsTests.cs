using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

/// <summary>The service manager's -o options are part of the effective configuration and win over the file.</summary>
public sealed class ServiceOptionsTests
{
    [Fact]
    public void A_systemd_drop_in_ExecStart_option_wins_over_sshd_config_and_says_where_it_came_from()
    {
        using var tree = new TargetTree();
        tree.Config("PubkeyAuthentication yes\n");
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        tree.Dir("/usr").Dir("/usr/lib").Dir("/usr/lib/systemd").Dir("/usr/lib/systemd/system")
            .File("/usr/lib/systemd/system/ssh.service", "[Service]\nEnvironmentFile=-/etc/default/ssh\nExecStart=/usr/sbin/sshd -D $SSHD_OPTS\n")
            .Dir("/etc/systemd").Dir("/etc/systemd/system").Dir("/etc/systemd/system/ssh.service.d")
            .File("/etc/systemd/system/ssh.service.d/override.conf", "[Service]\nExecStart=\nExecStart=/usr/sbin/sshd -D -o PubkeyAuthentication=no\n");
        var r = Checks.Run(tree, "alice", TestKeys.A);
        var f = r.Single(FindingId.PUBKEY_AUTH_DISABLED);
        Assert.Equal("/etc/systemd/system/ssh.service.d/override.conf:3", f.Args["source"]);
    }

    [Fact]
    public void SSHD_OPTS_in_etc_default_ssh_is_read_as_the_unit_would()
    {
        using var tree = new TargetTree();
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        tree.Dir("/etc/default").File("/etc/default/ssh", "# options\nSSHD_OPTS=\"-o AuthorizedKeysFile=.ssh/other_keys\"\n");
        var r = Checks.Run(tree, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        Assert.Contains(r.Findings, f => f.Args.TryGetValue("source", out var s) && s == "/etc/default/ssh:2");
    }

    [Fact]
    public void Red_Hat_OPTIONS_and_the_EC2_Instance_Connect_drop_in()
    {
        using var tree = new TargetTree("amzn", "2023");
        tree.Keys("alice", TestKeys.Ed25519A + "\n");
        tree.Dir("/usr").Dir("/usr/lib").Dir("/usr/lib/systemd").Dir("/usr/lib/systemd/system")
            .File("/usr/lib/systemd/system/sshd.service", "[Service]\nEnvironmentFile=-/etc/sysconfig/sshd\nExecStart=/usr/sbin/sshd -D $OPTIONS\n")
            .Dir("/usr/lib/systemd/system/sshd.service.d")
            .File("/usr/lib/systemd/system/sshd.service.d/ec2-instance-connect.conf",
                "[Service]\nExecStart=\nExecStart=/usr/sbin/sshd -D -o \"AuthorizedKeysCommand /opt/aws/bin/eic_run_authorized_keys %%u %%f\" -o \"AuthorizedKeysCommandUser ec2-instance-connect\" $OPTIONS\n")
            .Dir("/etc/sysconfig").File("/etc/sysconfig/sshd", "OPTIONS=\"-oStrictModes=no\"\n");
        var ctx = tree.Context();
        Assert.Contains(ctx.Service.Options, o => o.Line.StartsWith("AuthorizedKeysCommand /opt/aws/bin/eic_run_authorized_keys", StringComparison.Ordinal));
        Assert.Contains(ctx.Service.Options, o => o.Line == "StrictModes no" && o.Source.File == "/etc/sysconfig/sshd");
        var cfg = ctx.EffectiveFor(ctx.Accounts.ByName("alice"), "alice", null);
        Assert.False(cfg.StrictModes.Value);
        Assert.Equal("ec2-instance-connect", cfg.AuthorizedKeysCommandUser.Value);
    }
}
