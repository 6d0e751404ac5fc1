using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Cli.Ssm;
using SshDoctor.Core.Localization;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Ec2Fix;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ssm;

/// <summary>
/// docs/ssm/sshdoctor-check.json, unchanged, end to end on the EC2/SSM EMULATOR (tests/SshDoctor.Ec2Emulator: not AWS):
/// CreateDocument, SendCommand on an emulated instance whose tree holds this build's sshdoctor
/// (<see cref="InstanceSshdoctor"/>), the step run as root inside the instance, sshdoctor there calling the emulator
/// (GetParameter, PutComplianceItems), the result read back with ListComplianceItems through the real SDK.
/// The instance's commands get what the SSM agent gives them (AWS_SSM_INSTANCE_ID, AWS_SSM_REGION_NAME) plus two
/// stand-ins, both asserted: AWS_ENDPOINT_URL (the emulator as the instance reaches it, the one emulator artifact) and
/// AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (the emulator has no IMDS to give the instance profile's credentials).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SsmDocumentEndToEndTests(ITestOutputHelper output)
{
    private const string DocumentName = "sshdoctor-check";
    private static readonly string DocumentPath = Path.Combine(AppContext.BaseDirectory, "Ssm", "sshdoctor-check.json");

    private static readonly Dictionary<string, string> Credentials = new()
    {
        ["AWS_ACCESS_KEY_ID"] = EmulatorLab.Credentials.GetCredentials().AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = EmulatorLab.Credentials.GetCredentials().SecretKey,
    };

    private EmulatedInstance LaunchWithSshdoctor(Emulator emu, LabTree tree)
    {
        output.WriteLine(InstanceSshdoctor.NativeBinary() is { } native
            ? $"sshdoctor in the instance: the native executable {native} (SSHDOCTOR_BIN), copied to {InstanceSshdoctor.Launcher}"
            : $"sshdoctor in the instance: this JIT build, {InstanceSshdoctor.Files().Count} files copied to {InstanceSshdoctor.Dir}");
        return emu.Launch(tree, new InstanceSpec(tree.Root) { EndpointInCommandEnvironment = true, CommandEnvironment = Credentials }).Running();
    }

    private static async Task CreateDocument(AmazonSimpleSystemsManagementClient ssm)
    {
        var created = await ssm.CreateDocumentAsync(new CreateDocumentRequest
        {
            Name = DocumentName, Content = File.ReadAllText(DocumentPath), DocumentType = DocumentType.Command, DocumentFormat = DocumentFormat.JSON,
        });
        Assert.Equal(DocumentName, created.DocumentDescription.Name);
        Assert.Equal("2.2", created.DocumentDescription.SchemaVersion);
    }

    private static async Task<GetCommandInvocationResponse> Finished(AmazonSimpleSystemsManagementClient ssm, string commandId, string instanceId)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (true)
        {
            var r = await ssm.GetCommandInvocationAsync(new GetCommandInvocationRequest { CommandId = commandId, InstanceId = instanceId });
            if (r.Status != CommandInvocationStatus.Pending && r.Status != CommandInvocationStatus.InProgress) return r;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"the command is still {r.Status}");
            await Task.Delay(200);
        }
    }

    private async Task<GetCommandInvocationResponse> RunDocument(AmazonSimpleSystemsManagementClient ssm, EmulatedInstance instance, string sshdoctor,
        Dictionary<string, List<string>>? more = null)
    {
        var parameters = new Dictionary<string, List<string>> { ["sshdoctorPath"] = [sshdoctor] };
        foreach (var (k, v) in more ?? []) parameters[k] = v;
        var sent = await ssm.SendCommandAsync(new SendCommandRequest { DocumentName = DocumentName, InstanceIds = [instance.InstanceId], Parameters = parameters });
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var r = await Finished(ssm, sent.Command.CommandId, instance.InstanceId);
        output.WriteLine($"{r.Status} (exit {r.ResponseCode}) in {clock.Elapsed.TotalSeconds:0.0} s\nstdout:\n{r.StandardOutputContent}\nstderr:\n{r.StandardErrorContent}");
        Assert.Equal("sshdoctorCheck", r.PluginName);
        return r;
    }

    private static async Task<List<ComplianceItem>> Items(AmazonSimpleSystemsManagementClient ssm, string instance)
    {
        var r = await ssm.ListComplianceItemsAsync(new ListComplianceItemsRequest
        {
            ResourceIds = [instance], ResourceTypes = ["ManagedInstance"],
            Filters = [new ComplianceStringFilter { Key = "ComplianceType", Values = ["Custom:sshdoctor"], Type = ComplianceQueryOperatorType.EQUAL }],
        });
        return r.ComplianceItems ?? [];
    }

    /// <summary>The step's work directory (mktemp under the instance's /tmp, which is the tree's) is gone afterwards.</summary>
    private static void NoWorkDirLeft(LabTree tree) =>
        Assert.Empty(Directory.GetDirectories(tree.HostPath("/tmp"), "sshdoctor-ssm.*"));

    [LabFact]
    public async Task The_document_run_through_SendCommand_reports_a_blocking_fault_as_high_items_of_the_instance()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm document end to end");
        tree.Chmod("/home/admin", "0777");
        var sshdoctor = InstanceSshdoctor.Install(tree);
        var instance = LaunchWithSshdoctor(emu, tree);
        using var ssm = EmulatorLab.Ssm(emu);
        await CreateDocument(ssm);

        // What sshdoctor finds in the same tree from the host (--root): the items the run inside must report.
        var host = Ec2FixRun.For(emu).Run("check", "--all-users", "--json", "--root", tree.Root, "--lang", "en");
        Assert.True(host.Exit == 1, $"check --root: exit {host.Exit}\n{host.Err}");
        var expected = ComplianceMapping.FromCheckJson(host.Out, Messages.For(Lang.En)).Where(i => i.Status == "NON_COMPLIANT")
            .Select(i => (i.Id, i.Severity)).Order().ToList();
        Assert.Contains(expected, e => e.Severity == "HIGH" && e.Id.EndsWith(":admin", StringComparison.Ordinal));

        var r = await RunDocument(ssm, instance, sshdoctor);
        Assert.Equal(CommandInvocationStatus.Success, r.Status);
        Assert.Equal(0, r.ResponseCode);
        var items = await Items(ssm, instance.InstanceId);
        Assert.Equal(expected, items.Where(i => i.Status == ComplianceStatus.NON_COMPLIANT).Select(i => (i.Id, i.Severity.Value)).Order().ToList());
        Assert.All(items, i => Assert.Equal(instance.InstanceId, i.ResourceId));
        Assert.DoesNotContain(items, i => i.Severity == ComplianceSeverity.CRITICAL);
        NoWorkDirLeft(tree);

        // The environment the step ran in: the agent's two variables, and only the two stand-ins above.
        var env = await ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = "AWS-RunShellScript", InstanceIds = [instance.InstanceId],
            Parameters = new Dictionary<string, List<string>> { ["commands"] = ["env | grep '^AWS_' | sort"] },
        });
        var shown = await Finished(ssm, env.Command.CommandId, instance.InstanceId);
        Assert.Equal(
            $"AWS_ACCESS_KEY_ID={Credentials["AWS_ACCESS_KEY_ID"]}\nAWS_ENDPOINT_URL={instance.EmulatorUrl}\nAWS_SECRET_ACCESS_KEY={Credentials["AWS_SECRET_ACCESS_KEY"]}\n" +
            $"AWS_SSM_INSTANCE_ID={instance.InstanceId}\nAWS_SSM_REGION_NAME={emu.Options.Region}\n", shown.StandardOutputContent);
        Assert.DoesNotContain("127.0.0.1", instance.EmulatorUrl);
    }

    [LabFact]
    public async Task A_candidate_fetched_from_a_secure_string_that_locks_the_account_out_is_one_critical_item()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm document candidate");
        var sshdoctor = InstanceSshdoctor.Install(tree);
        var instance = LaunchWithSshdoctor(emu, tree);
        using var ssm = EmulatorLab.Ssm(emu);
        await CreateDocument(ssm);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/sshdoctor/candidate", Value = "PubkeyAuthentication no\n", Type = ParameterType.SecureString });
        var config = File.ReadAllText(tree.HostPath("/etc/ssh/sshd_config"));

        var r = await RunDocument(ssm, instance, sshdoctor, new()
        {
            ["candidateParameter"] = ["/sshdoctor/candidate"], ["candidatePlace"] = ["/etc/ssh/sshd_config"],
        });
        Assert.Equal(CommandInvocationStatus.Success, r.Status);
        var items = await Items(ssm, instance.InstanceId);
        var critical = Assert.Single(items, i => i.Severity == ComplianceSeverity.CRITICAL);
        Assert.EndsWith(":admin", critical.Id);
        Assert.Equal(ComplianceStatus.NON_COMPLIANT, critical.Status);
        // The candidate was judged, not installed; its SecureString value went nowhere but the step's work file.
        Assert.Equal(config, File.ReadAllText(tree.HostPath("/etc/ssh/sshd_config")));
        Assert.DoesNotContain("PubkeyAuthentication", r.StandardOutputContent + r.StandardErrorContent);
        NoWorkDirLeft(tree);
    }

    [LabFact]
    public async Task A_parameter_outside_its_allowed_pattern_is_refused_by_SendCommand_and_nothing_runs()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm document refused");
        var sshdoctor = InstanceSshdoctor.Install(tree);
        var instance = LaunchWithSshdoctor(emu, tree);
        using var ssm = EmulatorLab.Ssm(emu);
        await CreateDocument(ssm);
        var again = await Assert.ThrowsAsync<DocumentAlreadyExistsException>(() => CreateDocument(ssm));
        Assert.Contains(DocumentName, again.Message);
        var got = await ssm.GetDocumentAsync(new GetDocumentRequest { Name = DocumentName });
        Assert.Equal(File.ReadAllText(DocumentPath), got.Content);
        var described = await ssm.DescribeDocumentAsync(new DescribeDocumentRequest { Name = DocumentName });
        Assert.Equal(["candidateParameter", "candidatePlace", "complianceType", "sshdoctorPath"],
            described.Document.Parameters.Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("/usr/local/bin/sshdoctor", described.Document.Parameters.Single(p => p.Name == "sshdoctorPath").DefaultValue);

        var attacks = new (string Name, string Value)[]
        {
            ("sshdoctorPath", sshdoctor + "\"; touch /root/pwned; \""),
            ("sshdoctorPath", "/usr/local/bin/$(touch /root/pwned)"),
            ("candidatePlace", "/etc/ssh/`touch /root/pwned`"),
            ("candidateParameter", "/sshdoctor/candidate'"),
            ("complianceType", "Custom:x$(touch /root/pwned)"),
            ("candidateParameter", "/sshdoctor/candidate\n"),
        };
        foreach (var (name, value) in attacks)
        {
            var e = await Assert.ThrowsAsync<InvalidParametersException>(() => ssm.SendCommandAsync(new SendCommandRequest
            {
                DocumentName = DocumentName, InstanceIds = [instance.InstanceId],
                Parameters = new Dictionary<string, List<string>> { ["sshdoctorPath"] = [sshdoctor], [name] = [value] },
            }));
            Assert.Contains(name, e.Message);
        }
        await Assert.ThrowsAsync<InvalidParametersException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = DocumentName, InstanceIds = [instance.InstanceId], Parameters = new Dictionary<string, List<string>> { ["commands"] = ["touch /root/pwned"] },
        }));
        await Assert.ThrowsAsync<InvalidParametersException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = DocumentName, InstanceIds = [instance.InstanceId], Parameters = new Dictionary<string, List<string>> { ["sshdoctorPath"] = [sshdoctor, sshdoctor] },
        }));
        var listed = await ssm.ListCommandInvocationsAsync(new ListCommandInvocationsRequest { InstanceId = instance.InstanceId });
        Assert.Empty(listed.CommandInvocations);
        Assert.False(File.Exists(tree.HostPath("/root/pwned")));
        Assert.Empty(await Items(ssm, instance.InstanceId));

        await ssm.DeleteDocumentAsync(new DeleteDocumentRequest { Name = DocumentName });
        await Assert.ThrowsAsync<InvalidDocumentException>(() => ssm.SendCommandAsync(new SendCommandRequest
        {
            DocumentName = DocumentName, InstanceIds = [instance.InstanceId], Parameters = new Dictionary<string, List<string>> { ["sshdoctorPath"] = [sshdoctor] },
        }));
        await Assert.ThrowsAsync<InvalidDocumentException>(() => ssm.GetDocumentAsync(new GetDocumentRequest { Name = DocumentName }));
    }
}
