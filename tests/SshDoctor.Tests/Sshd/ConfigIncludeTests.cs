using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Sshd;

public class ConfigIncludeTests
{
    private static SshdConfig Parse(TargetTree t) => ConfigParser.Parse(new TargetRoot(t.Root), Versions.V92);

    private static EffectiveConfig Effective(SshdConfig c, string user = "alice", string? addr = "192.0.2.10", IReadOnlyList<string>? groups = null) =>
        EffectiveConfig.For(c, Versions.V92, new ConnectionInfo(user, groups ?? [user], addr, 22));

    [Fact]
    public void Glob_includes_are_read_in_lexical_order_and_first_value_wins()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/50-cloud.conf", "PasswordAuthentication yes\nMaxAuthTries 3\n");
        t.File("/etc/ssh/sshd_config.d/10-hard.conf", "PasswordAuthentication no\n");
        t.File("/etc/ssh/sshd_config.d/9-late.conf", "MaxAuthTries 9\n"); // "9-" sorts after "50-" bytewise
        t.Config("Include /etc/ssh/sshd_config.d/*.conf\nPasswordAuthentication yes\nMaxAuthTries 1\n");
        var c = Parse(t);
        Assert.Empty(c.Errors);
        Assert.Equal(["/etc/ssh/sshd_config", "/etc/ssh/sshd_config.d/10-hard.conf", "/etc/ssh/sshd_config.d/50-cloud.conf", "/etc/ssh/sshd_config.d/9-late.conf"], c.Files);
        var e = Effective(c);
        Assert.False(e.Flag("passwordauthentication", true).Value);
        Assert.Equal("/etc/ssh/sshd_config.d/10-hard.conf", e.Flag("passwordauthentication", true).Source!.Value.File);
        Assert.Equal(3, e.MaxAuthTries.Value);
    }

    [Fact]
    public void Relative_include_is_relative_to_etc_ssh_not_the_including_file()
    {
        using var t = new TargetTree();
        t.Dir("/etc/ssh/extra");
        t.File("/etc/ssh/extra/a.conf", "Include b.conf\n");
        t.File("/etc/ssh/b.conf", "PubkeyAuthentication no\n");
        t.File("/etc/ssh/extra/b.conf", "PubkeyAuthentication yes\n");
        t.Config("Include extra/a.conf\n");
        var c = Parse(t);
        Assert.Empty(c.Errors);
        Assert.Contains("/etc/ssh/b.conf", c.Files);
        Assert.DoesNotContain("/etc/ssh/extra/b.conf", c.Files);
        Assert.False(Effective(c).PubkeyAuthentication.Value);
    }

    [Fact]
    public void Include_of_a_glob_matching_nothing_is_not_an_error()
    {
        using var t = new TargetTree();
        t.Config("Include /etc/ssh/sshd_config.d/*.conf\nInclude /etc/ssh/missing.conf\nPubkeyAuthentication yes\n");
        var c = Parse(t);
        Assert.Empty(c.Errors);
        Assert.True(Effective(c).PubkeyAuthentication.Value);
    }

    [Fact]
    public void Glob_skips_dot_files_and_non_matching_names()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/.hidden.conf", "PubkeyAuthentication no\n");
        t.File("/etc/ssh/sshd_config.d/x.conf.bak", "PubkeyAuthentication no\n");
        var c = Parse(t);
        Assert.Single(c.Files);
        Assert.True(Effective(c).PubkeyAuthentication.Value);
    }

    [Fact]
    public void Match_inside_an_included_file_does_not_leak_past_the_include()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/10-match.conf", "Match User bob\n    PasswordAuthentication yes\n");
        t.Config("Include /etc/ssh/sshd_config.d/*.conf\nPubkeyAuthentication no\n");
        var c = Parse(t);
        Assert.Empty(c.Errors);
        var pubkey = c.Entries.Single(e => e.Keyword == "pubkeyauthentication");
        Assert.Equal(-1, pubkey.Block);
        // alice is not bob, the line after the Include is global: it still applies.
        Assert.False(Effective(c, "alice").PubkeyAuthentication.Value);
        Assert.True(Effective(c, "bob").Flag("passwordauthentication", false).Value);
        Assert.False(Effective(c, "alice").Flag("passwordauthentication", false).Value);
    }

    [Fact]
    public void Include_inside_a_match_block_applies_only_when_the_block_matches()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/bob.conf", "PubkeyAuthentication no\nMatch Address 10.0.0.0/8\n  PasswordAuthentication yes\n");
        t.Config("Match User bob\n  Include bob.conf\n");
        var c = Parse(t);
        Assert.Empty(c.Errors);
        Assert.True(Effective(c, "alice").PubkeyAuthentication.Value);
        Assert.False(Effective(c, "bob").PubkeyAuthentication.Value);
        Assert.True(Effective(c, "bob", "10.1.2.3").Flag("passwordauthentication", false).Value);
        Assert.False(Effective(c, "alice", "10.1.2.3").Flag("passwordauthentication", false).Value);
    }

    [Fact]
    public void Error_in_an_included_file_names_that_file_and_line()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/20-bad.conf", "# comment\nPubkeyAuthentication maybe\n");
        var c = Parse(t);
        var error = Assert.Single(c.Errors);
        Assert.Equal("/etc/ssh/sshd_config.d/20-bad.conf", error.Source.File);
        Assert.Equal(2, error.Source.Line);
    }

    [Fact]
    public void Recursive_include_stops_with_an_error_instead_of_looping()
    {
        using var t = new TargetTree();
        t.Config("Include /etc/ssh/sshd_config\n");
        var c = Parse(t);
        var error = Assert.Single(c.Errors);
        Assert.Equal("Too many recursive configuration includes", error.Problem);
        Assert.Equal(new ConfigSource("/etc/ssh/sshd_config", 1), error.Source);
        Assert.Equal(17, c.Files.Count); // depth 0 to 16, as sshd reads them before its fatal()
    }

    [Fact]
    public void File_including_itself_three_times_stops_at_the_first_too_deep_include_in_well_under_a_second()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/a.conf", "Include /etc/ssh/a.conf\nInclude /etc/ssh/a.conf\nInclude /etc/ssh/a.conf\nPubkeyAuthentication yes\n");
        t.Config("Include a.conf\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = Parse(t);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"took {sw.Elapsed}");
        var error = Assert.Single(c.Errors);
        Assert.Equal("Too many recursive configuration includes", error.Problem);
        Assert.Equal(new ConfigSource("/etc/ssh/a.conf", 1), error.Source);
    }

    [Fact]
    public void Mutually_including_files_with_globs_stop_like_sshd()
    {
        using var t = new TargetTree();
        t.File("/etc/ssh/sshd_config.d/a.conf", "Include /etc/ssh/sshd_config.d/*.conf\n");
        t.File("/etc/ssh/sshd_config.d/b.conf", "Include /etc/ssh/sshd_config.d/*.conf\nInclude /etc/ssh/sshd_config.d/a.conf\n");
        t.Config("Include /etc/ssh/sshd_config.d/*.conf\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = Parse(t);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"took {sw.Elapsed}");
        Assert.Equal("Too many recursive configuration includes", Assert.Single(c.Errors).Problem);
    }

    [Fact]
    public void Wide_finite_include_tree_is_cut_by_the_total_file_bound()
    {
        // Twelve files each including the next twice: 2^12 files, all below sshd's depth bound.
        using var t = new TargetTree();
        for (var i = 0; i < 12; i++)
            t.File($"/etc/ssh/l{i}.conf", i == 11 ? "PubkeyAuthentication yes\n" : $"Include l{i + 1}.conf\nInclude l{i + 1}.conf\n");
        t.Config("Include l0.conf\nInclude l0.conf\n");
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var c = Parse(t);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(1), $"took {sw.Elapsed}");
        Assert.Contains("sshdoctor stops reading here", Assert.Single(c.Errors).Problem);
        Assert.True(c.Files.Count <= ConfigParser.MaxFilesRead);
    }

    [Fact]
    public void Missing_main_config_is_an_error()
    {
        using var t = new TargetTree();
        System.IO.File.Delete(t.Host("/etc/ssh/sshd_config"));
        var c = Parse(t);
        Assert.Single(c.Errors);
    }
}
