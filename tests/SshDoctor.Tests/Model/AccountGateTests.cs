using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

public class AccountGateTests
{
    private static UserReport Run(string config, string user = "alice", string? from = "192.0.2.10", Action<TargetTree>? setup = null)
    {
        using var t = new TargetTree();
        t.Config(config);
        t.Keys(user, TestKeys.Ed25519A + "\n");
        setup?.Invoke(t);
        return Checks.Run(t, user, TestKeys.A, from);
    }

    [Theory]
    [InlineData("AllowUsers bob\n", true)]
    [InlineData("AllowUsers bob\nAllowUsers alice\n", false)]
    [InlineData("AllowUsers a*\n", false)]
    [InlineData("DenyUsers alice\n", true)]
    [InlineData("DenyUsers *\nAllowUsers alice\n", true)]
    [InlineData("AllowGroups staff\n", false)]  // supplementary group from /etc/group
    [InlineData("AllowGroups wheel\n", true)]
    [InlineData("DenyGroups alice\n", true)]    // primary group
    [InlineData("AllowUsers alice@192.0.2.0/24\n", false)]
    [InlineData("AllowUsers alice@10.0.0.0/8\n", true)]
    [InlineData("DenyUsers alice@192.0.2.*\n", true)]
    [InlineData("Match User alice\n  AllowUsers bob\n", true)]
    [InlineData("AllowUsers bob\nMatch User alice\n  AllowUsers alice\n", false)]
    public void Allow_and_deny(string config, bool denied)
    {
        var r = Run(config);
        Assert.Equal(denied, r.Findings.Any(f => f.Id == FindingId.USER_DENIED));
        Assert.Equal(denied ? Verdict.Refused : Verdict.Accepted, r.Verdict);
    }

    [Fact]
    public void Deny_finding_names_the_directive_and_its_line()
    {
        var f = Run("Port 22\nDenyUsers bob alice\n").Single(FindingId.USER_DENIED);
        Assert.Equal("DenyUsers", f.Args["directive"]);
        Assert.Equal("/etc/ssh/sshd_config:2", f.Args["source"]);
    }

    [Fact]
    public void AllowUsers_with_a_host_part_and_no_from_is_currently_a_refusal()
    {
        // Documents current behaviour: without --from, "alice@10.0.0.0/8" cannot be decided; the model
        // treats it as not matching (USER_DENIED) rather than as an address condition (verdict "unknown").
        var r = Run("AllowUsers alice@10.0.0.0/8\n", from: null);
        Assert.Contains(r.Findings, f => f.Id == FindingId.USER_DENIED);
    }

    [Fact]
    public void Locked_account_only_blocks_without_pam()
    {
        static void Lock(TargetTree t) => t.File("/etc/shadow", "root:*:19000:0:99999:7:::\nalice:!$6$x$y:19000:0:99999:7:::\n", 640);
        Assert.Equal(["USER_LOCKED"], Run("UsePAM no\n", setup: Lock).Blocking());
        Assert.Empty(Run("UsePAM yes\n", setup: Lock).Blocking());
    }

    [Fact]
    public void Star_password_is_not_locked()
    {
        Assert.Empty(Run("UsePAM no\n").Blocking()); // default tree: alice has "*"
    }

    [Fact]
    public void Expired_account()
    {
        static void Expire(TargetTree t) => t.File("/etc/shadow", "root:*:19000:0:99999:7:::\nalice:*:19000:0:99999:7::1:\n", 640);
        Assert.Equal(["USER_EXPIRED"], Run("UsePAM no\n", setup: Expire).Blocking());
        Assert.Equal(["USER_EXPIRED"], Run("UsePAM yes\n", setup: Expire).Blocking());
    }

    [Fact]
    public void Missing_shell()
    {
        var r = Run("", setup: t => t.File("/etc/passwd", "root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/zsh\n"));
        Assert.Equal(["USER_SHELL_INVALID"], r.Blocking());
    }

    [Fact]
    public void Non_executable_shell()
    {
        var r = Run("", setup: t => t.Chmod("/bin/bash", 644));
        Assert.Equal(["USER_SHELL_INVALID"], r.Blocking());
    }

    [Fact]
    public void Shell_is_not_checked_with_chroot()
    {
        var r = Run("ChrootDirectory /srv\n", setup: t => t.File("/etc/passwd", "root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/bin/zsh\n"));
        Assert.DoesNotContain("USER_SHELL_INVALID", r.Blocking());
    }

    [Fact]
    public void Nologin_shell_is_only_a_warning()
    {
        var r = Run("", setup: t => t.File("/usr/sbin/nologin", "#!fake\n", 755)
            .File("/etc/passwd", "root:x:0:0::/root:/bin/bash\nalice:x:1000:1000::/home/alice:/usr/sbin/nologin\n"));
        Assert.Empty(r.Blocking());
        Assert.Contains(r.Findings, f => f.Id == FindingId.SHELL_NOLOGIN && f.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("PermitRootLogin no\n", "", true)]
    [InlineData("PermitRootLogin prohibit-password\n", "", false)]
    [InlineData("PermitRootLogin without-password\n", "", false)]
    [InlineData("PermitRootLogin forced-commands-only\n", "", true)]
    [InlineData("PermitRootLogin forced-commands-only\n", "command=\"/usr/bin/backup\" ", false)]
    [InlineData("", "", false)]
    public void Root_login(string config, string options, bool refused)
    {
        using var t = new TargetTree();
        t.Config(config);
        t.Dir("/root/.ssh", 700).File("/root/.ssh/authorized_keys", options + TestKeys.Ed25519A + "\n", 600);
        var r = Checks.Run(t, "root", TestKeys.A);
        Assert.Equal(refused, r.Findings.Any(f => f.Id == FindingId.ROOT_LOGIN_REFUSED));
    }

    [Fact]
    public void Nologin_file_blocks_non_root_users()
    {
        Assert.Equal(["NOLOGIN_FILE"], Run("UsePAM yes\n", setup: t => t.File("/etc/nologin", "maintenance\n")).Blocking());
    }
}
