using System.Text.Json;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

public class JsonContractTests
{
    private static void AssertFindingShape(JsonElement f)
    {
        Assert.Equal(JsonValueKind.String, f.GetProperty("id").ValueKind);
        Assert.Contains(f.GetProperty("severity").GetString(), new[] { "blocking", "warning", "info" });
        Assert.True(f.TryGetProperty("path", out var path) && path.ValueKind is JsonValueKind.String or JsonValueKind.Null);
        Assert.True(f.TryGetProperty("user", out var user) && user.ValueKind is JsonValueKind.String or JsonValueKind.Null);
        Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("message").GetString()));
        var fix = f.GetProperty("fix");
        Assert.Equal(JsonValueKind.String, fix.GetProperty("summary").ValueKind);
        Assert.Equal(JsonValueKind.Array, fix.GetProperty("commands").ValueKind);
        Assert.All(fix.GetProperty("commands").EnumerateArray(), c => Assert.Equal(JsonValueKind.String, c.ValueKind));
    }

    [Fact]
    public void Refused_check_has_the_contract_fields()
    {
        using var t = new TargetTree("amzn", "2023");
        t.Keys("alice", TestKeys.Ed25519A + "\n").Chmod("/home/alice", 777);
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path, "--from", "192.0.2.1");
        Assert.Equal(1, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        var root = doc.RootElement;
        Assert.Equal("sshdoctor", root.GetProperty("tool").GetString());
        Assert.Equal(1, root.GetProperty("schema").GetInt32());
        Assert.Equal("check", root.GetProperty("command").GetString());
        var target = root.GetProperty("target");
        Assert.Equal(Path.GetFullPath(t.Root), target.GetProperty("root").GetString());
        Assert.Equal("amzn", target.GetProperty("os").GetProperty("id").GetString());
        Assert.Equal("2023", target.GetProperty("os").GetProperty("version").GetString());
        Assert.Equal(JsonValueKind.String, target.GetProperty("sshd").GetProperty("version").ValueKind);
        Assert.Equal("alice", root.GetProperty("user").GetString());
        var k = root.GetProperty("key");
        Assert.Equal("ssh-ed25519", k.GetProperty("type").GetString());
        Assert.Equal(TestKeys.Ed25519ASha256, k.GetProperty("sha256").GetString());
        Assert.StartsWith("MD5:", k.GetProperty("md5").GetString());
        Assert.Equal("alice@laptop", k.GetProperty("comment").GetString());
        Assert.Equal("refused", root.GetProperty("verdict").GetString());
        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        Assert.All(findings, AssertFindingShape);
        var mode = Assert.Single(findings, f => f.GetProperty("id").GetString() == "STRICTMODES_MODE");
        Assert.Equal("blocking", mode.GetProperty("severity").GetString());
        // Paths are as seen inside the target; commands are for the host where the tree is mounted.
        Assert.Equal("/home/alice", mode.GetProperty("path").GetString());
        Assert.All(findings, f => Assert.DoesNotContain(t.Root, f.GetProperty("path").GetString() ?? ""));
        Assert.Contains(mode.GetProperty("fix").GetProperty("commands").EnumerateArray(), c => c.GetString()!.Contains(t.Root + "/home/alice"));
        Assert.Equal("", r.Err);
    }

    [Fact]
    public void Accepted_check_has_no_blocking_findings_and_exit_0()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", key.Path, "--from", "192.0.2.1");
        Assert.Equal(0, r.Exit);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("accepted", doc.RootElement.GetProperty("verdict").GetString());
        Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.NotEqual("blocking", f.GetProperty("severity").GetString()));
    }

    [Fact]
    public void Json_without_key_has_key_absent_or_null()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "alice", null);
        using var doc = JsonDocument.Parse(r.Out);
        Assert.True(!doc.RootElement.TryGetProperty("key", out var k) || k.ValueKind == JsonValueKind.Null);
        Assert.Equal("alice", doc.RootElement.GetProperty("user").GetString());
    }

    [Fact]
    public void All_users_json_parses_and_names_users_in_findings()
    {
        using var t = new TargetTree();
        t.Keys("bob", TestKeys.Ed25519A + "\n");
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Run("check", "--root", t.Root, "--all-users", "--key", key.Path, "--json", "--lang", "en");
        using var doc = JsonDocument.Parse(r.Out);
        Assert.Equal("accepted", doc.RootElement.GetProperty("verdict").GetString());
        Assert.All(doc.RootElement.GetProperty("findings").EnumerateArray(), AssertFindingShape);
        Assert.Equal(0, r.Exit);
    }

    [Fact]
    public void Private_key_is_judged_by_its_public_half()
    {
        // design.md: --key accepts a private key in any supported format; its public half is used.
        var dir = Directory.CreateTempSubdirectory("sshdoctor-unit-k-").FullName;
        try
        {
            var keyPath = Path.Combine(dir, "id");
            var p = System.Diagnostics.Process.Start("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", "gen", "-f", keyPath])!;
            p.WaitForExit();
            Assert.Equal(0, p.ExitCode);
            using var t = new TargetTree();
            t.Keys("alice", File.ReadAllText(keyPath + ".pub"));
            var fromPrivate = Support.Cli.Check(t, "alice", keyPath, "--from", "192.0.2.1");
            var fromPublic = Support.Cli.Check(t, "alice", keyPath + ".pub", "--from", "192.0.2.1");
            Assert.Equal(0, fromPrivate.Exit);
            Assert.Equal(0, fromPublic.Exit);
            using var a = JsonDocument.Parse(fromPrivate.Out);
            using var b = JsonDocument.Parse(fromPublic.Out);
            Assert.Equal(b.RootElement.GetProperty("key").GetProperty("sha256").GetString(),
                a.RootElement.GetProperty("key").GetProperty("sha256").GetString());
        }
        finally { Directory.Delete(dir, true); }
    }
}
