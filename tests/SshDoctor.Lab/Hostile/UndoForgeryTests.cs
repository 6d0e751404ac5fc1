using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "undo": a journal shipped inside the volume is hostile. Forged entries must not reach outside the
/// root, climb with `..`, widen modes, read content from outside the run directory, or act on an object that is
/// not the one recorded; an honest journal must not follow a link the user planted after fix.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class UndoForgeryTests
{
    private const string RunId = "20991231-235959-beef";
    private static readonly string Up = string.Concat(Enumerable.Repeat("/..", 24));

    /// <summary>Writes a journal in the current format (journal.json + content files) under T's backup root.</summary>
    private static void Forge(HostileWorld w, string entriesJson, params (string Name, string Text)[] contents)
    {
        var dir = w.Tree.HostPath("/var/backups/sshdoctor/" + RunId);
        Directory.CreateDirectory(dir);
        foreach (var (name, text) in contents) File.WriteAllText(Path.Combine(dir, name), text);
        File.WriteAllText(Path.Combine(dir, "journal.json"),
            $"{{\"run_id\":\"{RunId}\",\"user\":\"alice\",\"started\":\"2099-12-31T23:59:59+00:00\",\"status\":\"applied\",\"entries\":[{entriesJson}]}}");
    }

    private static string Entry(string path, string kind, string mode, int uid = 0, int gid = 0, bool existed = true, string? content = null, string? movedTo = null) =>
        $"{{\"path\":\"{path}\",\"existed\":{(existed ? "true" : "false")},\"kind\":\"{kind}\",\"mode\":{Convert.ToInt32(mode, 8)},\"uid\":{uid},\"gid\":{gid}" +
        (content is null ? "" : $",\"content\":\"{content}\"") + (movedTo is null ? "" : $",\"moved_to\":\"{movedTo}\"") + "}";

    private static void AssertUndoHeld(HostileWorld w, params string[] planned)
    {
        w.AssertHeld(w.Run("undo", "--root", "{T}"), planned);
        w.AssertHeld(w.Run("undo", "--root", "{T}", "--trust-journal"), planned);
    }

    [LabFact]
    public void Forged_entry_outside_the_root_by_dot_dot()
    {
        using var w = new HostileWorld("undo forged dotdot");
        w.Tree.Cast();
        Forge(w, string.Join(",",
                Entry(Up + "/root/.ssh/authorized_keys", "file", "0644", 2001, 2001, content: "c1"),
                Entry("/home/alice/" + Up + "/srv/X", "dir", "0777", 2001, 2001),
                Entry(Up + "/srv/X/sub", "dir", "0700", existed: false),
                Entry("/home/alice/../../etc/ssh/sshd_config", "file", "0666", 2001, 2001, content: "c1")),
            ("c1", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIForgedForgedForgedForgedForgedForgedForged0 attacker\n"));
        w.Arm();
        AssertUndoHeld(w);
    }

    [LabFact]
    public void Forged_entries_that_widen_modes_or_give_files_away_inside_the_root()
    {
        using var w = new HostileWorld("undo forged widen");
        w.Tree.Cast();
        Forge(w, string.Join(",",
            Entry("/etc/ssh", "dir", "0777", 2001, 2001),
            Entry("/home/alice/.ssh", "dir", "0777", 2001, 2001),
            Entry("/etc/shadow", "file", "0666", 2001, 2001, content: "c1")), ("c1", "root::0:0:99999:7:::\n"));
        w.Arm();
        AssertUndoHeld(w);
    }

    [LabFact]
    public void Forged_content_file_outside_the_run_directory_is_not_read_into_the_volume()
    {
        using var w = new HostileWorld("undo forged content");
        w.Tree.Cast();
        Forge(w, string.Join(",",
            Entry(AliceKeys, "file", "0600", Alice, Alice, content: string.Concat(Enumerable.Repeat("../", 24)) + "root/.ssh/authorized_keys"),
            Entry("/home/alice/.ssh/leak", "file", "0644", Alice, Alice, content: "/root/.bashrc")));
        w.Arm();
        AssertUndoHeld(w);
        Assert.Empty(w.LeakedIntoTarget());
    }

    [LabFact]
    public void Forged_moved_to_outside_the_root()
    {
        using var w = new HostileWorld("undo forged moved");
        w.Tree.Cast();
        Forge(w, Entry(AliceKeys, "file", "0600", Alice, Alice, movedTo: Up + "/srv/X"));
        w.Arm();
        AssertUndoHeld(w);
    }

    /// <summary>An honest run; then the user swaps ~/.ssh for a link (to the host, or to the volume's /etc) before undo.</summary>
    [LabTheory]
    [InlineData("/root")]
    [InlineData("../../etc")]
    [InlineData("../../../canary/outside/dir")]
    public void Honest_journal_then_ssh_dir_swapped_for_a_link(string link)
    {
        using var w = new HostileWorld("undo swapped");
        w.Tree.Cast().Chmod("/home/alice/.ssh", "0777").Chmod(AliceKeys, "0666");
        w.Arm();
        var fix = w.Run("fix", "--root", "{T}", "--user", "alice", "--key", LabKeys.Main.PublicPath);
        Assert.True(fix.Exit == 0, "the honest fix must succeed: " + fix);
        var ssh = w.Tree.HostPath("/home/alice/.ssh");
        Directory.Move(ssh, ssh + ".moved");
        File.CreateSymbolicLink(ssh, link);
        w.AssertHeld(w.Run("undo", "--root", "{T}"), "home/alice/**");
    }

    /// <summary>fix created a missing home; the user plants links inside it; undo's removal must not follow them.</summary>
    [LabFact]
    public void Removal_of_a_created_home_does_not_follow_planted_links()
    {
        using var w = new HostileWorld("undo created home");
        w.Tree.Cast().Remove("/home/alice");
        w.Arm();
        var fix = w.Run("fix", "--root", "{T}", "--user", "alice", "--key", LabKeys.Main.PublicPath);
        Assert.True(fix.Exit == 0, "the honest fix must create the home: " + fix);
        var home = w.Tree.HostPath("/home/alice");
        File.CreateSymbolicLink(Path.Combine(home, "abs"), "/srv/X");
        File.CreateSymbolicLink(Path.Combine(home, "rel"), "../../../canary/outside/dir");
        Directory.CreateDirectory(Path.Combine(home, "deep"));
        File.CreateSymbolicLink(Path.Combine(home, "deep", "root"), "/root");
        w.AssertHeld(w.Run("undo", "--root", "{T}"), "home/alice/**", "home/alice");
    }

    /// <summary>A journal that no fix on this machine wrote: undo refuses (asks for --trust-journal) and changes nothing.</summary>
    [LabFact]
    public void Journal_not_recorded_on_this_machine_is_refused()
    {
        using var w = new HostileWorld("undo unrecorded");
        w.Tree.Cast();
        Forge(w, Entry("/home/alice/.ssh", "dir", "0700", Alice, Alice));
        w.Tree.Chmod("/home/alice/.ssh", "0711");
        w.Arm();
        var run = w.Run("undo", "--root", "{T}");
        w.AssertHeld(run);
        Assert.True(run.Exit == 2 && run.Err.Contains("--trust-journal", StringComparison.Ordinal),
            "undo of a journal this machine did not record must refuse and name --trust-journal: " + run);
        Assert.Equal("711", Convert.ToString((int)File.GetUnixFileMode(w.Tree.HostPath("/home/alice/.ssh")), 8));
    }
}
