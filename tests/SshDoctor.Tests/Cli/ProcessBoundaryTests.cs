using SshDoctor.Tests.Support;
using SshDoctor.TestSupport;

namespace SshDoctor.Tests.Cli;

/// <summary>What only a real process shows: a closed standard input, and an unprivileged user. Runs the executable.</summary>
public sealed class ProcessBoundaryTests
{
    /// <summary>The executable with fd 0 closed, as `sshdoctor ARGS <&-` from a shell.</summary>
    private static (int Exit, string Out, string Err) WithStdinClosed(params string[] args) =>
        CliRunner.RunProcess("/bin/sh", ["-c", "exec \"$0\" \"$@\" <&-", CliRunner.Executable, .. args], []);

    [Fact]
    public void Explain_dash_with_stdin_closed_reads_nothing_and_answers()
    {
        var r = WithStdinClosed("explain", "-", "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Contains("no text given", r.Err);
        Assert.DoesNotContain("Unexpected error", r.Err);
    }

    [Fact]
    public void Logs_dash_with_stdin_closed_reads_an_empty_input()
    {
        var r = WithStdinClosed("logs", "-", "--json", "--lang", "en");
        Assert.Equal(3, r.Exit); // no sshd line: nothing to judge
        Assert.Contains("\"sshd_lines\": 0", r.Out);
        Assert.DoesNotContain("Unexpected error", r.Err);
    }

    [Fact]
    public void Explain_dash_still_reads_a_real_pipe()
    {
        var r = CliRunner.RunProcess(CliRunner.Executable, ["explain", "-", "--lang", "en"], "Server refused our key.\n"u8.ToArray());
        Assert.Equal(0, r.Exit);
        Assert.Contains("Server refused our key", r.Out);
    }

    [Theory]
    [InlineData("en", "sudo")]
    [InlineData("fr", "sudo")]
    [InlineData("ja", "sudo")]
    public void An_unprivileged_user_is_told_which_file_needs_root(string lang, string hint)
    {
        using var t = new TargetTree(); // etc/shadow is 0640 root:root
        var r = AsNobody("check", "--root", t.Root, "--user", "alice", "--lang", lang);
        Assert.Equal(2, r.Exit);
        Assert.Contains(t.Host("/etc/shadow"), r.Err);
        Assert.Contains(hint, r.Err);
        Assert.DoesNotContain("Unexpected", r.Err);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void An_unprivileged_logs_names_the_log_it_cannot_read()
    {
        using var t = new TargetTree();
        t.Dir("/var", 755).Dir("/var/log", 755).File("/var/log/auth.log", "Dec  1 10:00:00 host sshd[1]: Server listening\n", 600);
        var r = AsNobody("logs", "--root", t.Root, "--lang", "en");
        Assert.Equal(2, r.Exit);
        Assert.Contains(t.Host("/var/log/auth.log") + ": permission denied", r.Err);
        Assert.Contains("sudo", r.Err);
    }

    /// <summary>As uid/gid 65534 when the tests run as root (CI); as the current user otherwise.</summary>
    private static (int Exit, string Out, string Err) AsNobody(params string[] args) =>
        Environment.IsPrivilegedProcess
            ? CliRunner.RunProcess("setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", CliRunner.Executable, .. args], [])
            : CliRunner.RunProcess(CliRunner.Executable, args, []);
}
