using System.Text.Json.Nodes;
using SshDoctor.Ec2Emulator;
using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Ssm;

namespace SshDoctor.Tests.Ec2Emulator;

/// <summary>The EC2/SSM EMULATOR's (not AWS's) Command documents: content validation, SendCommand parameters, {{ name }} substitution, the document store.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")] // the emulator is Linux-only (namespaces, sshd)
public sealed class CommandDocumentTests
{
    private static string Shipped() => File.ReadAllText(Path.Combine(TestFiles.Dir(), "..", "..", "docs/ssm/sshdoctor-check.json"));

    private static string Doc(string parameters, string runCommand = "[\"echo {{ a }}\"]", string schema = "2.2") =>
        "{\"schemaVersion\":\"" + schema + "\",\"parameters\":" + parameters +
        ",\"mainSteps\":[{\"action\":\"aws:runShellScript\",\"name\":\"s1\",\"inputs\":{\"runCommand\":" + runCommand + "}}]}";

    private static ApiError Refused(Action a) => Assert.Throws<ApiError>(a);

    private static JsonObject Given(params (string Name, string[] Values)[] p)
    {
        var o = new JsonObject();
        foreach (var (n, v) in p) o[n] = new JsonArray([.. v.Select(x => (JsonNode?)JsonValue.Create(x))]);
        return o;
    }

    [Fact]
    public void The_shipped_document_parses_with_its_four_parameters_and_one_step_of_600_seconds()
    {
        var d = CommandDocument.Parse(Shipped());
        Assert.Equal(["candidateParameter", "candidatePlace", "complianceType", "sshdoctorPath"], d.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("sshdoctorCheck", d.StepName);
        Assert.Equal(600, d.TimeoutSeconds);
        var script = d.Script(d.Resolve(null));
        Assert.Contains("sshdoctor=\"/usr/local/bin/sshdoctor\"", script);
        Assert.Contains("candidate_parameter=\"\"", script);
        Assert.Contains("compliance_type=\"Custom:sshdoctor\"", script);
        Assert.DoesNotContain(script, l => l.Contains("{{", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not json", "InvalidDocumentContent")]
    [InlineData("[1]", "InvalidDocumentContent")]
    [InlineData("""{"mainSteps":[]}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"3.0","mainSteps":[]}""", "InvalidDocumentSchemaVersion")]
    [InlineData("""{"schemaVersion":"1.2","runtimeConfig":{}}""", "InvalidDocumentSchemaVersion")]
    [InlineData("""{"schemaVersion":"2.2"}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"2.2","mainSteps":[]}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runShellScript","name":"s","inputs":{}}]}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runPowerShellScript","name":"s","inputs":{"runCommand":["x"]}}]}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runShellScript","inputs":{"runCommand":["x"]}}]}""", "InvalidDocumentContent")]
    [InlineData("""{"schemaVersion":"2.2","mainSteps":[{"action":"aws:runShellScript","name":"s","inputs":{"runCommand":["x"],"timeoutSeconds":"0"}}]}""", "InvalidDocumentContent")]
    public void Bad_content_is_refused_with_the_code_SSM_uses(string content, string code) =>
        Assert.Equal(code, Refused(() => CommandDocument.Parse(content)).Code);

    [Fact]
    public void A_used_parameter_must_be_declared_and_patterns_and_defaults_must_hold()
    {
        Assert.Contains("\"a\" is used but undefined", Refused(() => CommandDocument.Parse(Doc("{}"))).Message);
        Assert.Equal("InvalidDocumentContent", Refused(() => CommandDocument.Parse(Doc("""{"a":{"type":"String","allowedPattern":"(["}}"""))).Code);
        Assert.Equal("InvalidDocumentContent", Refused(() => CommandDocument.Parse(Doc("""{"a":{"type":"String","default":"x y","allowedPattern":"^[a-z]+$"}}"""))).Code);
        Assert.Equal("InvalidDocumentContent", Refused(() => CommandDocument.Parse(Doc("""{"a":{"type":"Text"}}"""))).Code);
        Assert.Equal("InvalidDocumentContent", Refused(() => CommandDocument.Parse(Doc("""{"a-b":{"type":"String"}}""", "[\"x\"]"))).Code);
        // {{ssm:…}} is a reference to Parameter Store, not a document parameter.
        Assert.Equal(["echo {{ssm:/x}}"], CommandDocument.Parse(Doc("{}", "[\"echo {{ssm:/x}}\"]")).Script(new Dictionary<string, IReadOnlyList<string>>()));
    }

    [Fact]
    public void SendCommand_parameters_are_the_declared_ones_with_defaults_and_a_missing_required_one_is_refused()
    {
        var d = CommandDocument.Parse(Doc("""{"a":{"type":"String"},"b":{"type":"String","default":"two"}}""", "[\"echo {{ a }} {{b}}\"]"));
        Assert.Equal(["echo one two"], d.Script(d.Resolve(Given(("a", ["one"])))));
        Assert.Equal(["echo one 2"], d.Script(d.Resolve(Given(("a", ["one"]), ("b", ["2"])))));
        Assert.Contains("\"a\" is required", Refused(() => d.Resolve(Given(("b", ["2"])))).Message);
        Assert.Contains("\"c\" is not defined", Refused(() => d.Resolve(Given(("a", ["1"]), ("c", ["3"])))).Message);
        Assert.Equal("InvalidParameters", Refused(() => d.Resolve(Given(("a", ["1", "2"])))).Code);
        Assert.Equal("InvalidParameters", Refused(() => d.Resolve(new JsonObject { ["a"] = "not a list" })).Code);
    }

    [Theory]
    [InlineData("/usr/local/bin/sshdoctor", true)]
    [InlineData("/usr/local/bin/sshdoctor\"; touch /root/x; \"", false)]
    [InlineData("/usr/local/bin/$(id)", false)]
    [InlineData("/usr/local/bin/`id`", false)]
    [InlineData("/usr/local/bin/sshdoctor\n", false)] // .NET's $ matches before a final newline: the pattern must hold over the whole value
    [InlineData("x/usr/local/bin/sshdoctor", false)]
    public void The_allowed_pattern_is_matched_over_the_whole_value(string value, bool allowed)
    {
        var d = CommandDocument.Parse(Shipped());
        var given = Given(("sshdoctorPath", [value]));
        if (allowed) Assert.Equal(value, d.Resolve(given)["sshdoctorPath"][0]);
        else Assert.Equal("InvalidParameters", Refused(() => d.Resolve(given)).Code);
    }

    [Fact]
    public void Allowed_values_and_string_lists_are_checked_and_a_whole_line_list_becomes_one_line_per_value()
    {
        var d = CommandDocument.Parse(Doc("""{"a":{"type":"String","allowedValues":["x","y"],"default":"x"},"l":{"type":"StringList","default":["echo 1","echo 2"]}}""",
            "[\"  {{ l }}\", \"echo {{a}} {{ l }}\"]"));
        Assert.Equal(["echo 1", "echo 2", "echo x echo 1,echo 2"], d.Script(d.Resolve(null)));
        Assert.Equal(["pwd", "echo y pwd"], d.Script(d.Resolve(Given(("a", ["y"]), ("l", ["pwd"])))));
        Assert.Equal("InvalidParameters", Refused(() => d.Resolve(Given(("a", ["z"])))).Code);
    }

    private static JsonObject Create(string name, string content, string? type = null, string? format = null)
    {
        var o = new JsonObject { ["Name"] = name, ["Content"] = content };
        if (type is not null) o["DocumentType"] = type;
        if (format is not null) o["DocumentFormat"] = format;
        return o;
    }

    [Fact]
    public void The_store_checks_names_refuses_a_duplicate_and_answers_get_describe_and_delete()
    {
        var store = new DocumentStore(new EmulatorState(new EmulatorOptions()));
        var created = store.Create(Create("sshdoctor-check", Shipped(), "Command", "JSON"));
        Assert.Equal("Creating", (string?)created["DocumentDescription"]!["Status"]);
        Assert.Equal("DocumentAlreadyExists", Refused(() => store.Create(Create("sshdoctor-check", Shipped()))).Code);
        foreach (var bad in new[] { "ab", "has space", "AWS-RunShellScript", "amazon-x", "amznX", new string('n', 129) })
            Assert.Equal("ValidationException", Refused(() => store.Create(Create(bad, Shipped()))).Code);
        Assert.Equal("ValidationException", Refused(() => store.Create(Create("other", Shipped(), "Automation"))).Code);
        Assert.Equal("ValidationException", Refused(() => store.Create(Create("other", Shipped(), null, "YAML"))).Code);
        Assert.Equal("MaxDocumentSizeExceeded", Refused(() => store.Create(Create("big", new string(' ', 64 * 1024 + 1)))).Code);
        Assert.Equal("InvalidDocumentContent", Refused(() => store.Create(Create("broken", "{"))).Code);
        Assert.Null(store.Find("broken"));

        var name = new JsonObject { ["Name"] = "sshdoctor-check" };
        Assert.Equal(Shipped(), (string?)store.Get(name)["Content"]);
        var description = store.Describe(name)["Document"]!;
        Assert.Equal("Active", (string?)description["Status"]);
        Assert.Equal(4, description["Parameters"]!.AsArray().Count);
        Assert.Equal("InvalidDocumentVersion", Refused(() => store.Get(new JsonObject { ["Name"] = "sshdoctor-check", ["DocumentVersion"] = "2" })).Code);
        store.Delete(name);
        Assert.Equal("InvalidDocument", Refused(() => store.Get(name)).Code);
        Assert.Equal("InvalidDocument", Refused(() => store.Describe(name)).Code);
        Assert.Equal("InvalidDocument", Refused(() => store.Delete(name)).Code);
    }
}
