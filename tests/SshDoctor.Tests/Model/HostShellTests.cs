using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Repair;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>The two forms of a printed command: the live system's names and reload, the rescue host's prefix and numbers.</summary>
public sealed class HostShellTests
{
    private static readonly Accounts Accounts = Core.Target.Accounts.Parse(
        "root:x:0:0::/root:/bin/bash\nec2-user:x:1000:1000::/home/ec2-user:/bin/bash\n", "root:x:0:\nec2-user:x:1000:\n", "");

    private static HostShell Live(string os = "ID=debian\n") => new(new TargetRoot("/"), Accounts, OsRelease.Parse(os));
    private static HostShell Rescue => new(new TargetRoot("/mnt/rescue"), Accounts, OsRelease.Parse("ID=amzn\n"));

    [Fact]
    public void Live_commands_use_the_target_names_and_reload_its_service()
    {
        var sh = Live();
        Assert.False(sh.OnRescueHost);
        Assert.Equal("chown -h ec2-user:ec2-user /home/ec2-user", sh.Chown(sh.Owner(1000, 1000), "/home/ec2-user"));
        Assert.Equal(["sshd -t && systemctl reload ssh"], sh.Reload);
        Assert.Equal(["sshd -t && systemctl reload sshd"], Live("ID=amzn\n").Reload);
        Assert.Equal("usermod -s /bin/bash ec2-user", sh.UserMod("-s /bin/bash", "ec2-user"));
        Assert.Equal("chage -E -1 ec2-user", sh.ClearExpiry("ec2-user"));
        Assert.Equal("ssh-keygen -A", sh.HostKeys);
    }

    [Fact]
    public void Rescue_commands_carry_the_mount_point_numeric_owners_and_no_reload()
    {
        var sh = Rescue;
        Assert.True(sh.OnRescueHost);
        Assert.Equal("if [ \"$(readlink -f -- /mnt/rescue/home/ec2-user)\" = \"$(readlink -f -- /mnt/rescue)\"/home/ec2-user ]; "
            + "then chown -h 1000:1000 /mnt/rescue/home/ec2-user; "
            + "else echo 'sshdoctor: /mnt/rescue/home/ec2-user is or goes through a link: not changed' >&2; false; fi",
            sh.Chown(sh.Owner(1000, 1000), "/home/ec2-user"));
        Assert.Equal("if [ \"$(readlink -f -- '/mnt/rescue/home/a b')\" = \"$(readlink -f -- /mnt/rescue)\"'/home/a b' ]; then chmod 700 '/mnt/rescue/home/a b'; "
            + "else echo 'sshdoctor: /mnt/rescue/home/a b is or goes through a link: not changed' >&2; false; fi", sh.Chmod("700", "/home/a b"));
        Assert.Empty(sh.Reload);
        Assert.Equal("usermod --prefix /mnt/rescue -s /bin/bash ec2-user", sh.UserMod("-s /bin/bash", "ec2-user"));
        Assert.Equal("usermod --prefix /mnt/rescue -e '' ec2-user", sh.ClearExpiry("ec2-user"));
        Assert.Equal("ssh-keygen -A -f /mnt/rescue", sh.HostKeys);
        Assert.Contains("then touch /mnt/rescue/.autorelabel; else", sh.RestoreLabels("/home/ec2-user/.ssh"));
        Assert.Contains("then sed -i '3s/a/b/' /mnt/rescue/etc/ssh/sshd_config; else", sh.SedInPlace("3s/a/b/", "/etc/ssh/sshd_config"));
        Assert.Contains("then [ -e /mnt/rescue/home/ec2-user/.ssh/authorized_keys ] || [ -L /mnt/rescue/home/ec2-user/.ssh/authorized_keys ] || install -m 600 -o 1000 -g 1000 /dev/null ",
            sh.CreateEmptyFile("/home/ec2-user/.ssh/authorized_keys", 1000, 1000));
    }

    [Fact]
    public void Repair_actions_print_in_the_form_of_where_they_run()
    {
        var chown = new ChownAction(FindingId.STRICTMODES_OWNER, "/home/ec2-user", 1000, 1000, "ec2-user");
        Assert.Equal("chown -h ec2-user:ec2-user /home/ec2-user", chown.CommandFor(Live()));
        Assert.Contains("then chown -h 1000:1000 /mnt/rescue/home/ec2-user; else", chown.CommandFor(Rescue));
        var mkdir = new MakeDirectoryAction(FindingId.HOME_MISSING, "/home/ec2-user", 0x1C0, 1000, 1000, true);
        Assert.Equal("if [ \"$(readlink -f -- /mnt/rescue/home/ec2-user)\" = \"$(readlink -f -- /mnt/rescue)\"/home/ec2-user ] "
            + "&& [ \"$(readlink -f -- /mnt/rescue/etc/skel)\" = \"$(readlink -f -- /mnt/rescue)\"/etc/skel ]; "
            + "then [ -d /mnt/rescue/home/ec2-user ] || { mkdir -m 700 /mnt/rescue/home/ec2-user && cp -a /mnt/rescue/etc/skel/. /mnt/rescue/home/ec2-user/ && chown -R 1000:1000 /mnt/rescue/home/ec2-user; }; "
            + "else echo 'sshdoctor: /mnt/rescue/home/ec2-user or /mnt/rescue/etc/skel is or goes through a link: not changed' >&2; false; fi",
            mkdir.CommandFor(Rescue));
    }

    [Fact]
    public void Shadow_last_change_on_a_rescue_host_edits_only_that_users_field_once()
    {
        using var t = new TargetTree();
        t.File("/etc/shadow", "root:*:19000:0:99999:7:::\nalice:*:0:0:99999:7:::\nalice2:*:0:0:99999:7:::\n", 640);
        var sh = new HostShell(new TargetRoot(t.Root), t.Context().Accounts, OsRelease.Parse("ID=debian\n"));
        var day = new DateTimeOffset(2026, 12, 2, 0, 0, 0, TimeSpan.Zero);
        var command = sh.SetLastChange("alice", day);
        for (var i = 0; i < 2; i++)
        {
            using var p = System.Diagnostics.Process.Start("/bin/sh", ["-c", command])!;
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
        }
        Assert.Equal($"root:*:19000:0:99999:7:::\nalice:*:{day.ToUnixTimeSeconds() / 86400}:0:99999:7:::\nalice2:*:0:0:99999:7:::\n",
            File.ReadAllText(t.Host("/etc/shadow")));
    }
}
