using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Target;

public class TargetRootTests
{
    [Theory]
    [InlineData("/home/alice/.ssh", "/home/alice")]
    [InlineData("/home/alice/", "/home")]
    [InlineData("/home", "/")]
    [InlineData("/", "/")]
    public void DirName(string path, string expected) => Assert.Equal(expected, TargetRoot.DirName(path));

    [Fact]
    public void Stat_reports_owner_mode_and_kind_from_the_tree()
    {
        using var t = new TargetTree();
        t.Keys("alice", "x\n").Chmod("/home/alice/.ssh/authorized_keys", 640);
        var root = new TargetRoot(t.Root);
        var meta = root.Stat("/home/alice/.ssh/authorized_keys");
        Assert.Equal(FileKind.Regular, meta.Kind);
        Assert.Equal(TargetTree.Alice, meta.Uid);
        Assert.Equal("0640", meta.Octal);
        Assert.Equal(FileKind.Directory, root.Stat("/home/alice").Kind);
        Assert.False(root.Stat("/nope").Exists);
    }

    [Fact]
    public void LStat_does_not_follow_symlinks()
    {
        using var t = new TargetTree();
        t.Symlink("/home/link", "/home/alice");
        var root = new TargetRoot(t.Root);
        Assert.Equal(FileKind.Symlink, root.LStat("/home/link").Kind);
        Assert.Equal(FileKind.Directory, root.Stat("/home/link").Kind);
    }

    [Fact]
    public void ReadBytes_honours_the_limit()
    {
        using var t = new TargetTree();
        t.File("/big", new string('a', 10_000));
        var root = new TargetRoot(t.Root);
        Assert.Equal(100, root.ReadBytes("/big", 100)!.Length);
        Assert.Equal(10_000, root.ReadBytes("/big")!.Length);
        Assert.Null(root.ReadBytes("/missing"));
    }

    [Fact]
    public void HostPath_maps_target_paths_under_the_root()
    {
        var root = new TargetRoot("/mnt/rescue/");
        Assert.Equal("/mnt/rescue/etc/passwd", root.HostPath("/etc/passwd"));
        Assert.Equal("/etc/passwd", new TargetRoot("/").HostPath("/etc/passwd"));
        Assert.True(new TargetRoot("/").IsLive);
    }
}
