using System.Diagnostics;
using System.Text;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>
/// The commands check prints for a mounted tree are pasted on the rescue host: each parses with sh -n, touches
/// nothing outside the tree, repairs what it was printed for, and changes nothing when run a second time.
/// </summary>
public sealed class PrintedCommandsTests
{
    private static (int Code, string Out) Sh(string script, string? cwd = null)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        if (cwd is not null) psi.WorkingDirectory = cwd;
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEndAsync();
        var o = p.StandardOutput.ReadToEnd();
        Assert.True(p.WaitForExit(30_000));
        return (p.ExitCode, o + err.Result);
    }

    private static void ParsesWithShN(string command)
    {
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add("-n");
        using var p = Process.Start(psi)!;
        p.StandardInput.Write(command + "\n");
        p.StandardInput.Close();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, $"sh -n refuses: {command}\n{err}");
    }

    // safety-door replaced Statx with the door (TargetFs); merged here as TreeSnapshot does.
    private static readonly Core.Target.TargetFs HostDoor = Core.Target.TargetFs.Open("/");

    /// <summary>Every entry under the tree: path, type, mode, owner, content hash.</summary>
    private static List<string> Snapshot(string root)
    {
        var list = new List<string>();
        foreach (var e in new DirectoryInfo(root).EnumerateFileSystemInfos("*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0 }))
        {
            var meta = HostDoor.LStat(e.FullName);
            var content = e is FileInfo f && meta.Kind == Core.Target.FileKind.Regular ? Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f.FullName))) : "";
            list.Add($"{e.FullName[root.Length..]} {meta.Kind} {meta.Octal} {meta.Uid}:{meta.Gid} {meta.Size} {content}");
        }
        list.Sort(StringComparer.Ordinal);
        return list;
    }

    private static IReadOnlyList<string> Commands(TargetTree t, string user, Core.Keys.PublicKey? key, params FindingId[] ids)
    {
        var r = Checks.Run(t, user, key);
        var wanted = r.Findings.Where(f => ids.Contains(f.Id)).ToList();
        Assert.True(wanted.Count > 0, "expected findings " + string.Join(",", ids) + "; got " + string.Join(",", r.Blocking()));
        return wanted.SelectMany(f => f.FixCommands).ToList();
    }

    /// <summary>Pastes the commands (in a scratch cwd), checks the repair, pastes again and checks nothing changed.</summary>
    private static void PasteTwice(TargetTree t, IReadOnlyList<string> commands, Action verify)
    {
        var cwd = Directory.CreateTempSubdirectory("sshdoctor-paste-").FullName;
        try
        {
            foreach (var c in commands)
            {
                ParsesWithShN(c);
                Assert.DoesNotContain("systemctl", c);
                Assert.DoesNotContain(" /etc/", " " + c.Replace(t.Root + "/", "/VOLUME/"));
            }
            var script = string.Join("\n", commands);
            var (code, output) = Sh("set -e\n" + script, cwd);
            Assert.True(code == 0, $"pasted commands failed ({code}): {output}\n{script}");
            verify();
            var after = Snapshot(t.Root);
            (code, output) = Sh("set -e\n" + script, cwd);
            Assert.True(code == 0, $"second paste failed ({code}): {output}");
            Assert.Equal(after, Snapshot(t.Root));
            Assert.Empty(Directory.EnumerateFileSystemEntries(cwd)); // nothing landed where the operator stood
        }
        finally { Directory.Delete(cwd, true); }
    }

    private static void Accepted(TargetTree t) => Assert.Equal(Verdict.Accepted, Checks.Run(t, "alice", TestKeys.A).Verdict);

    [Fact]
    public void Missing_home_is_made_from_skel_with_numeric_owner()
    {
        using var t = new TargetTree();
        t.Dir("/etc/skel").File("/etc/skel/.bashrc", "# skel\n");
        Directory.Delete(t.Host("/home/alice"), true);
        var commands = Commands(t, "alice", TestKeys.A, FindingId.HOME_MISSING);
        Assert.Contains(commands, c => c.Contains($"chown -R 1000:1000 {t.Root}/home/alice"));
        PasteTwice(t, commands, () =>
        {
            Accepted(t);
            Assert.True(File.Exists(t.Host("/home/alice/.bashrc")));
        });
    }

    [Fact]
    public void Missing_ssh_dir_and_file_are_created_without_truncating_on_the_second_paste()
    {
        using var t = new TargetTree();
        Directory.Delete(t.Host("/home/alice/.ssh"), true);
        var commands = Commands(t, "alice", TestKeys.A, FindingId.SSH_DIR_MISSING);
        Assert.Contains(commands, c => c.Contains($"then [ -e {t.Root}/home/alice/.ssh/authorized_keys ] ||"));
        PasteTwice(t, commands, () => Accepted(t));
        Assert.Single(File.ReadAllLines(t.Host("/home/alice/.ssh/authorized_keys")));
    }

    [Fact]
    public void Key_is_appended_once_after_a_last_line_without_newline()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B); // no final newline
        var commands = Commands(t, "alice", TestKeys.A, FindingId.KEY_NOT_AUTHORIZED);
        PasteTwice(t, commands, () => Accepted(t));
        var lines = File.ReadAllLines(t.Host("/home/alice/.ssh/authorized_keys"));
        Assert.Equal([TestKeys.Ed25519B, TestKeys.Ed25519A], lines);
    }

    [Fact]
    public void Strict_modes_fixes_use_numeric_owners_and_prefixed_paths()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 775).Chown("/home/alice/.ssh/authorized_keys", TargetTree.Bob, TargetTree.Bob)
            .Chmod("/home/alice/.ssh/authorized_keys", 644);
        var commands = Commands(t, "alice", TestKeys.A, FindingId.STRICTMODES_MODE, FindingId.STRICTMODES_OWNER);
        Assert.All(commands, c => Assert.DoesNotContain("alice:", c));
        PasteTwice(t, commands, () => Accepted(t));
    }

    [Fact]
    public void Unreadable_file_gets_its_owner_back_by_number()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chown("/home/alice/.ssh/authorized_keys", TargetTree.Bob, TargetTree.Bob);
        var commands = Commands(t, "alice", TestKeys.A, FindingId.AUTHKEYS_UNREADABLE);
        Assert.Contains(commands, c => c.Contains("then chown -h 1000:1000 "));
        PasteTwice(t, commands, () => Accepted(t));
    }

    [Fact]
    public void Utf16_file_is_re_encoded_and_a_healthy_utf8_file_is_left_alone()
    {
        using var t = new TargetTree();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\r\n")).ToArray();
        t.Bytes("/home/alice/.ssh/authorized_keys", utf16, 600, TargetTree.Alice, TargetTree.Alice);
        var commands = Commands(t, "alice", TestKeys.A, FindingId.AUTHKEYS_ENCODING);
        PasteTwice(t, commands, () => Accepted(t));
        Assert.Equal(TestKeys.Ed25519A + "\n", File.ReadAllText(t.Host("/home/alice/.ssh/authorized_keys")));

        // The same command pasted on a healthy UTF-8 file changes nothing and succeeds.
        using var healthy = new TargetTree();
        healthy.Keys("alice", TestKeys.Ed25519A + "\n");
        var before = Snapshot(healthy.Root);
        foreach (var c in commands)
            Assert.Equal(0, Sh(c.Replace(t.Root, healthy.Root)).Code);
        Assert.Equal(before, Snapshot(healthy.Root));
    }

    [Fact]
    public void A_failing_re_encode_fails_loudly()
    {
        using var t = new TargetTree();
        var utf16 = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\n")).ToArray();
        t.Bytes("/home/alice/.ssh/authorized_keys", utf16, 600, TargetTree.Alice, TargetTree.Alice);
        var command = Assert.Single(Commands(t, "alice", TestKeys.A, FindingId.AUTHKEYS_ENCODING));
        var broken = command.Replace("iconv -f UTF-16", "iconv -f NO-SUCH-ENCODING");
        Assert.NotEqual(0, Sh(broken).Code);
        Assert.Equal(utf16, File.ReadAllBytes(t.Host("/home/alice/.ssh/authorized_keys")));
    }

    [Fact]
    public void Allow_users_edit_is_on_the_volume_file_without_reload_and_idempotent()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        t.File("/etc/ssh/sshd_config.d/50-allow.conf", "AllowUsers bob\n");
        var commands = Commands(t, "alice", TestKeys.A, FindingId.USER_DENIED);
        Assert.All(commands, c => Assert.DoesNotContain("reload", c));
        PasteTwice(t, commands, () => Accepted(t));
        Assert.Equal("AllowUsers bob alice\n", File.ReadAllText(t.Host("/etc/ssh/sshd_config.d/50-allow.conf")));
    }

    [Fact]
    public void Hostile_home_name_is_one_inert_argument()
    {
        using var t = new TargetTree();
        t.File("/etc/passwd", File.ReadAllText(t.Host("/etc/passwd")).Replace(":/home/alice:", ":/home/alice;touch X;x:"));
        var commands = Commands(t, "alice", TestKeys.A, FindingId.HOME_MISSING);
        Assert.Contains(commands, c => c.Contains($"'{t.Root}/home/alice;touch X;x'"));
        var cwd = Directory.CreateTempSubdirectory("sshdoctor-paste-").FullName;
        try
        {
            foreach (var c in commands) ParsesWithShN(c);
            Sh(string.Join("\n", commands), cwd);
            Assert.False(File.Exists(Path.Combine(cwd, "X")));
            Assert.True(Directory.Exists(t.Host("/home/alice;touch X;x")));
        }
        finally { Directory.Delete(cwd, true); }
    }

    /// <summary>Every command that changes a path, aimed through a link planted in the volume: each refuses, loudly, and nothing outside changes.</summary>
    [Fact]
    public void Pasted_commands_refuse_a_path_that_goes_through_a_planted_link()
    {
        using var t = new TargetTree();
        var canary = Directory.CreateTempSubdirectory("sshdoctor-canary-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(canary, "authorized_keys"), "host line\n");
            File.SetUnixFileMode(Path.Combine(canary, "authorized_keys"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            Directory.CreateDirectory(Path.Combine(canary, "skel"));
            File.WriteAllText(Path.Combine(canary, "skel", ".host-secret"), "secret\n");
            Directory.Delete(t.Host("/home/alice/.ssh"), true);
            t.Symlink("/home/alice/.ssh", canary);                       // a link out of the volume, on the path
            t.Symlink("/home/alice/own", canary + "/authorized_keys");    // a link as the last component
            if (Directory.Exists(t.Host("/etc/skel"))) Directory.Delete(t.Host("/etc/skel"), true);
            t.Symlink("/etc/skel", canary + "/skel");
            var sh = new HostShell(new Core.Target.TargetRoot(t.Root), t.Context().Accounts, Core.Target.OsRelease.Parse("ID=debian\n"));
            Assert.True(sh.OnRescueHost);
            const string keys = "/home/alice/.ssh/authorized_keys";
            var commands = new[]
            {
                sh.Chmod("0700", "/home/alice/.ssh"), sh.Chmod("0600", keys), sh.Chmod("0600", "/home/alice/own"),
                sh.Chown(sh.Owner(1000, 1000), keys), sh.MakeDirectory("/home/alice/.ssh/new", "700", sh.Owner(1000, 1000)),
                sh.CreateEmptyFile("/home/alice/.ssh/other", 1000, 1000), sh.AppendKey(keys, TestKeys.A), sh.AppendKey("/home/alice/own", TestKeys.A),
                sh.SedInPlace("s/host/volume/", keys), sh.Remove(keys), sh.MoveAside(keys, "/home/alice/aside"),
                sh.MoveAside("/home/alice/own", "/home/alice/.ssh/aside"), sh.Touch(keys), sh.ReEncodeUtf16(keys, "UTF-16LE"),
                sh.MakeHomeFromSkel("/home/bob2", sh.Owner(1000, 1000)),
            };
            var before = Snapshot(canary);
            var volume = Snapshot(t.Root);
            foreach (var c in commands)
            {
                ParsesWithShN(c);
                var (code, output) = Sh(c, canary);
                Assert.True(code != 0, $"went through the link: {c}");
                Assert.Contains("is or goes through a link: not changed", output);
                Assert.Equal(before, Snapshot(canary));
                Assert.Equal(volume, Snapshot(t.Root));
            }
        }
        finally { Directory.Delete(canary, true); }
    }

    /// <summary>The operator's own link to the mount point is not the volume's: the guard resolves the mount point too.</summary>
    [Fact]
    public void A_mount_point_named_through_the_operators_link_still_gets_repaired()
    {
        using var t = new TargetTree();
        t.Chmod("/home/alice", 775);
        var link = Path.Combine(Path.GetTempPath(), "sshdoctor-mnt-" + Guid.NewGuid().ToString("N"));
        File.CreateSymbolicLink(link, t.Root);
        try
        {
            var sh = new HostShell(new Core.Target.TargetRoot(link), t.Context().Accounts, Core.Target.OsRelease.Parse("ID=debian\n"));
            var (code, output) = Sh(sh.Chmod("0755", "/home/alice"));
            Assert.True(code == 0, output);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute
                | UnixFileMode.OtherRead | UnixFileMode.OtherExecute, File.GetUnixFileMode(t.Host("/home/alice")));
        }
        finally { File.Delete(link); }
    }

    [Fact]
    public void Quote_makes_any_text_one_word()
    {
        foreach (var s in new[] { "plain/path", "a b", "it's", "$(id)", "`id`", "a;b", "\n", "", "'", "\\" })
        {
            var (code, output) = Sh("printf '%s|' " + HostShell.Quote(s));
            Assert.Equal(0, code);
            Assert.Equal(s + "|", output);
        }
    }
}
