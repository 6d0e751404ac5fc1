using System.Text;
using System.Text.Json;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

public class DamagedFileCliTests
{
    private static (int Exit, List<JsonElement> Findings) Check(TargetTree t)
    {
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path, "--from", "192.0.2.1");
        var doc = JsonDocument.Parse(r.Out);
        return (r.Exit, doc.RootElement.GetProperty("findings").EnumerateArray().Select(e => e.Clone()).ToList());
    }

    [Fact]
    public void Utf16_file_from_powershell()
    {
        using var t = new TargetTree();
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\r\n")).ToArray();
        t.Bytes("/home/alice/.ssh/authorized_keys", bytes, 600, TargetTree.Alice, TargetTree.Alice);
        var (exit, findings) = Check(t);
        Assert.Equal(1, exit);
        var f = Assert.Single(findings, x => x.GetProperty("severity").GetString() == "blocking");
        Assert.Equal("AUTHKEYS_ENCODING", f.GetProperty("id").GetString());
        Assert.Equal("/home/alice/.ssh/authorized_keys", f.GetProperty("path").GetString());
    }

    [Fact]
    public void Bom_on_the_first_line_gets_a_sed_fix_and_keeps_other_lines()
    {
        using var t = new TargetTree();
        t.Keys("alice", "\uFEFF" + TestKeys.Ed25519A + "\n" + TestKeys.Ed25519B + "\n");
        var (exit, findings) = Check(t);
        Assert.Equal(1, exit);
        var f = Assert.Single(findings, x => x.GetProperty("severity").GetString() == "blocking");
        Assert.Equal("KEY_LINE_INVALID", f.GetProperty("id").GetString());
        var cmd = Assert.Single(f.GetProperty("fix").GetProperty("commands").EnumerateArray()).GetString()!;
        Assert.Contains("then sed -i '1s/^\\xEF\\xBB\\xBF//'", cmd);
    }

    [Fact]
    public void Bom_before_another_key_does_not_hide_a_good_line()
    {
        using var t = new TargetTree();
        t.Keys("alice", "\uFEFF" + TestKeys.Ed25519B + "\n" + TestKeys.Ed25519A + "\n");
        Assert.Equal(0, Check(t).Exit);
    }

    [Fact]
    public void Text_output_and_other_languages_do_not_crash()
    {
        using var t = new TargetTree();
        t.Keys("alice", "\"" + TestKeys.Ed25519A + "\"\n");
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        foreach (var lang in new[] { "en", "fr", "pt", "ko", "ja" })
        {
            var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", key.Path, "--from", "192.0.2.1", "--lang", lang);
            Assert.Equal(1, r.Exit);
            Assert.NotEqual("", r.Out);
            Assert.Equal("", r.Err);
        }
    }
}
