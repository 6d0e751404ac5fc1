using SshDoctor.Cli;
using SshDoctor.Cli.Commands;
using SshDoctor.Cli.Ssm;
using SshDoctor.Core.Localization;
using CliRun = SshDoctor.Tests.Support.Cli;

namespace SshDoctor.Tests.Ssm;

/// <summary>`ssm compliance`: check's JSON as compliance items, severities mapped from findings; the instance ID's sources.</summary>
public sealed class ComplianceMappingTests
{
    private static readonly Messages En = Messages.For(Lang.En);

    private const string Check = """
        {"tool":"sshdoctor","schema":1,"command":"check","verdict":"refused","findings":[
          {"id":"SSHD_CONFIG_INVALID","severity":"blocking","path":"/etc/ssh/sshd_config","user":null,"message":"sshd will not start"},
          {"id":"HOME_PERMISSIONS","severity":"blocking","path":"/home/alice","user":"alice","message":"alice's home is group-writable"},
          {"id":"KEY_WEAK","severity":"warning","path":null,"user":"bob","message":"a 1024-bit RSA key"},
          {"id":"PASSWORD_AUTH","severity":"info","path":null,"user":"bob","message":"passwords are accepted"}],
         "users":[]}
        """;

    [Theory]
    [InlineData("blocking", false, "HIGH")]
    [InlineData("warning", false, "MEDIUM")]
    [InlineData("info", false, "INFORMATIONAL")]
    [InlineData("blocking", true, "CRITICAL")]
    [InlineData("info", true, "CRITICAL")]
    [InlineData("other", false, "UNSPECIFIED")]
    public void Severities_map_from_sshdoctor_to_ssm(string severity, bool losesAll, string expected) =>
        Assert.Equal(expected, ComplianceMapping.Severity(severity, losesAll));

    [Fact]
    public void Each_finding_is_one_item_named_by_finding_and_account()
    {
        var items = ComplianceMapping.FromCheckJson(Check, En);
        Assert.Equal(["HOME_PERMISSIONS:alice", "SSHD_CONFIG_INVALID", "KEY_WEAK:bob", "PASSWORD_AUTH:bob"], items.Select(i => i.Id));
        Assert.Equal(["HIGH", "HIGH", "MEDIUM", "INFORMATIONAL"], items.Select(i => i.Severity));
        Assert.Equal(["NON_COMPLIANT", "NON_COMPLIANT", "NON_COMPLIANT", "COMPLIANT"], items.Select(i => i.Status));
        Assert.Equal("alice's home is group-writable", items[0].Title);
        Assert.Equal("alice", items[0].User);
        Assert.Equal("/home/alice", items[0].Path);
    }

    [Fact]
    public void Nothing_to_report_is_one_compliant_item()
    {
        var item = Assert.Single(ComplianceMapping.FromCheckJson("""{"tool":"sshdoctor","schema":1,"command":"check","findings":[]}""", En));
        Assert.Equal(("sshdoctor", "COMPLIANT", "INFORMATIONAL"), (item.Id, item.Status, item.Severity));
        Assert.Equal(En.Get("ssm.item.nothing"), item.Title);
    }

    [Fact]
    public void With_a_candidate_the_account_that_loses_all_access_is_critical_and_one_that_keeps_a_key_is_high()
    {
        const string candidate = """
            {"tool":"sshdoctor","schema":1,"command":"check","verdict":"accepted","result":"loses_access",
             "summary":{"accounts":3,"lost":2,"accounts_losing_all_access":["alice","carol"]},
             "changes":[
               {"user":"alice","change":"lost","findings":[{"id":"AUTH_METHODS_NO_PUBKEY","severity":"blocking","user":null,"message":"publickey is not allowed"}]},
               {"user":"alice","change":"lost","findings":[{"id":"AUTH_METHODS_NO_PUBKEY","severity":"blocking","user":null,"message":"publickey is not allowed"}]},
               {"user":"bob","change":"may_lose","findings":[{"id":"KEY_TYPE_REFUSED","severity":"blocking","user":null,"message":"ssh-rsa is refused"}]},
               {"user":"dave","change":"gained","findings":[{"id":"DENY_USERS","severity":"blocking","user":null,"message":"cleared"}]},
               {"user":"carol","change":"lost","findings":[]}],
             "findings":[]}
            """;
        var items = ComplianceMapping.FromCheckJson(candidate, En);
        Assert.Equal(["ACCESS_LOST:carol", "AUTH_METHODS_NO_PUBKEY:alice", "KEY_TYPE_REFUSED:bob"], items.Select(i => i.Id));
        Assert.Equal(["CRITICAL", "CRITICAL", "HIGH"], items.Select(i => i.Severity));
        Assert.All(items, i => Assert.Equal("NON_COMPLIANT", i.Status));
        Assert.Contains("carol", items[0].Title);
    }

    [Fact]
    public void Ids_and_titles_are_cut_to_ssm_limits()
    {
        var user = new string('u', 120);
        var json = $$"""{"tool":"sshdoctor","command":"check","findings":[{"id":"HOME_PERMISSIONS","severity":"blocking","user":"{{user}}","message":"{{new string('m', 600)}}"}]}""";
        var item = Assert.Single(ComplianceMapping.FromCheckJson(json, En));
        Assert.Equal(100, item.Id.Length);
        Assert.Equal(500, item.Title.Length);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"tool":"other","command":"check","findings":[]}""")]
    [InlineData("""{"tool":"sshdoctor","command":"probe","findings":[]}""")]
    [InlineData("""{"tool":"sshdoctor","command":"check"}""")]
    public void Anything_but_a_check_document_is_refused(string json) =>
        Assert.Equal("ssm.err.input", Assert.Throws<ComplianceInputException>(() => ComplianceMapping.FromCheckJson(json, En)).TextId);

    [Fact]
    public void An_error_document_is_refused_as_such() =>
        Assert.Equal("ssm.err.input_error", Assert.Throws<ComplianceInputException>(() =>
            ComplianceMapping.FromCheckJson("""{"tool":"sshdoctor","command":"check","error":{"id":"needs_root","message":"x"},"exit":2}""", En)).TextId);

    [Fact]
    public void The_instance_is_the_option_else_the_agents_variable_else_a_usage_error()
    {
        Assert.Equal("i-0123456789abcdef0", SsmComplianceCommand.ResolveInstance("i-0123456789abcdef0", "i-11111111", En));
        Assert.Equal("mi-0123456789abcdef0", SsmComplianceCommand.ResolveInstance(null, "mi-0123456789abcdef0", En));
        var none = Assert.Throws<UsageException>(() => SsmComplianceCommand.ResolveInstance(null, "", En));
        Assert.Contains("--instance-id", none.Message);
        Assert.Contains("AWS_SSM_INSTANCE_ID", none.Message);
        Assert.Throws<UsageException>(() => SsmComplianceCommand.ResolveInstance("i-xyz; rm", null, En));
    }

    [Fact]
    public void The_command_refuses_a_type_that_is_not_custom_and_a_file_that_is_not_check_json_with_exit_2()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-ssm-test-");
        try
        {
            var file = Path.Combine(dir.FullName, "check.json");
            File.WriteAllText(file, """{"tool":"sshdoctor","command":"probe","findings":[]}""");
            var badType = CliRun.Run("ssm", "compliance", file, "--type", "sshdoctor", "--instance-id", "i-0123456789abcdef0", "--lang", "en");
            Assert.Equal(2, badType.Exit);
            Assert.Contains("Custom:NAME", badType.Err);
            var notCheck = CliRun.Run("ssm", "compliance", file, "--type", "Custom:sshdoctor", "--instance-id", "i-0123456789abcdef0", "--lang", "en", "--json");
            Assert.Equal(2, notCheck.Exit);
            Assert.Contains("\"command\": \"ssm compliance\"", notCheck.Out);
            Assert.Contains("not the JSON of sshdoctor check", notCheck.Err);
        }
        finally { dir.Delete(true); }
    }
}
