using System.Text;
using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;

namespace SshDoctor.Lab.Hostile;

/// <summary>
/// Issue 8, "Injection", "Reading" and "Loss": what goes into authorized_keys is one line; printed commands are
/// inert data; text from the target reaches the terminal escaped; logs opens only regular files inside the root;
/// a self-including config ends; an authorized_keys over 16 MiB loses no line.
/// </summary>
[Collection(HostileCollection.Name)]
public sealed class InjectionAndReadingTests
{
    private static string Key => LabKeys.Main.PublicPath;

    /// <summary>A private key whose comment carries a newline and a second, attacker-chosen key line.</summary>
    private static string KeyWithNewlineComment()
    {
        var path = Path.Combine(LabRun.Dir, "keys", "newline-comment");
        if (!File.Exists(path))
            LabRun.Exec("/usr/bin/ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", path,
                "-C", "x\ncommand=\"touch /tmp/sshdoctor-pwned\" " + LabKeys.Other.Line + " injected");
        return path;
    }

    [LabFact]
    public void Private_key_comment_with_a_newline_never_becomes_a_second_line() => Key_comment_with_a_newline_never_becomes_a_second_line("private");

    [LabTheory]
    [InlineData("public")]
    public void Key_comment_with_a_newline_never_becomes_a_second_line(string which)
    {
        using var w = new HostileWorld("newline comment " + which);
        w.Tree.Cast().WriteFile(AliceKeys, "# ops keys\n", "0600", Alice, Alice);
        w.Arm();
        var key = KeyWithNewlineComment() + (which == "public" ? ".pub" : "");
        var run = w.Run("fix", "--root", "{T}", "--user", "alice", "--key", key);
        w.AssertHeld(run, AliceKeys);
        var lines = File.ReadAllText(w.Tree.HostPath(AliceKeys)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length <= 2 && lines[0] == "# ops keys", "fix wrote more than one line:\n" + string.Join('\n', lines));
        Assert.DoesNotContain(lines, l => l.Contains(LabKeys.Other.Base64, StringComparison.Ordinal));
    }

    [LabFact]
    public void Userdata_key_comment_with_a_newline_is_refused_or_one_line()
    {
        using var w = new HostileWorld("newline userdata");
        w.Arm();
        var run = w.Run("userdata", "--user", "alice", "--key", KeyWithNewlineComment());
        w.AssertHeld(run);
        if (run.Exit == 2) return; // refused with a message: held
        // Otherwise the key line in the script must be one line (the single-quoted value closed on its own line).
        var script = SshDoctor.Core.Repair.UserdataDocument.ExtractScript(run.Out);
        var start = script.IndexOf("\nSSHDOCTOR_KEY=", StringComparison.Ordinal) + 1;
        var line = script[start..script.IndexOf('\n', start)];
        Assert.True(line.EndsWith('\'') && line.Count(c => c == '\'') % 2 == 0, "the key's comment spans lines in the script:\n" + script[start..Math.Min(script.Length, start + 400)]);
    }

    /// <summary>Every printed command, run by a shell in the namespace (cwd a scratch directory), must not run the home's payload.</summary>
    [LabTheory]
    [InlineData("/home/alice;touch PWNED;x")]
    [InlineData("/home/$(touch PWNED)")]
    [InlineData("/home/`touch PWNED`")]
    public void Shell_metacharacters_in_a_home_are_quoted_in_printed_commands(string home) => Shell_metacharacters_in_a_home_stay_inert_in_printed_commands(home);

    [LabTheory]
    [InlineData("/home/a'b;touch PWNED;'")]
    [InlineData("/home/a\nb")]
    public void Shell_metacharacters_in_a_home_stay_inert_in_printed_commands(string home)
    {
        using var w = new HostileWorld("meta home");
        w.Tree.Cast().AddGroup("dave", 2004).AddUser("dave", 2004, 2004, home);
        PastingTests.BuildRescueCanary(w);
        if (!home.Contains('\n')) w.Tree.Mkdir(home, "0777", 2004, 2004);
        w.Arm();
        var check = w.Run("check", "--root", "{T}", "--user", "dave", "--key", Key, "--json");
        w.AssertHeld(check);
        var commands = PastingTests.Commands(check.Out);
        var scratch = Path.Combine(w.CanaryDir, "..", "paste-cwd");
        Directory.CreateDirectory(scratch);
        // Pasted where every host path an unsafe command could reach is a canary (and --root's tree).
        foreach (var c in commands)
            PastingTests.RescueHost(w, $"cd '{scratch}' && /bin/sh -c \"$1\"", c);
        Assert.False(File.Exists(Path.Combine(scratch, "PWNED")), "a printed command ran the home's payload:\n" + string.Join('\n', commands));
        Assert.False(File.Exists(w.Tree.HostPath("/PWNED")));
        w.AssertHeld(check, "home/**");
    }

    public static TheoryData<string> ControlBytes => new() { "\u001b[2J\u001b[31m", "\u001b]0;owned\u0007", "\u009b31m", "\r\u001b[Kfake line" };

    [LabTheory]
    [MemberData(nameof(ControlBytes))]
    public void Control_bytes_from_the_target_reach_the_terminal_escaped(string evil)
    {
        using var w = new HostileWorld("control bytes");
        w.Tree.Cast().AddGroup("dave", 2004).AddUser("dave", 2004, 2004, "/home/dave" + evil)
            .WriteFile(AliceKeys, LabKeys.Other.Line + " bob" + evil + "\nfrom=\"" + evil + "\" " + LabKeys.Main.Line + " x\n", "0666", Alice, Alice)
            .Config("Banner /etc/issue" + evil + "\nAuthorizedKeysFile .ssh/authorized_keys .ssh/k" + evil);
        w.Arm();
        foreach (var args in new[] { new[] { "check", "--root", "{T}", "--user", "alice", "--key", Key }, ["check", "--root", "{T}", "--user", "dave", "--key", Key], ["check", "--root", "{T}", "--all-users"] })
        {
            var run = w.Run(args);
            w.AssertHeld(run);
            var raw = (run.Out + run.Err).Where(ch => ch < 0x20 && ch is not '\n' and not '\t' || ch is >= '\u007f' and <= '\u009f').ToArray();
            Assert.True(raw.Length == 0, $"{string.Join(' ', args)} printed raw control bytes {string.Join(',', raw.Select(c => ((int)c).ToString("x2")))}:\n{run.Out}");
        }
    }

    [LabFact]
    public void Self_including_sshd_config_ends_quickly()
    {
        using var w = new HostileWorld("self include");
        var includes = string.Concat(Enumerable.Repeat("Include /etc/ssh/sshd_config\nInclude /etc/ssh/sshd_config.d/*.conf\n", 6));
        w.Tree.Cast().Config(includes).DropIn("loop.conf", includes);
        w.Arm();
        var run = w.Run("check", "--root", "{T}", "--user", "alice", "--key", Key);
        w.AssertHeld(run);
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(20), $"check took {run.Elapsed.TotalSeconds:F1} s on a self-including config");
    }

    [LabFact]
    public void Authorized_keys_over_16_MiB_loses_no_line()
    {
        using var w = new HostileWorld("17 MiB keys");
        var sb = new StringBuilder();
        var i = 0;
        while (sb.Length < 17 << 20) sb.Append("# padding line ").Append(i++).Append(' ').Append('x', 100).Append('\n');
        sb.Append(LabKeys.Other.Line).Append(" last-line-past-16MiB\n");
        var original = sb.ToString();
        w.Tree.Cast().WriteFile(AliceKeys, original, "0666", Alice, Alice);
        w.Arm();
        var run = w.Run("fix", "--root", "{T}", "--user", "alice", "--key", Key);
        w.AssertHeld(run, AliceKeys);
        var now = File.ReadAllText(w.Tree.HostPath(AliceKeys));
        Assert.True(now.StartsWith(original, StringComparison.Ordinal), $"lines were lost: the file has {now.Length} bytes, {original.Length} before");
    }

    [LabFact]
    public void Logs_root_opens_no_link_and_no_fifo()
    {
        using var w = new HostileWorld("logs links");
        w.Tree.Cast().Mkdir("/var/log")
            .WriteFile("/var/log/auth.log", "Dec  2 10:00:00 host sshd[1]: Accepted publickey for alice from 10.0.0.1 port 1 ssh2: ED25519 SHA256:x\n")
            .Symlink("/var/log/auth.log.1", "/root/.bashrc")
            .Symlink("/var/log/auth.log.2", "../../../canary/outside/dir/file")
            .Symlink("/var/log/secure", "/etc/profile.d/host.sh");
        SpecialFileTests.MakeSpecial(w.Tree.HostPath("/var/log/auth.log.3"), "fifo");
        SpecialFileTests.MakeSpecial(w.Tree.HostPath("/var/log/auth.log.4"), "zero");
        SpecialFileTests.MakeSpecial(w.Tree.HostPath("/var/log/secure.1"), "fifo");
        w.Arm();
        var run = w.Run("logs", "--root", "{T}");
        w.AssertHeld(run);
        Assert.DoesNotContain(HostileWorld.Marker, run.Out + run.Err, StringComparison.Ordinal);
    }
}
