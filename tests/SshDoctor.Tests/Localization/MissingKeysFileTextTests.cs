using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Localization;

/// <summary>AUTHKEYS_MISSING's fix sentence states the owner and mode the file must get: the user's 600 in home, root's 644 centrally.</summary>
public sealed class MissingKeysFileTextTests
{
    [Theory]
    [InlineData(Lang.En, "owned by alice with mode 600", "owned by root with mode 644")]
    [InlineData(Lang.Fr, "avec alice pour propriétaire et le mode 600", "avec root pour propriétaire et le mode 644")]
    [InlineData(Lang.Pt, "com alice como dono e permissão 600", "com root como dono e permissão 644")]
    [InlineData(Lang.Ko, "소유자 alice, 권한 600으로", "소유자 root, 권한 644로")]
    [InlineData(Lang.Ja, "所有者 alice、権限 600 で", "所有者 root、権限 644 で")]
    public void The_fix_names_the_real_owner_and_mode(Lang lang, string inHome, string central)
    {
        var m = Messages.For(lang);
        using (var t = new TargetTree())
        {
            File.Delete(t.Host("/home/alice/.ssh/authorized_keys"));
            var f = Checks.Run(t, "alice", TestKeys.A).Single(FindingId.AUTHKEYS_MISSING);
            Assert.Contains(inHome, m.FixSummary(f));
        }
        using (var t = new TargetTree().Config("Include /etc/ssh/sshd_config.d/*.conf\nAuthorizedKeysFile /etc/ssh/keys/%u\n").Dir("/etc/ssh/keys", 755))
        {
            var f = Checks.Run(t, "alice", TestKeys.A).Single(FindingId.AUTHKEYS_MISSING);
            Assert.Equal("/etc/ssh/keys/alice", f.Path);
            Assert.Contains(central, m.FixSummary(f));
        }
    }
}
