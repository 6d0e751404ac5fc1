using SshDoctor.Core.Sshd;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Tests.SshConfig;

/// <summary>The resolver's bounds and refusals (the field-by-field agreement with ssh -G is in the lab).</summary>
public sealed class SshConfigResolverTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-cfg-").FullName;

    public void Dispose() => Directory.Delete(_dir, true);

    private ResolvedSshConfig Resolve(string config, string host = "web")
    {
        var path = Path.Combine(_dir, "config");
        File.WriteAllText(path, config);
        return SshConfigResolver.Resolve(new SshConfigRequest(host) { ConfigFile = path, Home = _dir, LocalUser = "me", Uid = "1000", LocalHost = "laptop.example" });
    }

    [Fact]
    public void Match_exec_is_reported_and_never_run()
    {
        var marker = Path.Combine(_dir, "ran");
        var r = Resolve($"Match exec \"touch {marker}\"\n  User fromexec\nHost *\n  User plain\n");
        Assert.Equal("plain", r.User);
        Assert.False(File.Exists(marker));
        Assert.Contains(r.Notes, n => n.Code == "match_exec_not_run");
    }

    [Fact]
    public void An_include_loop_stops_at_the_depth_limit()
    {
        File.WriteAllText(Path.Combine(_dir, "loop"), $"Include {_dir}/loop\nHost *\n  Port 2222\n");
        var r = Resolve($"Include {_dir}/loop\n");
        Assert.Equal(2222, r.Port);
        Assert.Contains(r.Notes, n => n.Code == "include_depth");
    }

    [Fact]
    public void A_missing_F_file_is_an_error_as_in_ssh()
    {
        Assert.Throws<SshConfigException>(() =>
            SshConfigResolver.Resolve(new SshConfigRequest("h") { ConfigFile = Path.Combine(_dir, "absent") }));
    }

    [Fact]
    public void Tokens_expand_in_identity_paths()
    {
        var r = Resolve("Host web\n  HostName web.example.org\n  User deploy\n  IdentityFile ~/.ssh/%r@%h:%p-%u-%L\n");
        Assert.Equal($"{_dir}/.ssh/deploy@web.example.org:22-me-laptop", r.IdentityPaths[0]);
        Assert.Equal("~/.ssh/%r@%h:%p-%u-%L", r.IdentityFiles[0]);
    }

    [Theory]
    [InlineData("web1", "a*", false)]
    [InlineData("web1", "w?b*", true)]
    [InlineData("db.internal", "*.internal", true)]
    public void Patterns_match_as_ssh_does(string text, string pattern, bool expected) =>
        Assert.Equal(expected, Patterns.Match(text, pattern));

    [Fact]
    public void A_negated_pattern_wins_in_a_list() =>
        Assert.Equal(-1, Patterns.MatchList("bastion", "*,!bastion", lowerCase: true));
}
