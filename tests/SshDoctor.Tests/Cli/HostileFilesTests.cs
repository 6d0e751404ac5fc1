using System.Text.Json;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

public class HostileFilesTests
{
    private static List<string> Ids(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();

    [Fact]
    public void Malformed_sshd_config_is_a_finding_not_a_crash()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        t.File("/etc/ssh/sshd_config.d/99-broken.conf", "PubkeyAuthentication perhaps\n\"unterminated\nMatch Nothing here\n\x00\x01binary\n");
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path);
        Assert.Equal(1, r.Exit);
        Assert.Contains("SSHD_CONFIG_INVALID", Ids(r.Out));
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Binary_sshd_config_is_a_finding_not_a_crash()
    {
        using var t = new TargetTree();
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        t.Bytes("/etc/ssh/sshd_config", bytes);
        var r = Support.Cli.Check(t, "alice", null);
        Assert.Equal(1, r.Exit);
        Assert.Contains("SSHD_CONFIG_INVALID", Ids(r.Out));
    }

    [Fact]
    public void Binary_authorized_keys_is_handled()
    {
        using var t = new TargetTree();
        var bytes = new byte[256 * 1024];
        new Random(1).NextBytes(bytes);
        t.Bytes("/home/alice/.ssh/authorized_keys", bytes, 600, TargetTree.Alice, TargetTree.Alice);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path);
        Assert.Equal(1, r.Exit);
        Assert.Contains("KEY_NOT_AUTHORIZED", Ids(r.Out));
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Binary_authorized_keys_with_the_key_on_its_own_line_is_accepted()
    {
        using var t = new TargetTree();
        var junk = new byte[64 * 1024];
        new Random(3).NextBytes(junk);
        for (var i = 0; i < junk.Length; i++) if (junk[i] == (byte)'\n') junk[i] = 0x20;
        var bytes = junk.Concat("\n"u8.ToArray()).Concat(System.Text.Encoding.ASCII.GetBytes(TestKeys.Ed25519A + "\n")).ToArray();
        t.Bytes("/home/alice/.ssh/authorized_keys", bytes, 600, TargetTree.Alice, TargetTree.Alice);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path);
        Assert.Equal(0, r.Exit);
    }

    [Fact]
    public void Huge_authorized_keys_finishes()
    {
        using var t = new TargetTree();
        var path = t.Host("/home/alice/.ssh/authorized_keys");
        using (var w = new StreamWriter(path))
        {
            // ~100 MB of other people's keys.
            var line = TestKeys.Ed25519B + " " + new string('x', 900);
            for (var i = 0; i < 100_000; i++) w.WriteLine(line);
        }
        t.Chmod("/home/alice/.ssh/authorized_keys", 600).Chown("/home/alice/.ssh/authorized_keys", TargetTree.Alice, TargetTree.Alice);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var r = Support.Cli.Check(t, "alice", key.Path);
        Assert.Equal(1, r.Exit);
        Assert.Contains("KEY_NOT_AUTHORIZED", Ids(r.Out));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(60), $"took {sw.Elapsed}");
    }

    [Fact]
    public void Huge_sparse_authorized_keys_finishes()
    {
        using var t = new TargetTree();
        var path = t.Host("/home/alice/.ssh/authorized_keys");
        using (var fs = new FileStream(path, FileMode.Create)) fs.SetLength(100L * 1024 * 1024); // sparse: all NUL
        t.Chmod("/home/alice/.ssh/authorized_keys", 600).Chown("/home/alice/.ssh/authorized_keys", TargetTree.Alice, TargetTree.Alice);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path);
        Assert.Equal(1, r.Exit);
        Assert.Equal("", r.Err);
    }
}
