using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Harness;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ssm;

/// <summary>The EMULATOR's (not AWS's) SSM Compliance and Parameter Store, through the real AWS SDK client.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SsmEmulatorComplianceTests
{
    private static ComplianceItemEntry Item(string id, string severity, string status = "NON_COMPLIANT") =>
        new() { Id = id, Title = "title of " + id, Severity = severity, Status = status, Details = new Dictionary<string, string> { ["user"] = "alice" } };

    private static PutComplianceItemsRequest Put(string instance, string type, params ComplianceItemEntry[] items) => new()
    {
        ResourceId = instance, ResourceType = "ManagedInstance", ComplianceType = type,
        ExecutionSummary = new ComplianceExecutionSummary { ExecutionTime = DateTime.UtcNow, ExecutionType = "Command" },
        Items = [.. items],
    };

    private static async Task<List<ComplianceItem>> List(AmazonSimpleSystemsManagementClient ssm, string instance, string? type = null)
    {
        var r = await ssm.ListComplianceItemsAsync(new ListComplianceItemsRequest
        {
            ResourceIds = [instance], ResourceTypes = ["ManagedInstance"],
            Filters = type is null ? null : [new ComplianceStringFilter { Key = "ComplianceType", Values = [type], Type = ComplianceQueryOperatorType.EQUAL }],
        });
        return r.ComplianceItems ?? [];
    }

    [LabFact]
    public async Task Compliance_items_are_kept_per_type_a_new_put_replaces_them_and_bad_values_are_refused()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm compliance store");
        var instance = emu.Launch(tree).Running();
        using var ssm = EmulatorLab.Ssm(emu);
        await ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item("A:alice", "CRITICAL"), Item("B", "HIGH")));
        await ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:other", Item("X", "LOW", "COMPLIANT")));
        var items = await List(ssm, instance.InstanceId, "Custom:sshdoctor");
        Assert.Equal(["A:alice", "B"], items.Select(i => i.Id).Order(StringComparer.Ordinal));
        var a = items.Single(i => i.Id == "A:alice");
        Assert.Equal(ComplianceSeverity.CRITICAL, a.Severity);
        Assert.Equal(ComplianceStatus.NON_COMPLIANT, a.Status);
        Assert.Equal("title of A:alice", a.Title);
        Assert.Equal("alice", a.Details["user"]);
        Assert.Equal(instance.InstanceId, a.ResourceId);
        Assert.Equal(3, (await List(ssm, instance.InstanceId)).Count);

        await ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item("sshdoctor", "INFORMATIONAL", "COMPLIANT")));
        var replaced = Assert.Single(await List(ssm, instance.InstanceId, "Custom:sshdoctor"));
        Assert.Equal(ComplianceStatus.COMPLIANT, replaced.Status);
        Assert.Single(await List(ssm, instance.InstanceId, "Custom:other"));

        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item("x", "SEVERE"))));
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item("x", "LOW", "FAILED"))));
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "sshdoctor", Item("x", "LOW"))));
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:" + new string('t', 101), Item("x", "LOW"))));
        await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item(new string('i', 101), "LOW"))));
        var tooMany = Enumerable.Range(0, 10001).Select(n => Item("i" + n, "LOW")).ToArray();
        var e = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", tooMany)));
        Assert.Equal("ValidationException", e.ErrorCode);
        await Assert.ThrowsAsync<InvalidResourceIdException>(() => ssm.PutComplianceItemsAsync(Put("i-0000000000000dead", "Custom:sshdoctor", Item("x", "LOW"))));
        // None of the refused puts changed what is kept.
        Assert.Equal("sshdoctor", Assert.Single(await List(ssm, instance.InstanceId, "Custom:sshdoctor")).Id);

        emu.Faults.Deny("ssm:PutComplianceItems");
        var denied = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.PutComplianceItemsAsync(Put(instance.InstanceId, "Custom:sshdoctor", Item("x", "LOW"))));
        Assert.Equal("AccessDeniedException", denied.ErrorCode);
        Assert.Contains("ssm:PutComplianceItems", denied.Message);
    }

    [LabFact]
    public async Task Parameters_are_stored_a_secure_string_is_only_readable_with_decryption_and_a_missing_one_is_not_found()
    {
        using var emu = Emulator.Start();
        using var ssm = EmulatorLab.Ssm(emu);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/sshdoctor/candidate", Value = "PermitRootLogin no\n", Type = ParameterType.SecureString });
        var plain = await ssm.GetParameterAsync(new GetParameterRequest { Name = "/sshdoctor/candidate", WithDecryption = true });
        Assert.Equal("PermitRootLogin no\n", plain.Parameter.Value);
        Assert.Equal(ParameterType.SecureString, plain.Parameter.Type);
        var cipher = await ssm.GetParameterAsync(new GetParameterRequest { Name = "/sshdoctor/candidate", WithDecryption = false });
        Assert.DoesNotContain("PermitRootLogin", cipher.Parameter.Value);
        await Assert.ThrowsAsync<ParameterAlreadyExistsException>(() => ssm.PutParameterAsync(new PutParameterRequest { Name = "/sshdoctor/candidate", Value = "x", Type = ParameterType.String }));
        var v2 = await ssm.PutParameterAsync(new PutParameterRequest { Name = "/sshdoctor/candidate", Value = "x", Type = ParameterType.String, Overwrite = true });
        Assert.Equal(2, v2.Version);
        Assert.Equal("x", (await ssm.GetParameterAsync(new GetParameterRequest { Name = "/sshdoctor/candidate" })).Parameter.Value);
        await Assert.ThrowsAsync<ParameterNotFoundException>(() => ssm.GetParameterAsync(new GetParameterRequest { Name = "/sshdoctor/none" }));
        emu.Faults.Deny("ssm:GetParameter");
        var denied = await Assert.ThrowsAsync<AmazonSimpleSystemsManagementException>(() => ssm.GetParameterAsync(new GetParameterRequest { Name = "/sshdoctor/candidate" }));
        Assert.Contains("ssm:GetParameter", denied.Message);
    }
}
