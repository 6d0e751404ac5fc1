using System.Diagnostics;
using SshDoctor.Cli;
using SshDoctor.Cli.Help;

namespace SshDoctor.Tests.Cli;

/// <summary>--help in every language, "did you mean", and completion scripts and man page generated from the tree.</summary>
public sealed class HelpAndCompletionTests
{
    private static readonly string[] Commands = ["check", "fix", "undo", "probe", "knownhosts", "userdata", "explain", "logs", "key", "completion", "man"];

    [Theory]
    [InlineData("fr", "Utilisation\u00a0:", "Codes de sortie\u00a0:")]
    [InlineData("pt", "Uso:", "Códigos de saída:")]
    [InlineData("ko", "사용법:", "종료 코드:")]
    [InlineData("ja", "使い方:", "終了コード:")]
    public void Help_is_in_the_language_for_every_command(string lang, string usage, string exit)
    {
        var english = Support.Cli.Run("check", "--help", "--lang", "en").Out;
        foreach (var path in new[] { "check", "fix", "undo", "probe", "knownhosts", "userdata", "explain", "logs", "key inspect", "key public", "key convert", "completion", "man", "report", "ansible-module" })
        {
            var r = Support.Cli.Run([.. path.Split(' '), "--help", "--lang", lang]);
            Assert.Equal(0, r.Exit);
            Assert.Contains(usage, r.Out);
            Assert.Contains(exit, r.Out);
            // No option line is left in English: each description differs from the English help's.
            foreach (var line in r.Out.Split('\n').Where(l => l.StartsWith("  --")))
                Assert.DoesNotContain(line.TrimEnd(), english.Split('\n').Select(l => l.TrimEnd()));
        }
    }

    [Fact]
    public void Help_follows_LANG_when_no_lang_is_given()
    {
        var saved = Environment.GetEnvironmentVariable("LANG");
        var savedAll = Environment.GetEnvironmentVariable("LC_ALL");
        var savedMsg = Environment.GetEnvironmentVariable("LC_MESSAGES");
        try
        {
            Environment.SetEnvironmentVariable("LC_ALL", null);
            Environment.SetEnvironmentVariable("LC_MESSAGES", null);
            Environment.SetEnvironmentVariable("LANG", "ja_JP.UTF-8");
            Assert.Contains("使い方:", Support.Cli.Run("fix", "--help").Out);
        }
        finally
        {
            Environment.SetEnvironmentVariable("LANG", saved);
            Environment.SetEnvironmentVariable("LC_ALL", savedAll);
            Environment.SetEnvironmentVariable("LC_MESSAGES", savedMsg);
        }
    }

    [Theory]
    [InlineData(new[] { "chek" }, "sshdoctor check")]
    [InlineData(new[] { "check", "--usr", "x" }, "--user")]
    [InlineData(new[] { "key", "inspct", "f" }, "sshdoctor key inspect")]
    [InlineData(new[] { "fix", "--dry-rn" }, "--dry-run")]
    public void Did_you_mean(string[] args, string suggestion)
    {
        var r = Support.Cli.Run([.. args, "--lang", "en"]);
        Assert.Equal(2, r.Exit);
        Assert.Contains("Did you mean " + suggestion + "?", r.Err);
    }

    [Fact]
    public void Closest_needs_a_near_name() => Assert.Null(UsageErrors.Closest("zzzzzz", ["check", "fix"]));

    private static (int Exit, string Err) Shell(string shell, string args, string script)
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("sshdoctor-unit-c-").FullName, "completion");
        File.WriteAllText(file, script);
        var psi = new ProcessStartInfo(shell) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args.Split(' ', StringSplitOptions.RemoveEmptyEntries)) psi.ArgumentList.Add(a);
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, err);
    }

    private static bool Installed(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, tool)));

    [Theory]
    [InlineData("bash", "-n")]
    [InlineData("zsh", "-n")]
    [InlineData("fish", "--no-execute")]
    public void Completion_scripts_load_and_list_every_command(string shell, string check)
    {
        var r = Support.Cli.Run("completion", shell);
        Assert.Equal(0, r.Exit);
        foreach (var c in Commands) Assert.Contains(c, r.Out);
        foreach (var sub in new[] { "inspect", "public", "convert", "all-users", "dry-run", "allow-config-edit" }) Assert.Contains(sub, r.Out);
        // scripts/install-lab-tools.sh installs zsh and fish; bash is always there.
        Assert.True(Installed(shell), $"{shell} is not installed: run scripts/install-lab-tools.sh");
        var (exit, err) = Shell(shell, check, r.Out);
        Assert.True(exit == 0, $"{shell} {check}: {err}");
    }

    [Fact]
    public void Bash_completion_completes_subcommands_and_options()
    {
        var script = Support.Cli.Run("completion", "bash").Out +
                     "COMP_WORDS=(sshdoctor key con); COMP_CWORD=2; _sshdoctor; echo \"${COMPREPLY[*]}\"\n" +
                     "COMP_WORDS=(sshdoctor fix --dry); COMP_CWORD=2; _sshdoctor; echo \"${COMPREPLY[*]}\"\n";
        var file = Path.Combine(Directory.CreateTempSubdirectory("sshdoctor-unit-c-").FullName, "t.bash");
        File.WriteAllText(file, script);
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(file);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(["convert", "--dry-run"], output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Man_page_has_every_command()
    {
        var r = Support.Cli.Run("man");
        Assert.Equal(0, r.Exit);
        Assert.StartsWith(".TH SSHDOCTOR 1", r.Out);
        foreach (var c in Commands) Assert.Contains(".SH " + c.ToUpperInvariant(), r.Out);
        var tree = CliApp.BuildTree(TextWriter.Null, TextWriter.Null);
        foreach (var chain in HelpText.Walk(tree).Skip(1))
            foreach (var o in HelpText.VisibleOptions(chain[^1]))
                Assert.Contains(o.Name.Replace("-", "\\-"), r.Out);
    }
}
