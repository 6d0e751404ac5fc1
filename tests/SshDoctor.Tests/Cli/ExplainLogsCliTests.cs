using System.Text;
using System.Text.Json;
using SshDoctor.Cli;
using SshDoctor.Cli.Commands;
using SshDoctor.TestSupport;

namespace SshDoctor.Tests.Cli;

[Collection("stdin")]
public class ExplainLogsCliTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private static (int Code, string Out, string Err) RunWithStdin(byte[] stdin, params string[] args) => CliRunner.Run(args, stdin);

    [Fact]
    public void Explain_japanese_dialog_json()
    {
        var (code, output, err) = Run("explain", "--json", "--lang", "ja", "サーバが鍵を拒否しました");
        Assert.Equal(0, code);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("sshdoctor", root.GetProperty("tool").GetString());
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("explain", root.GetProperty("command").GetString());
        Assert.True(root.GetProperty("recognized").GetBoolean());
        var ids = root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        Assert.Equal("USER_UNKNOWN", ids[0]);
        Assert.Contains("KEY_NOT_AUTHORIZED", ids);
        Assert.Contains("STRICTMODES_MODE", ids);
        var first = root.GetProperty("candidates")[0];
        Assert.Contains("ユーザー名", first.GetProperty("check").GetString());
        Assert.StartsWith("sshdoctor probe", first.GetProperty("command").GetString());
    }

    [Fact]
    public void Explain_openssh_warning_starting_with_at_signs()
    {
        var (code, output, _) = Run("explain", "--lang", "fr", "@@@@@@@@@@@ WARNING: UNPROTECTED PRIVATE KEY FILE! @@@@@@@@@@@");
        Assert.Equal(0, code);
        Assert.Contains("[CLIENT_KEY_PERMISSIONS]", output);
        Assert.Contains("chmod 600", output);
    }

    [Fact]
    public void Explain_unknown_text_exits_1_and_suggests_probe()
    {
        var (code, output, _) = Run("explain", "--json", "hello world");
        Assert.Equal(1, code);
        using var doc = JsonDocument.Parse(output);
        Assert.False(doc.RootElement.GetProperty("recognized").GetBoolean());
        Assert.StartsWith("sshdoctor probe", doc.RootElement.GetProperty("suggestion").GetString());
        Assert.Equal(0, doc.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void Explain_reads_stdin()
    {
        var trace = Encoding.UTF8.GetBytes(TestFiles.Read("TestData/ssh-vvv/pubkeyoff.txt"));
        var (code, output, _) = RunWithStdin(trace, "explain", "-");
        Assert.Equal(0, code);
        Assert.Contains("[PUBKEY_AUTH_DISABLED]", output);
    }

    [Fact]
    public void Explain_reads_utf16_stdin_from_powershell()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes("Le serveur a refusé la clé.")).ToArray();
        var (code, output, _) = RunWithStdin(bytes, "explain", "-");
        Assert.Equal(0, code);
        Assert.Contains("[USER_UNKNOWN]", output);
    }

    [Fact]
    public void Explain_bad_input_exits_2_with_one_line()
    {
        foreach (var (stdin, args) in new (byte[]?, string[])[]
                 {
                     (null, ["explain"]),
                     (null, ["explain", "   "]),
                     (new byte[] { 0x7f, 0x45, 0x4c, 0x46, 0, 0, 1 }, ["explain", "-"]),
                     (new byte[2 << 20], ["explain", "-"]),
                 })
        {
            var (code, output, err) = stdin is null ? Run(args) : RunWithStdin(stdin, args);
            Assert.Equal(2, code);
            Assert.Equal("", output);
            Assert.Single(err.Trim().Split('\n'));
            Assert.DoesNotContain("Exception", err);
        }
    }

    [Fact]
    public void Logs_lab_file_json()
    {
        var (code, output, err) = Run("logs", "--json", TestFiles.PathOf("TestData/sshd-9.2/info.log"));
        Assert.Equal(1, code);
        Assert.Equal("", err);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        Assert.Equal("logs", root.GetProperty("command").GetString());
        Assert.Equal("refused", root.GetProperty("verdict").GetString());
        var bob = root.GetProperty("groups").EnumerateArray().Single(g => g.GetProperty("user").GetString() == "bob");
        Assert.Equal("STRICTMODES_MODE", bob.GetProperty("refusals")[0].GetProperty("id").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("id").GetString() == "STRICTMODES_MODE" && f.GetProperty("path").GetString() == "/home/bob");
        Assert.All(findings, f => Assert.Equal("blocking", f.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Logs_user_filter_and_clean_log()
    {
        var (code, output, _) = Run("logs", "--user", "root", TestFiles.PathOf("TestData/sshd-9.2/info.log"));
        Assert.Equal(0, code);
        Assert.Contains("root", output);
        Assert.DoesNotContain("bob", output);
    }

    [Fact]
    public void Logs_bad_input_exits_2_with_one_line()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-cli-");
        try
        {
            var binary = Path.Combine(dir.FullName, "wtmp");
            File.WriteAllBytes(binary, [1, 0, 0, 0, 0x7f, 0, 0, 0]);
            foreach (var args in new[]
                     {
                         new[] { "logs", Path.Combine(dir.FullName, "missing.log") },
                         new[] { "logs", dir.FullName },
                         new[] { "logs", binary },
                         new[] { "logs", "--since", "last tuesday", binary },
                         new[] { "logs", "--root", Path.Combine(dir.FullName, "nope") },
                     })
            {
                var (code, output, err) = Run(args);
                Assert.Equal(2, code);
                Assert.Equal("", output);
                Assert.Single(err.Trim().Split('\n'));
                Assert.StartsWith("sshdoctor: logs", err);
            }
            // A root without any sshd log (no auth.log, secure, nor journal entries): cannot decide.
            var (c3, _, e3) = Run("logs", "--root", dir.FullName);
            Assert.Equal(3, c3);
            Assert.Contains("journalctl", e3);
            Directory.CreateDirectory(Path.Combine(dir.FullName, "var", "log", "journal"));
            var (c4, _, e4) = Run("logs", "--root", dir.FullName);
            Assert.Equal(3, c4);
            Assert.Single(e4.Trim().Split('\n'));
        }
        finally
        {
            dir.Delete(true);
        }
    }

    [Fact]
    public void Logs_localized_summary()
    {
        var (_, output, _) = Run("logs", "--lang", "ko", TestFiles.PathOf("TestData/sshd-9.2/rootlogin.log"));
        Assert.Contains("사용자 root", output);
        Assert.Contains("[ROOT_LOGIN_REFUSED]", output);
    }
}
