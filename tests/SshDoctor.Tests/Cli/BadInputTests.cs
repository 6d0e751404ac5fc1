using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Cli;

public class BadInputTests
{
    private static void AssertOneCleanLine(Support.Cli.Result r)
    {
        var lines = r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(lines);
        Assert.DoesNotContain("   at ", r.Err);
        Assert.DoesNotContain("Exception", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Root_that_does_not_exist()
    {
        var r = Support.Cli.Run("check", "--root", "/nonexistent/sshdoctor-unit", "--user", "alice");
        Assert.Equal(2, r.Exit);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("/nonexistent/sshdoctor-unit", r.Err);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void Root_that_is_a_file()
    {
        using var f = new TempFile("not-a-dir", "x");
        var r = Support.Cli.Run("check", "--root", f.Path, "--user", "alice", "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Contains("not a directory", r.Err);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void Root_without_etc_passwd_is_not_linux()
    {
        using var t = new TargetTree(standard: false);
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Contains("Linux", r.Err);
        Assert.Contains("/etc/passwd", r.Err);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void Root_whose_etc_passwd_is_a_directory_is_not_linux()
    {
        using var t = new TargetTree(standard: false);
        t.Dir("/etc").Dir("/etc/passwd");
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice");
        Assert.Equal(2, r.Exit);
        AssertOneCleanLine(r);
    }

    // An unreadable root (exit 3) cannot be built here: the tests run as root, and root reads any mode
    // (CAP_DAC_OVERRIDE). That case is covered by TargetContext's own catch, not by a test.

    [Fact]
    public void Garbage_key_file()
    {
        using var t = new TargetTree();
        using var key = new TempFile("garbage.pub", "this is not a key\n\x01\x02");
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", key.Path, "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Single(r.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(key.Path, r.Err);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void Random_bytes_key_file()
    {
        using var t = new TargetTree();
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        using var key = new TempFile("random.key", bytes);
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", key.Path);
        Assert.Equal(2, r.Exit);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void Missing_key_file()
    {
        using var t = new TargetTree();
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--key", "/nonexistent/key.pub");
        Assert.Equal(2, r.Exit);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void User_and_all_users_together()
    {
        using var t = new TargetTree();
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--all-users", "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Contains("--all-users", r.Err);
        AssertOneCleanLine(r);
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("example.com")]
    [InlineData("10.0.0.0/8")]
    [InlineData("")]
    public void From_that_is_not_an_ip(string from)
    {
        using var t = new TargetTree();
        var r = Support.Cli.Run("check", "--root", t.Root, "--user", "alice", "--from", from);
        Assert.Equal(2, r.Exit);
        AssertOneCleanLine(r);
    }

    [Theory]
    [InlineData("check", "--frobnicate")]
    [InlineData("check", "--lang", "de")]
    [InlineData("frobnicate")]
    [InlineData("check", "extra-positional")]
    public void Unknown_options_and_commands(params string[] args)
    {
        var r = Support.Cli.Run(args);
        Assert.Equal(2, r.Exit);
        AssertOneCleanLine(r);
    }

    [Fact]
    public void At_argument_is_not_a_response_file()
    {
        using var t = new TargetTree();
        t.Keys("alice", TestKeys.Ed25519A + "\n");
        // If '@file' were expanded, "--root @rsp" would become "--root <tree>" and the check would run.
        using var rsp = new TempFile("rsp", t.Root + "\n");
        var r = Support.Cli.Run("check", "--root", "@" + rsp.Path, "--user", "alice");
        Assert.Equal(2, r.Exit);
        Assert.Contains("@" + rsp.Path, r.Err);
    }

    [Fact]
    public void Unknown_user_is_a_refusal_not_bad_input()
    {
        using var t = new TargetTree();
        using var key = new TempFile("a.pub", TestKeys.Ed25519A + "\n");
        var r = Support.Cli.Check(t, "mallory", key.Path);
        Assert.Equal(1, r.Exit);
        Assert.Contains("USER_UNKNOWN", r.Out);
    }
}
