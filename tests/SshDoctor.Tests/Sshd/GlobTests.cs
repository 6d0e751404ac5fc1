using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

public class GlobTests
{
    [Theory]
    [InlineData("10-a.conf", "*.conf", true)]
    [InlineData("10-a.conf", "[0-9]*.conf", true)]
    [InlineData("a-10.conf", "[0-9]*.conf", false)]
    [InlineData("x.conf", "[!0-9]*.conf", true)]
    [InlineData("5.conf", "[!0-9]*.conf", false)]
    [InlineData("a.conf", "?.conf", true)]
    [InlineData("ab.conf", "?.conf", false)]
    [InlineData("]x", "[]]x", true)]
    [InlineData("[x", "[x", true)]     // unterminated bracket is literal
    [InlineData("a.conf", "[", false)]
    [InlineData("a+b.conf", "a+b.conf", true)]
    public void FnMatch(string name, string pattern, bool expected) => Assert.Equal(expected, Glob.FnMatch(name, pattern));

    [Fact]
    public void Include_with_a_bracket_glob_reads_the_matching_files()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/50-cloud-init.conf", "PasswordAuthentication yes\n");
        t.File("/etc/ssh/sshd_config.d/local.conf", "PubkeyAuthentication no\n");
        t.Config("Include /etc/ssh/sshd_config.d/[0-9]*.conf\n");
        var c = ConfigParser.Parse(new TargetRoot(t.Root), Versions.V92);
        Assert.Equal(["/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/50-cloud-init.conf"], c.Files);
    }
}
