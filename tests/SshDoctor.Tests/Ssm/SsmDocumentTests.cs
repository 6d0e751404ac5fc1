using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SshDoctor.Tests.Ssm;

/// <summary>docs/ssm/sshdoctor-check.json: a valid Command document whose parameters cannot inject shell.</summary>
public sealed partial class SsmDocumentTests
{
    private static string RepoFile(string relative) => Path.Combine(TestFiles.Dir(), "..", "..", relative);

    private static JsonElement Document() => JsonDocument.Parse(File.ReadAllText(RepoFile("docs/ssm/sshdoctor-check.json"))).RootElement;

    private static string Script(JsonElement doc) =>
        string.Join('\n', doc.GetProperty("mainSteps")[0].GetProperty("inputs").GetProperty("runCommand").EnumerateArray().Select(l => l.GetString())) + "\n";

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_]+)\s*\}\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void Is_a_schema_2_2_command_document_with_one_run_shell_script_step()
    {
        var doc = Document();
        Assert.Equal("2.2", doc.GetProperty("schemaVersion").GetString());
        var step = Assert.Single(doc.GetProperty("mainSteps").EnumerateArray());
        Assert.Equal("aws:runShellScript", step.GetProperty("action").GetString());
        var script = Script(doc);
        Assert.Contains("check --all-users --json", script);
        Assert.Contains("ssm compliance", script);
        Assert.Contains("ssm parameter", script);
    }

    [Fact]
    public void Every_parameter_is_a_string_with_an_allowed_pattern_that_its_default_matches_and_every_use_is_declared()
    {
        var doc = Document();
        var parameters = doc.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        Assert.Equal(["candidateParameter", "candidatePlace", "complianceType", "sshdoctorPath"], parameters.Keys.Order(StringComparer.Ordinal));
        foreach (var (name, p) in parameters)
        {
            Assert.Equal("String", p.GetProperty("type").GetString());
            var pattern = p.GetProperty("allowedPattern").GetString()!;
            Assert.Matches(pattern, p.GetProperty("default").GetString()!);
            // Nothing the pattern admits can end a double-quoted string or expand in it (.NET's $ also matches before a final
            // newline, which inside the quotes is harmless: the probes put the character in the middle).
            foreach (var bad in new[] { "\"", "$", "`", "\\", "\n", "'" })
                Assert.False(Regex.IsMatch("/x" + bad + "y", pattern) || Regex.IsMatch("Custom:x" + bad + "y", pattern) || Regex.IsMatch(bad + "x", pattern), $"{name} admits {bad}");
        }
        var script = Script(doc);
        var used = Placeholder().Matches(script).Select(m => m.Groups[1].Value).ToList();
        Assert.All(used, u => Assert.Contains(u, parameters.Keys));
        Assert.Equal(parameters.Keys.Order(StringComparer.Ordinal), used.Distinct().Order(StringComparer.Ordinal));
        // Each substitution sits alone inside a double-quoted assignment: x="{{ name }}".
        foreach (var line in script.Split('\n').Where(l => Placeholder().IsMatch(l)))
            Assert.Matches(@"^[a-z_]+=""\{\{ [A-Za-z]+ \}\}""$", line);
    }

    [Fact]
    public void The_allowed_type_pattern_is_the_one_ssm_compliance_accepts()
    {
        var pattern = Document().GetProperty("parameters").GetProperty("complianceType").GetProperty("allowedPattern").GetString();
        Assert.Equal(SshDoctor.Cli.Commands.SsmComplianceCommand.ComplianceType().ToString(), pattern);
    }

    [Theory]
    [InlineData("/bin/sh", "-n")]
    [InlineData("/usr/bin/shellcheck", "-s", "sh")]
    public async Task The_script_with_the_defaults_substituted_passes(string tool, params string[] args)
    {
        Assert.True(File.Exists(tool), tool + " is missing: install it (apt-get install shellcheck, or scripts/install-lab-tools.sh)");
        var doc = Document();
        var script = Placeholder().Replace(Script(doc), m => doc.GetProperty("parameters").GetProperty(m.Groups[1].Value).GetProperty("default").GetString()!);
        var file = Path.Combine(Path.GetTempPath(), $"sshdoctor-ssm-doc-{Environment.ProcessId}-{Guid.NewGuid():N}.sh");
        File.WriteAllText(file, script);
        try
        {
            var psi = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in args) psi.ArgumentList.Add(a);
            psi.ArgumentList.Add(file);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.True(p.ExitCode == 0, $"{tool}: {await output}{await error}");
        }
        finally { File.Delete(file); }
    }
    /// <summary>The script run with a stub sshdoctor that logs its arguments: the calls, in order, and the step's exit.</summary>
    private static async Task<(int Exit, List<string> Calls, string Err)> RunWithStub(string candidateParameter, int checkExit)
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-ssm-doc-");
        try
        {
            var stub = Path.Combine(dir.FullName, "sshdoctor");
            var log = Path.Combine(dir.FullName, "calls.log");
            File.WriteAllText(stub, "#!/bin/sh\nprintf '%s\\n' \"$*\" >> \"$STUB_LOG\"\ncase \"$1\" in check) echo '{}'; exit \"$STUB_CHECK_EXIT\";; esac\nexit 0\n");
            File.SetUnixFileMode(stub, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            var doc = Document();
            var values = new Dictionary<string, string>
            {
                ["sshdoctorPath"] = stub, ["candidateParameter"] = candidateParameter, ["candidatePlace"] = "/etc/ssh/sshd_config", ["complianceType"] = "Custom:my type",
            };
            foreach (var (name, value) in values)
                Assert.Matches(doc.GetProperty("parameters").GetProperty(name).GetProperty("allowedPattern").GetString()!, value);
            var script = Path.Combine(dir.FullName, "run.sh");
            File.WriteAllText(script, Placeholder().Replace(Script(doc), m => values[m.Groups[1].Value]));
            var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
            psi.ArgumentList.Add(script);
            psi.Environment["STUB_LOG"] = log;
            psi.Environment["STUB_CHECK_EXIT"] = checkExit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            using var p = Process.Start(psi)!;
            var output = p.StandardOutput.ReadToEndAsync();
            var error = p.StandardError.ReadToEndAsync();
            await p.WaitForExitAsync();
            await output;
            var calls = File.Exists(log) ? File.ReadAllLines(log).ToList() : [];
            // The work directory (mktemp -d /tmp/sshdoctor-ssm.*) is gone after the step.
            foreach (var c in calls)
                foreach (var word in c.Split(' ').Where(w => w.StartsWith("/tmp/sshdoctor-ssm.", StringComparison.Ordinal)))
                    Assert.False(Directory.Exists(Path.GetDirectoryName(word.Split('=')[0])), "work directory left behind: " + word);
            return (p.ExitCode, calls, await error);
        }
        finally { dir.Delete(true); }
    }

    private static string Normalized(string call) => Regex.Replace(call, @"/tmp/sshdoctor-ssm\.[A-Za-z0-9]+", "WORK");

    [Fact]
    public async Task Without_a_candidate_the_step_checks_and_reports_findings_with_exit_0()
    {
        var (exit, calls, err) = await RunWithStub("", 1);
        Assert.True(exit == 0, err);
        Assert.Equal(["check --all-users --json", "ssm compliance WORK/check.json --type Custom:my type"], calls.Select(Normalized));
    }

    [Fact]
    public async Task With_a_candidate_the_step_fetches_it_and_judges_it_in_its_place()
    {
        var (exit, calls, err) = await RunWithStub("/sshdoctor/candidate", 0);
        Assert.True(exit == 0, err);
        Assert.Equal([
            "ssm parameter /sshdoctor/candidate -o WORK/candidate",
            "check --all-users --json --candidate WORK/candidate=/etc/ssh/sshd_config",
            "ssm compliance WORK/check.json --type Custom:my type"], calls.Select(Normalized));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public async Task When_check_cannot_judge_nothing_is_reported_and_the_step_fails_with_its_exit(int checkExit)
    {
        var (exit, calls, err) = await RunWithStub("", checkExit);
        Assert.Equal(checkExit, exit);
        Assert.Equal(["check --all-users --json"], calls.Select(Normalized));
        Assert.Contains("nothing reported", err);
    }
}
