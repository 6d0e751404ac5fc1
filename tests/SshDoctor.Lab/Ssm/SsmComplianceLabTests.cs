using System.Text.Json;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Ec2Fix;
using SshDoctor.Lab.Harness;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ssm;

/// <summary>
/// `sshdoctor check --json` on a lab tree, then `sshdoctor ssm compliance` / `ssm parameter` (the built CLI, a child
/// process) against the EC2/SSM EMULATOR (not AWS); the items read back through the real SDK.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class SsmComplianceLabTests
{
    private static async Task<List<ComplianceItem>> Items(Emulator emu, string instance)
    {
        using var ssm = EmulatorLab.Ssm(emu);
        var r = await ssm.ListComplianceItemsAsync(new ListComplianceItemsRequest
        {
            ResourceIds = [instance], ResourceTypes = ["ManagedInstance"],
            Filters = [new ComplianceStringFilter { Key = "ComplianceType", Values = ["Custom:sshdoctor"], Type = ComplianceQueryOperatorType.EQUAL }],
        });
        return r.ComplianceItems ?? [];
    }

    private static string Temp(string name)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sshdoctor-ssm-lab-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return Path.Combine(dir, name);
    }

    [LabFact]
    public async Task A_blocking_cause_becomes_a_high_item_and_a_denied_put_is_exit_3_naming_the_action()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm compliance blocking");
        tree.Chmod("/home/admin", "0777");
        var instance = emu.Launch(tree).Running();
        var cli = Ec2FixRun.For(emu);

        var check = cli.Run("check", "--all-users", "--json", "--root", tree.Root, "--lang", "en");
        Assert.True(check.Exit == 1, $"check: exit {check.Exit}\n{check.Err}");
        using var doc = JsonDocument.Parse(check.Out);
        var blocking = doc.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("severity").GetString() == "blocking" && f.GetProperty("user").GetString() == "admin")
            .Select(f => f.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(blocking);
        var file = Temp("check.json");
        File.WriteAllText(file, check.Out);

        var sent = cli.Run("ssm", "compliance", file, "--type", "Custom:sshdoctor", "--instance-id", instance.InstanceId, "--json", "--lang", "en");
        Assert.True(sent.Exit == 0, $"ssm compliance: exit {sent.Exit}\n{sent.Err}");
        var items = await Items(emu, instance.InstanceId);
        foreach (var id in blocking)
        {
            var item = Assert.Single(items, i => i.Id == id + ":admin");
            Assert.Equal(ComplianceSeverity.HIGH, item.Severity);
            Assert.Equal(ComplianceStatus.NON_COMPLIANT, item.Status);
            Assert.Equal("admin", item.Details["user"]);
        }
        Assert.DoesNotContain(items, i => i.Severity == ComplianceSeverity.CRITICAL);
        using var answer = JsonDocument.Parse(sent.Out);
        Assert.Equal(items.Count, answer.RootElement.GetProperty("items").GetArrayLength());
        Assert.False(answer.RootElement.GetProperty("compliant").GetBoolean());

        emu.Faults.Deny("ssm:PutComplianceItems");
        var denied = cli.Run("ssm", "compliance", file, "--type", "Custom:sshdoctor", "--instance-id", instance.InstanceId, "--lang", "en");
        Assert.Equal(3, denied.Exit);
        Assert.Contains("ssm:PutComplianceItems", denied.Err);
        Assert.Equal(items.Count, (await Items(emu, instance.InstanceId)).Count);
    }

    [LabFact]
    public async Task A_candidate_from_parameter_store_that_locks_the_account_out_is_a_critical_item()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("ssm compliance candidate");
        var instance = emu.Launch(tree).Running();
        using (var ssm = EmulatorLab.Ssm(emu))
            await ssm.PutParameterAsync(new PutParameterRequest { Name = "/sshdoctor/candidate", Value = "PubkeyAuthentication no\n", Type = ParameterType.SecureString });
        var cli = Ec2FixRun.For(emu);

        var candidate = Temp("90-candidate.conf");
        var fetched = cli.Run("ssm", "parameter", "/sshdoctor/candidate", "-o", candidate, "--lang", "en");
        Assert.True(fetched.Exit == 0, $"ssm parameter: exit {fetched.Exit}\n{fetched.Err}");
        Assert.Equal("PubkeyAuthentication no\n", File.ReadAllText(candidate));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(candidate));
        Assert.DoesNotContain("PubkeyAuthentication", fetched.Out);
        var again = cli.Run("ssm", "parameter", "/sshdoctor/candidate", "-o", candidate, "--lang", "en");
        Assert.Equal(2, again.Exit);
        Assert.Contains("already exists", again.Err);
        var missing = cli.Run("ssm", "parameter", "/sshdoctor/none", "-o", candidate + ".2", "--lang", "en");
        Assert.Equal(2, missing.Exit);
        Assert.Contains("ParameterNotFound", missing.Err);
        Assert.False(File.Exists(candidate + ".2"));

        var check = cli.Run("check", "--all-users", "--json", "--root", tree.Root, "--candidate", candidate, "--lang", "en");
        Assert.True(check.Exit is 0 or 1, $"check --candidate: exit {check.Exit}\n{check.Err}");
        using var doc = JsonDocument.Parse(check.Out);
        Assert.Contains("admin", doc.RootElement.GetProperty("summary").GetProperty("accounts_losing_all_access").EnumerateArray().Select(u => u.GetString()));
        var file = Temp("check.json");
        File.WriteAllText(file, check.Out);
        var sent = cli.Run("ssm", "compliance", file, "--type", "Custom:sshdoctor", "--instance-id", instance.InstanceId, "--lang", "en");
        Assert.True(sent.Exit == 0, $"ssm compliance: exit {sent.Exit}\n{sent.Err}");
        var items = await Items(emu, instance.InstanceId);
        var critical = Assert.Single(items, i => i.Severity == ComplianceSeverity.CRITICAL);
        Assert.EndsWith(":admin", critical.Id);
        Assert.Equal(ComplianceStatus.NON_COMPLIANT, critical.Status);
    }
}
