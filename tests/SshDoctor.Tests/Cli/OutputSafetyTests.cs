using System.Text.Json;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;
using SshDoctor.Core.Text;
using SshDoctor.Tests.Keys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

/// <summary>
/// What reaches the operator: control bytes from the target shown escaped; system accounts left out of
/// --all-users; no "nothing blocks" when no key is there to accept; a key comment that would break its line refused.
/// </summary>
public sealed class OutputSafetyTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("a\u001b[31mred", "a\\x1b[31mred")]
    [InlineData("line\nnext\r\t", "line\\nnext\\r\\t")]
    [InlineData("del\u007f c1\u009b", "del\\x7f c1\\x9b")]
    [InlineData("nul\0", "nul\\x00")]
    [InlineData("홍길동 山田", "홍길동 山田")]
    [InlineData("rtl\u202eevil", "rtl\\u202eevil")]
    public void Escape_shows_control_characters_and_keeps_text(string raw, string shown) =>
        Assert.Equal(shown, TerminalText.Escape(raw));

    [Fact]
    public void Check_text_escapes_control_bytes_from_passwd_config_and_authorized_keys()
    {
        using var t = new TargetTree();
        t.File("/etc/passwd", File.ReadAllText(t.Host("/etc/passwd")).Replace(":/home/alice:", ":/home/al\u001b]0;pwned\u0007ice:"));
        t.File("/etc/ssh/sshd_config.d/50-deny.conf", "DenyUsers \u001b[2Jalice\n");
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", KeyFile(), "--lang", "en");
        Assert.DoesNotContain('\u001b', r.Out);
        Assert.DoesNotContain('\u0007', r.Out);
        Assert.Contains("\\x1b", r.Out);
        // JSON keeps the exact text, escaped by the serializer.
        var j = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", KeyFile(), "--json", "--lang", "en");
        Assert.DoesNotContain('\u001b', j.Out);
        Assert.Contains("\\u001B", j.Out, StringComparison.OrdinalIgnoreCase);
    }

    private static string KeyFile()
    {
        var dir = KeyCorpus.TempDir();
        var p = Path.Combine(dir, "a.pub");
        File.WriteAllText(p, TestKeys.Ed25519A + "\n");
        return p;
    }

    [Fact]
    public void All_users_skips_system_accounts_and_root()
    {
        using var t = new TargetTree();
        t.File("/etc/passwd", File.ReadAllText(t.Host("/etc/passwd"))
            + "bin:x:1:1:bin:/bin:/bin/bash\ndaemon:x:2:2:daemon:/sbin:/bin/bash\nnobody:x:65534:65534:nobody:/nonexistent:/bin/bash\nsvc:x:900:900::/home/svc:/bin/bash\n");
        var users = new Checker(t.Context()).LoginAccounts().ToList();
        Assert.Equal(["alice", "bob", "carol", "dave"], users);
        var r = Support.Cli.Run("check", "--root", t.Root, "--all-users", "--key", KeyFile(), "--lang", "en");
        Assert.DoesNotContain("/bin/.ssh", r.Out);
        Assert.DoesNotContain("/root/.ssh", r.Out);

        // The target's own UID_MIN decides (older systems start at 500).
        t.File("/etc/login.defs", "# comment\nUID_MIN\t\t\t  500\nUID_MAX 60000\n");
        Assert.Contains("svc", new Checker(t.Context()).LoginAccounts());
        Assert.Equal(500u, LoginDefs.UidMin(new Core.Target.TargetRoot(t.Root)));
    }

    [Fact]
    public void Without_a_key_an_empty_authorized_keys_does_not_say_nothing_blocks()
    {
        using var t = new TargetTree();
        t.Keys("alice", "");
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--lang", "en");
        Assert.DoesNotContain("Nothing blocks", r.Out);
        Assert.Contains("No key is authorized for alice", r.Out);

        t.Keys("alice", TestKeys.Ed25519A + "\n");
        r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--lang", "en");
        Assert.Contains("no key was given", r.Out);
    }

    [Fact]
    public void A_private_key_comment_with_a_newline_is_refused_by_check_fix_and_userdata()
    {
        var dir = KeyCorpus.TempDir();
        var key = Path.Combine(dir, "k");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "me\nssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG8loLk6lCUlI0nvgs4hWGQcSB94hMJlE+oSHWw/j13J evil", "-f", key);
        Assert.Contains('\n', KeyFile_Comment(key));
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B + "\n");
        var before = File.ReadAllText(t.Host("/home/alice/.ssh/authorized_keys"));
        foreach (var args in new[]
                 {
                     new[] { "check", "--root", t.Root, "--user", "alice", "--key", key, "--lang", "en" },
                     ["fix", "--root", t.Root, "--user", "alice", "--key", key, "--lang", "en"],
                     ["userdata", "--user", "alice", "--key", key, "--lang", "en"],
                 })
        {
            var r = Support.Cli.Run(args);
            Assert.Equal(2, r.Exit);
            Assert.Contains("control character (\\n)", r.Err);
            Assert.DoesNotContain("MIME", r.Out);
        }
        Assert.Equal(before, File.ReadAllText(t.Host("/home/alice/.ssh/authorized_keys")));
        Assert.False(Directory.Exists(t.Host("/var/backups/sshdoctor")));
    }

    private static string KeyFile_Comment(string path) => Core.Keys.KeyFile.Load(path).Public!.Comment;

    [Fact]
    public void One_line_validation_names_the_first_control_character()
    {
        Assert.Null(Core.AuthorizedKeys.AuthorizedKeyText.ControlCharacter(TestKeys.Ed25519A));
        Assert.Equal("\\r", Core.AuthorizedKeys.AuthorizedKeyText.ControlCharacter(TestKeys.Ed25519A + "\r"));
        Assert.Equal("\\x00", Core.AuthorizedKeys.AuthorizedKeyText.ControlCharacter("a\0b"));
        var e = Assert.Throws<KeyFormatException>(() => Core.AuthorizedKeys.AuthorizedKeyText.RequireOneLine("ssh-ed25519 AAAA x\u001b[2J"));
        Assert.Equal("keys.error.comment_control", e.TextKey);
    }

    [Fact]
    public void Undo_hint_after_a_fix_on_a_volume_carries_the_root()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B + "\n");
        var r = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", KeyFile(), "--lang", "en");
        Assert.Equal(0, r.Exit);
        Assert.Contains($"sshdoctor undo --root {t.Root} --run ", r.Out);
        Assert.Contains("for this rescue host", r.Out);
        var j = Support.Cli.Run("undo", "--root", t.Root, "--lang", "en");
        Assert.Equal(0, j.Exit);
    }

    [Fact]
    public void Json_fix_report_carries_the_undo_command()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B + "\n");
        var r = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", KeyFile(), "--json", "--lang", "en");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.StartsWith($"sshdoctor undo --root {t.Root} --run ", doc.RootElement.GetProperty("undo").GetString());
        Assert.False(doc.RootElement.TryGetProperty("sshd_reload", out _));
    }
}
