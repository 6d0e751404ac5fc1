using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

public class HugeFileKeyTests
{
    // A file over the in-memory limit is streamed line by line (LargeFileScan), as sshd reads it all.
    [Fact]
    public void Key_after_70_MB_of_NUL_bytes()
    {
        // sshd reads every line with getline(3); a line of NULs is an empty C string and is skipped,
        // so the key on the next line is accepted.
        using var t = new TargetTree();
        var path = t.Host("/home/alice/.ssh/authorized_keys");
        using (var fs = new FileStream(path, FileMode.Create))
        {
            fs.SetLength(70L * 1024 * 1024);
            fs.Seek(0, SeekOrigin.End);
            fs.Write(System.Text.Encoding.ASCII.GetBytes("\n" + TestKeys.Ed25519A + "\n"));
        }
        t.Chmod("/home/alice/.ssh/authorized_keys", 600).Chown("/home/alice/.ssh/authorized_keys", TargetTree.Alice, TargetTree.Alice);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path, "--from", "192.0.2.1");
        Assert.True(r.Exit == 0, r.Out);
    }
}
