using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Target;

/// <summary>The door's read side against real hostile trees: links out of the root, "..", FIFOs, sockets, hard links.</summary>
public sealed class TargetFsReadTests : IDisposable
{
    private readonly TargetTree _t = new();
    private readonly string _outside = Directory.CreateTempSubdirectory("sshdoctor-canary-").FullName;

    public TargetFsReadTests() => File.WriteAllText(Path.Combine(_outside, "secret"), "host secret\n");

    public void Dispose()
    {
        _t.Dispose();
        Directory.Delete(_outside, true);
    }

    private TargetFs Door(bool walk)
    {
        var door = TargetFs.Open(_t.Root);
        door.WalkOnly = walk;
        return door;
    }

    [Theory, InlineData(false), InlineData(true)]
    public void An_absolute_link_to_a_host_path_resolves_inside_the_root(bool walk)
    {
        _t.Symlink("/home/alice/out", _outside);
        _t.Dir(_outside, 755).File(_outside + "/secret", "the volume's own file\n");
        using var door = Door(walk);
        Assert.Equal("the volume's own file\n", Encoding.UTF8.GetString(door.ReadBytes("/home/alice/out/secret", 1 << 20)!));
    }

    [Theory, InlineData(false), InlineData(true)]
    public void An_absolute_link_to_a_missing_host_path_is_missing_never_the_host_file(bool walk)
    {
        _t.Symlink("/home/alice/out", _outside);
        using var door = Door(walk);
        Assert.Null(door.ReadBytes("/home/alice/out/secret", 1 << 20));
        Assert.False(door.Stat("/home/alice/out/secret").Exists);
    }

    [Theory, InlineData(false), InlineData(true)]
    public void Relative_links_and_dot_dot_never_climb_above_the_root(bool walk)
    {
        _t.Symlink("/home/alice/up", "../../../../../../../../../..");
        using var door = Door(walk);
        var passwd = Encoding.UTF8.GetString(door.ReadBytes("/home/alice/up/etc/passwd", 1 << 20)!);
        Assert.Contains("alice:x:1000", passwd);
        Assert.Contains("alice:x:1000", Encoding.UTF8.GetString(door.ReadBytes("/../../../etc/passwd", 1 << 20)!));
        Assert.Equal(door.RootId, door.Stat("/home/alice/up").Id);
    }

    [Fact]
    public void RealPath_of_a_dot_dot_home_stays_in_the_target()
    {
        var root = new TargetRoot(_t.Root);
        Assert.Equal("/etc", root.RealPath("/../../../etc"));
        Assert.Null(root.RealPath("/../../x/nonexistent/.."));
    }

    [Theory, InlineData(false), InlineData(true)]
    public void A_fifo_is_never_opened_for_reading(bool walk)
    {
        var fifo = _t.Host("/home/alice/.ssh/authorized_keys");
        Process.Start("mkfifo", [fifo])!.WaitForExit();
        using var door = Door(walk);
        var sw = Stopwatch.StartNew();
        Assert.Null(door.ReadBytes("/home/alice/.ssh/authorized_keys", 1 << 20));
        Assert.Null(door.OpenRead("/home/alice/.ssh/authorized_keys"));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), "reading a FIFO must not wait for a writer");
        Assert.Equal(FileKind.Other, door.LStat("/home/alice/.ssh/authorized_keys").Kind);
    }

    [Fact]
    public void A_socket_is_not_read()
    {
        using var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(_t.Host("/home/alice/.ssh/authorized_keys")));
        using var door = Door(false);
        Assert.Null(door.ReadBytes("/home/alice/.ssh/authorized_keys", 1 << 20));
        Assert.Equal(FileKind.Other, door.Stat("/home/alice/.ssh/authorized_keys").Kind);
    }

    [Fact]
    public void A_hard_link_is_reported_with_its_link_count_and_identity()
    {
        _t.Keys("alice", "k\n");
        Process.Start("ln", [_t.Host("/home/alice/.ssh/authorized_keys"), _t.Host("/home/bob/.ssh/authorized_keys")])!.WaitForExit();
        using var door = Door(false);
        var a = door.LStat("/home/alice/.ssh/authorized_keys");
        var b = door.LStat("/home/bob/.ssh/authorized_keys");
        Assert.Equal(2u, a.Nlink);
        Assert.True(a.HardLinked);
        Assert.Equal(a.Id, b.Id);
        Assert.NotEqual(a.Id, door.LStat("/etc/passwd").Id);
    }

    [Fact]
    public void ReadWhole_never_returns_a_truncated_prefix()
    {
        _t.File("/big", new string('a', 10_000));
        var root = new TargetRoot(_t.Root);
        Assert.Null(root.ReadWhole("/big", 9_999));
        Assert.Equal(10_000, root.ReadWhole("/big", 10_000)!.Length);
        Assert.Equal(100, root.ReadBytes("/big", 100)!.Length);
    }

    [Theory, InlineData(false), InlineData(true)]
    public void LStat_reports_a_link_and_Stat_its_target_inside_the_root(bool walk)
    {
        _t.Symlink("/home/alice/.ssh/authorized_keys", "/etc/passwd");
        using var door = Door(walk);
        Assert.Equal(FileKind.Symlink, door.LStat("/home/alice/.ssh/authorized_keys").Kind);
        Assert.Equal(door.LStat("/etc/passwd").Id, door.Stat("/home/alice/.ssh/authorized_keys").Id);
        Assert.Equal("/etc/passwd", door.ReadLink("/home/alice/.ssh/authorized_keys"));
        Assert.Contains(".ssh", door.List("/home/alice"));
    }

    [Fact]
    public void Space_is_read_with_fstatfs_on_a_descriptor()
    {
        using var door = Door(false);
        var space = door.Space("/etc");
        Assert.NotNull(space);
        Assert.True(space!.Value.Total > 0);
    }
}
