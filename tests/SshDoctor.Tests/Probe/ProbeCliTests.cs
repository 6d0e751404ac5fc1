using SshDoctor.Cli;
using SshDoctor.Cli.Commands;
using SshDoctor.Core.Localization;

namespace SshDoctor.Tests.Probe;

public class ProbeCliTests
{
    private static readonly Messages En = Messages.For(Lang.En);

    [Theory]
    [InlineData("host", null, "host", 22)]
    [InlineData("ubuntu@10.0.0.5", "ubuntu", "10.0.0.5", 22)]
    [InlineData("ec2-user@ec2-1-2-3-4.compute.amazonaws.com:2222", "ec2-user", "ec2-1-2-3-4.compute.amazonaws.com", 2222)]
    [InlineData("root@[::1]:2200", "root", "::1", 2200)]
    [InlineData("[fe80::1]", null, "fe80::1", 22)]
    [InlineData("jane@corp.example@10.0.0.7", "jane@corp.example", "10.0.0.7", 22)]
    [InlineData("fe80::1", null, "fe80::1", 22)]
    public void Targets_parse(string text, string? user, string host, int port)
    {
        Assert.Equal((user, host, port), ProbeTarget.Parse(text, En));
    }

    [Theory]
    [InlineData("")]
    [InlineData("host:0")]
    [InlineData("host:99999")]
    [InlineData("host:ssh")]
    [InlineData("bad user@host")]
    [InlineData("-oProxyCommand=x@host")]
    [InlineData("-oProxyCommand=x")]
    [InlineData("host;reboot")]
    [InlineData("[::1")]
    public void Bad_targets_are_usage_errors(string text)
    {
        Assert.Throws<UsageException>(() => ProbeTarget.Parse(text, En));
    }

    private static (int Exit, string Out, string Err) Run(params string[] args) => SshDoctor.TestSupport.CliRunner.Run(args);

    [Fact]
    public void Usage_errors_exit_2_with_one_line_and_no_stdout()
    {
        var missing = Path.Combine(Path.GetTempPath(), "sshdoctor-no-such-key-" + Guid.NewGuid());
        foreach (var args in new[]
                 {
                     new[] { "probe", "bad target@", "-i", missing },
                     ["probe", "127.0.0.1:1", "-i", missing, "--lang", "en"],
                     ["probe", "127.0.0.1:1", "-i", missing, "--timeout", "0"],
                     ["probe", "127.0.0.1:1", "-i", missing, "--users", string.Join(",", Enumerable.Range(0, 20).Select(i => "u" + i))],
                     ["probe", "127.0.0.1:1", "-i", missing, "--users", ","],
                 })
        {
            var (exit, stdout, stderr) = Run(args);
            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.StartsWith("sshdoctor: ", stderr);
            Assert.DoesNotContain("   at ", stderr);
        }
    }

    [Fact]
    public void Login_with_only_a_public_key_is_a_usage_error()
    {
        var pub = Path.Combine(Path.GetTempPath(), $"sshdoctor-probe-{Guid.NewGuid()}.pub");
        File.WriteAllText(pub, "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIG6VLDGN7N9st4WGC+UqyPmF9HmPG8Ah9iNOVN87g6oy test\n");
        try
        {
            var (exit, stdout, stderr) = Run("probe", "127.0.0.1:1", "-i", pub, "--login", "--lang", "en");
            Assert.Equal(2, exit);
            Assert.Equal("", stdout);
            Assert.Contains("--login", stderr);
        }
        finally { File.Delete(pub); }
    }

    [Fact]
    public void Every_probe_text_exists_in_every_language_with_the_same_placeholders()
    {
        var en = Texts.Table(Lang.En).Where(kv => kv.Key.StartsWith("probe.", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(en);
        foreach (var lang in new[] { Lang.Fr, Lang.Pt, Lang.Ko, Lang.Ja })
        {
            var table = Texts.Table(lang);
            foreach (var (key, text) in en)
            {
                Assert.True(table.TryGetValue(key, out var translated), $"{lang}: {key} missing");
                Assert.Equal(Messages.Placeholders(text).Order(), Messages.Placeholders(translated!).Order());
            }
            Assert.Equal(en.Count, table.Keys.Count(k => k.StartsWith("probe.", StringComparison.Ordinal)));
        }
    }
}
