using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Target;

public class OsAndVersionTests
{
    [Theory]
    [InlineData("ID=debian\nVERSION_ID=\"12\"\n", "debian", "12", true)]
    [InlineData("ID=ubuntu\nVERSION_ID=\"22.04\"\n", "ubuntu", "22.04", true)]
    [InlineData("ID=\"amzn\"\nVERSION_ID=\"2023\"\nID_LIKE=\"fedora\"\n", "amzn", "2023", false)]
    [InlineData("ID=linuxmint\nID_LIKE=\"ubuntu debian\"\n", "linuxmint", "", true)]
    [InlineData("ID='rocky'\nID_LIKE='rhel centos fedora'\n", "rocky", "", false)]
    [InlineData("# nothing\n", "unknown", "", false)]
    public void Os_release(string text, string id, string version, bool debian)
    {
        var os = OsRelease.Parse(text);
        Assert.Equal(id, os.Id);
        Assert.Equal(version, os.VersionId);
        Assert.Equal(debian, os.IsDebianFamily);
    }

    [Fact]
    public void Os_release_falls_back_to_usr_lib()
    {
        using var t = new TargetTree();
        File.Delete(t.Host("/etc/os-release"));
        t.File("/usr/lib/os-release", "ID=fedora\nVERSION_ID=40\n");
        Assert.Equal("fedora", OsRelease.Load(new TargetRoot(t.Root)).Id);
    }

    [Fact]
    public void Version_from_dpkg_status_drops_the_epoch()
    {
        using var t = new TargetTree();
        t.File("/var/lib/dpkg/status",
            "Package: openssh-client\nStatus: install ok installed\nVersion: 1:8.4p1-5\n\n" +
            "Package: openssh-server\nStatus: install ok installed\nVersion: 1:9.6p1-3ubuntu13\n\n");
        var v = SshdVersionDetector.Detect(new TargetRoot(t.Root), OsRelease.Parse("ID=debian\nVERSION_ID=12\n"));
        Assert.Equal("9.6p1", v.Text);
        Assert.Equal("dpkg", v.Source);
    }

    [Fact]
    public void Version_from_dpkg_when_openssh_server_is_the_first_stanza()
    {
        using var t = new TargetTree();
        t.File("/var/lib/dpkg/status", "Package: openssh-server\nVersion: 1:8.9p1-3\n\nPackage: zlib\nVersion: 1.2\n");
        Assert.Equal("8.9p1", SshdVersionDetector.Detect(new TargetRoot(t.Root), OsRelease.Unknown).Text);
    }

    [Fact]
    public void Version_from_the_binary()
    {
        using var t = new TargetTree();
        t.Bytes("/usr/sbin/sshd", [0x7f, .. "ELF\0\0garbage\0OpenSSH_8.7p1, OpenSSL 3.0.7\0more"u8.ToArray()], 755);
        var v = SshdVersionDetector.Detect(new TargetRoot(t.Root), OsRelease.Parse("ID=debian\nVERSION_ID=12\n"));
        Assert.Equal("8.7p1", v.Text);
        Assert.Equal("binary", v.Source);
    }

    [Fact]
    public void Compat_patterns_in_the_binary_are_not_its_version()
    {
        using var t = new TargetTree();
        t.Bytes("/usr/sbin/sshd", [0x7f, .. "ELF\0OpenSSH_2.*,OpenSSH_3.0*,OpenSSH_3.1*\0OpenSSH_7.4*\0OpenSSH_10.0p2\0"u8.ToArray()], 755);
        var v = SshdVersionDetector.Detect(new TargetRoot(t.Root), OsRelease.Parse("ID=linux\n"));
        Assert.Equal("10.0p2", v.Text);
    }

    [Theory]
    [InlineData("debian", "11", "8.4p1")]
    [InlineData("ubuntu", "22.04", "8.9p1")]
    [InlineData("amzn", "2", "7.4p1")]
    [InlineData("rhel", "9.3", "8.7p1")]
    [InlineData("rocky", "8.9", "8.0p1")]
    public void Version_from_the_distribution(string id, string version, string expected)
    {
        using var t = new TargetTree(id, version);
        var v = SshdVersionDetector.Detect(new TargetRoot(t.Root), OsRelease.Parse($"ID={id}\nVERSION_ID=\"{version}\"\n"));
        Assert.Equal(expected, v.Text);
        Assert.Equal("default", v.Source);
    }

    [Theory]
    [InlineData("9.2p1", 9, 2, true)]
    [InlineData("10.0p2", 9, 9, true)]
    [InlineData("8.9p1", 9, 0, false)]
    public void Version_comparison(string text, int major, int minor, bool atLeast) =>
        Assert.Equal(atLeast, Versions.V(text).AtLeast(major, minor));
}
