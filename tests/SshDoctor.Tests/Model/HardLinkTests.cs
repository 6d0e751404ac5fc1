using System.Text.Json;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>
/// Issue 8: a regular file with more than one link is never chowned or rewritten, and check says so
/// (AUTHKEYS_HARDLINKED, a warning: sshd reads such a file like any other, which the lab's real sshd confirms in
/// Hostile/HardLinkCheckTests).
/// </summary>
public sealed class HardLinkTests
{
    private static void Link(TargetTree t, string existing, string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(t.Host(name))!);
        if (link(t.Host(existing), t.Host(name)) != 0) throw new IOException("link(2) failed for " + name);
    }

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int link(string oldpath, string newpath);

    [Fact]
    public void Hard_linked_authorized_keys_that_holds_the_key_is_accepted_with_a_warning()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        t.Dir("/srv", 755);
        Link(t, "/home/alice/.ssh/authorized_keys", "/srv/copy-of-alice");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Accepted, r.Verdict);
        var f = r.Single(FindingId.AUTHKEYS_HARDLINKED);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("/home/alice/.ssh/authorized_keys", f.Path);
        Assert.Equal("2", f.Args["links"]);
        // The command lists the other names and changes nothing; on a mounted volume it names the volume's paths.
        var command = Assert.Single(f.FixCommands);
        Assert.Equal($"find {t.Root}/ -xdev -samefile {t.Root}/home/alice/.ssh/authorized_keys", command);
        Assert.DoesNotContain(r.Findings, x => x.Severity == Severity.Blocking);
    }

    [Fact]
    public void Check_exits_0_and_json_carries_the_warning()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        Link(t, "/home/alice/.ssh/authorized_keys", "/home/bob/.ssh/authorized_keys");
        using var key = new TempFile("k.pub", TestKeys.Ed25519A + "\n");
        var run = Support.Cli.Check(t, "alice", key.Path);
        Assert.True(run.Exit == 0, run.Out + run.Err);
        using var doc = JsonDocument.Parse(run.Out);
        var findings = doc.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var w = Assert.Single(findings, x => x.GetProperty("id").GetString() == "AUTHKEYS_HARDLINKED");
        Assert.Equal("warning", w.GetProperty("severity").GetString());
    }

    [Fact]
    public void Without_the_key_the_refusal_blocks_the_link_warns_and_fix_leaves_the_file_alone()
    {
        using var t = new TargetTree();
        t.Keys("alice", "# alice's keys\n");
        t.Chmod("/home/alice/.ssh/authorized_keys", 666);
        t.Dir("/srv", 755);
        Link(t, "/home/alice/.ssh/authorized_keys", "/srv/shadow-like");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Refused, r.Verdict);
        Assert.Equal(Severity.Warning, r.Single(FindingId.AUTHKEYS_HARDLINKED).Severity);
        var before = File.ReadAllBytes(t.Host("/srv/shadow-like"));
        using var key = new TempFile("k.pub", TestKeys.Ed25519A + "\n");
        var fix = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", key.Path, "--lang", "en");
        Assert.Equal(before, File.ReadAllBytes(t.Host("/srv/shadow-like")));
        using (var root = new SshDoctor.Core.Target.TargetRoot(t.Root))
            Assert.Equal(2u, root.LStat("/srv/shadow-like").Nlink);
        Assert.Contains("hard", fix.Out + fix.Err, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_link_to_a_hard_linked_file_is_reported_once_under_the_file_sshd_opens()
    {
        using var t = new TargetTree();
        t.Dir("/srv", 755);
        t.Dir("/srv/keys", 755);
        t.File("/srv/keys/alice", TestKeys.Ed25519A + "\n", 644, TargetTree.Alice, TargetTree.Alice);
        Link(t, "/srv/keys/alice", "/srv/keys/alice.old");
        t.Symlink("/home/alice/.ssh/authorized_keys", "/srv/keys/alice");
        t.Config("AuthorizedKeysFile .ssh/authorized_keys /srv/keys/%u\n");
        var r = Checks.Run(t, "alice", TestKeys.A);
        Assert.Equal(Verdict.Accepted, r.Verdict);
        Assert.Equal("/srv/keys/alice", r.Single(FindingId.AUTHKEYS_HARDLINKED).Path);
    }

    [Fact]
    public void A_file_with_one_name_has_no_warning()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        Assert.DoesNotContain(Checks.Run(t, "alice", TestKeys.A).Findings, f => f.Id == FindingId.AUTHKEYS_HARDLINKED);
    }
}
