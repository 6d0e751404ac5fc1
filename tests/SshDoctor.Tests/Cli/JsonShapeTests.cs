using System.Text.Json;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

/// <summary>
/// One shape across commands: tool, schema, command, target where the command reads a system, verdict or
/// result, and exit codes with one meaning (a command whose own findings block exits 1; --json errors are documents).
/// </summary>
public sealed class JsonShapeTests
{
    private static JsonElement Doc(Support.Cli.Result r)
    {
        using var d = JsonDocument.Parse(r.Out);
        return d.RootElement.Clone();
    }

    private static void AssertCommon(JsonElement doc, string command, bool hasTarget)
    {
        Assert.Equal("sshdoctor", doc.GetProperty("tool").GetString());
        Assert.Equal(1, doc.GetProperty("schema").GetInt32());
        Assert.Equal(command, doc.GetProperty("command").GetString());
        Assert.Equal(hasTarget, doc.TryGetProperty("target", out _));
        Assert.True(doc.TryGetProperty("verdict", out _) || doc.TryGetProperty("result", out _), "neither verdict nor result");
    }

    [Fact]
    public void Check_accepted_and_refused()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        using var a = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        using var b = new TempFile("b.pub", TestKeys.Ed25519B + "\n");
        var ok = Support.Cli.Check(t, "alice", a.Path);
        Assert.Equal(0, ok.Exit);
        AssertCommon(Doc(ok), "check", true);
        var refused = Support.Cli.Check(t, "alice", b.Path);
        Assert.Equal(1, refused.Exit);
        Assert.Equal("refused", Doc(refused).GetProperty("verdict").GetString());
    }

    [Fact]
    public void Fix_dry_run_refused_exits_1_and_undo_has_target_beside_root()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519B + "\n");
        using var a = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var dry = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", a.Path, "--dry-run", "--json");
        Assert.Equal(1, dry.Exit);
        var d = Doc(dry);
        AssertCommon(d, "fix", true);
        Assert.Equal("refused", d.GetProperty("verdict").GetString());

        var applied = Support.Cli.Run("fix", "--root", t.Root, "--user", "alice", "--key", a.Path, "--json");
        Assert.Equal(0, applied.Exit);
        Assert.Equal("accepted", Doc(applied).GetProperty("verdict").GetString());

        var undo = Support.Cli.Run("undo", "--root", t.Root, "--json");
        Assert.Equal(0, undo.Exit);
        var u = Doc(undo);
        AssertCommon(u, "undo", true);
        Assert.Equal(u.GetProperty("root").GetString(), u.GetProperty("target").GetProperty("root").GetString());
        Assert.Equal("undone", u.GetProperty("result").GetString());
    }

    [Fact]
    public void Userdata_explain_key_have_a_result_and_no_target()
    {
        using var a = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var userdata = Support.Cli.Run("userdata", "--user", "alice", "--key", a.Path, "--json");
        Assert.Equal(0, userdata.Exit);
        AssertCommon(Doc(userdata), "userdata", false);
        Assert.Equal("generated", Doc(userdata).GetProperty("result").GetString());

        var explain = Support.Cli.Run("explain", "--json", "Server refused our key");
        Assert.Equal(0, explain.Exit);
        AssertCommon(Doc(explain), "explain", false);
        Assert.Equal("recognized", Doc(explain).GetProperty("result").GetString());
        var unknown = Support.Cli.Run("explain", "--json", "the weather is fine");
        Assert.Equal(1, unknown.Exit);
        Assert.Equal("not_recognized", Doc(unknown).GetProperty("result").GetString());

        var key = Support.Cli.Run("key", "inspect", a.Path, "--json");
        Assert.Equal(0, key.Exit);
        AssertCommon(Doc(key), "key inspect", false);
        Assert.Equal("clean", Doc(key).GetProperty("result").GetString());
    }

    [Fact]
    public void Logs_has_target_and_verdict()
    {
        var r = Support.Cli.Run("logs", "--json", TestFiles.PathOf("TestData/sshd-9.2/info.log"));
        AssertCommon(Doc(r), "logs", true);
    }

    [Theory]
    [InlineData("check", "--root", "/nonexistent-sshdoctor", "--user", "x")]
    [InlineData("fix", "--root", "/nonexistent-sshdoctor", "--user", "x")]
    [InlineData("undo", "--root", "/nonexistent-sshdoctor")]
    [InlineData("logs", "/nonexistent-sshdoctor/auth.log")]
    [InlineData("key", "inspect", "/nonexistent-sshdoctor/id")]
    [InlineData("userdata", "--user", "-bad")]
    [InlineData("check", "--no-such-option")]
    public void Errors_are_a_json_document_on_stdout_and_a_line_on_stderr(params string[] args)
    {
        var r = Support.Cli.Run([.. args, "--json"]);
        Assert.Equal(2, r.Exit);
        var d = Doc(r);
        Assert.Equal("sshdoctor", d.GetProperty("tool").GetString());
        Assert.Equal(1, d.GetProperty("schema").GetInt32());
        Assert.Equal(args[0] == "key" ? "key inspect" : args[0], d.GetProperty("command").GetString());
        var error = d.GetProperty("error");
        Assert.False(string.IsNullOrEmpty(error.GetProperty("id").GetString()));
        var message = error.GetProperty("message").GetString()!;
        Assert.False(string.IsNullOrEmpty(message));
        Assert.Contains("sshdoctor: ", r.Err);
    }
}
