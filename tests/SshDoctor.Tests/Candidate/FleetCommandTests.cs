using System.Text.Json;
using SshDoctor.Tests.Support;
using Xunit;

namespace SshDoctor.Tests.Candidate;

/// <summary>report (fleet summary) and ansible-module (Ansible's module protocol) on real trees and real documents.</summary>
public sealed class FleetCommandTests : IDisposable
{
    private readonly TargetTree _tree = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-fleet-").FullName;

    public FleetCommandTests()
    {
        _tree.Keys("alice", TestKeys.Ed25519A + "\n");
        _tree.Keys("bob", TestKeys.Ed25519B + "\n");
        _tree.File("/etc/hostname", "web-1\n");
    }

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        return path;
    }

    [Fact]
    public void Report_merges_check_and_candidate_documents_and_error_documents()
    {
        var candidate = Write("a.conf", "AllowUsers alice\n");
        var jsonl = Support.Cli.Run("check", "--root", _tree.Root, "--all-users", "--format", "jsonl", "--candidate", candidate).Out;
        var plain = Support.Cli.Run("check", "--root", _tree.Root, "--user", "carol", "--json").Out; // carol has no key file
        var error = "{\"tool\":\"sshdoctor\",\"schema\":1,\"command\":\"check\",\"error\":{\"id\":\"root_missing\",\"message\":\"/mnt/x does not exist.\"}}\n";
        var file = Write("fleet.jsonl", jsonl + error);
        var r = Support.Cli.Run("report", file, Write("carol.json", plain), "--json");
        Assert.Equal(1, r.Exit);
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal("loses_access", doc.GetProperty("result").GetString());
        Assert.Equal(3, doc.GetProperty("hosts").GetInt32());
        Assert.Equal(2, doc.GetProperty("judged").GetInt32());
        var losing = Assert.Single(doc.GetProperty("losing_access").EnumerateArray());
        Assert.Equal("web-1", losing.GetProperty("host").GetString());
        Assert.Equal(["bob"], losing.GetProperty("users").EnumerateArray().Select(u => u.GetString()));
        Assert.Contains(doc.GetProperty("findings").EnumerateArray(), f => f.GetProperty("severity").GetString() == "blocking");
        Assert.Equal("/mnt/x does not exist.", doc.GetProperty("not_judged")[0].GetProperty("reason").GetString());
    }

    [Fact]
    public void Report_of_healthy_hosts_exits_zero_and_says_so()
    {
        var ok = Support.Cli.Run("check", "--root", _tree.Root, "--user", "alice", "--key", Write("a.pub", TestKeys.Ed25519A + "\n"), "--json").Out;
        var r = Support.Cli.Run("report", Write("ok.json", ok + ok), "--lang", "fr");
        Assert.Equal(0, r.Exit);
        Assert.Contains("Rien ne bloque", r.Out);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"tool\":\"other\"}")]
    [InlineData("")]
    public void Report_names_the_file_it_cannot_read(string content)
    {
        var path = Write("bad.json", content);
        var r = Support.Cli.Run("report", path);
        Assert.Equal(2, r.Exit);
        Assert.Contains("bad.json", r.Err);
    }

    [Fact]
    public void The_ansible_module_reports_a_loss_as_failed_with_the_accounts()
    {
        var args = Write("args", JsonSerializerArgs(new()
        {
            ["root"] = _tree.Root,
            ["candidate_content"] = new Dictionary<string, string> { ["/etc/ssh/sshd_config.d/90-h.conf"] = "AllowUsers alice\n" },
            ["_ansible_check_mode"] = false,
        }));
        var r = Support.Cli.Run("ansible-module", args);
        var doc = JsonDocument.Parse(r.Out).RootElement;
        Assert.False(doc.GetProperty("changed").GetBoolean());
        Assert.True(doc.GetProperty("failed").GetBoolean());
        Assert.Contains("bob", doc.GetProperty("msg").GetString());
        Assert.Equal("loses_access", doc.GetProperty("result").GetString());
        Assert.Equal("check", doc.GetProperty("sshdoctor").GetProperty("command").GetString());
        Assert.Equal(0, r.Exit);
    }

    [Fact]
    public void The_ansible_module_accepts_the_wrapped_form_and_passes_when_nobody_loses()
    {
        var args = Write("args", "{\"ANSIBLE_MODULE_ARGS\": {\"root\": \"" + _tree.Root + "\", \"candidate_content\": {\"/etc/ssh/sshd_config.d/90-h.conf\": \"MaxAuthTries 4\\n\"}, \"lang\": \"ja\"}}");
        var doc = JsonDocument.Parse(Support.Cli.Run("ansible-module", args).Out).RootElement;
        Assert.False(doc.GetProperty("failed").GetBoolean());
        Assert.Equal("この候補で公開鍵によるアクセスを失うアカウントはありません。", doc.GetProperty("msg").GetString());
    }

    [Theory]
    [InlineData("{\"root\": \"/\", \"rooot\": \"/mnt\"}", "rooot")]
    [InlineData("[1, 2]", "not a JSON object")]
    [InlineData("{\"root\": \"/nonexistent-sshdoctor\"}", "nonexistent-sshdoctor")]
    public void The_ansible_module_fails_with_a_message_on_bad_arguments(string json, string expected)
    {
        var doc = JsonDocument.Parse(Support.Cli.Run("ansible-module", Write("args", json)).Out).RootElement;
        Assert.True(doc.GetProperty("failed").GetBoolean());
        Assert.Contains(expected, doc.GetProperty("msg").GetString());
    }

    private static string JsonSerializerArgs(Dictionary<string, object> args)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            foreach (var (k, v) in args)
            {
                w.WritePropertyName(k);
                switch (v)
                {
                    case string s: w.WriteStringValue(s); break;
                    case bool b: w.WriteBooleanValue(b); break;
                    case Dictionary<string, string> d:
                        w.WriteStartObject();
                        foreach (var (dk, dv) in d) w.WriteString(dk, dv);
                        w.WriteEndObject();
                        break;
                }
            }
            w.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
