using System.Text.Json;
using SshDoctor.Ec2Emulator;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using SshDoctor.TestSupport;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>
/// `sshdoctor ec2` end to end against the EC2/SSM EMULATOR (not AWS): the SDK is pointed at it only through
/// AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL_SSM, credentials and region come from the environment as the AWS CLI reads
/// them, and each instance is a lab tree served by the real sshd, so the probe's answer is sshd's.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2DiagnoseTests
{
    private static (int Exit, JsonElement Doc, string Err) Diagnose(Emulator emu, params string[] args)
    {
        var (exit, stdout, err) = DiagnoseRaw(emu, [.. args, "--json", "--lang", "en"]);
        using var doc = JsonDocument.Parse(stdout);
        return (exit, doc.RootElement.Clone(), err);
    }

    private static (int Exit, string Out, string Err) DiagnoseRaw(Emulator emu, params string[] args)
    {
        var saved = new Dictionary<string, string?>();
        void Set(string n, string? v) { saved.TryAdd(n, Environment.GetEnvironmentVariable(n)); Environment.SetEnvironmentVariable(n, v); }
        Set("AWS_ENDPOINT_URL_EC2", emu.Ec2Url);
        Set("AWS_ENDPOINT_URL_SSM", emu.SsmUrl);
        Set("AWS_ACCESS_KEY_ID", EmulatorLab.Credentials.GetCredentials().AccessKey);
        Set("AWS_SECRET_ACCESS_KEY", EmulatorLab.Credentials.GetCredentials().SecretKey);
        Set("AWS_REGION", emu.Options.Region);
        Set("AWS_EC2_METADATA_DISABLED", "true");
        Set("AWS_MAX_ATTEMPTS", "3");
        Set("AWS_PROFILE", null);
        try
        {
            return CliRunner.Run(["ec2", .. args]);
        }
        finally
        {
            foreach (var (n, v) in saved) Environment.SetEnvironmentVariable(n, v);
        }
    }

    private static string[] Ids(JsonElement doc, string? severity = null) =>
        [.. doc.GetProperty("findings").EnumerateArray()
            .Where(f => severity is null || f.GetProperty("severity").GetString() == severity)
            .Select(f => f.GetProperty("id").GetString()!)];

    private static string Next(JsonElement doc, string field = "command") =>
        doc.GetProperty("next").GetProperty(field).GetString() ?? "";

    private static (Emulator Emu, SshDoctor.Ec2Emulator.Instances.EmulatedInstance Instance, LabTree Tree) Debian(
        string name, LabKey? installed = null, Func<InstanceSpec, InstanceSpec>? spec = null, Action<Emulator>? before = null, bool boot = true)
    {
        var emu = Emulator.Start(new EmulatorOptions { StartDelay = TimeSpan.FromMilliseconds(200) });
        emu.AddImage(new ImageSpec());
        emu.MainKeyPair();
        before?.Invoke(emu);
        var tree = EmulatorLab.InstanceTree(name, "admin", installed ?? LabKeys.Main);
        var s = new InstanceSpec(tree.Root) { ImageId = new ImageSpec().ImageId, KeyName = "lab-main" };
        var instance = emu.Launch(tree, spec?.Invoke(s) ?? s);
        if (boot && !(spec?.Invoke(s).StartStopped ?? false)) instance.Booted();
        return (emu, instance, tree);
    }

    [LabFact]
    public void Healthy_instance_the_default_user_is_found_and_accepts_the_key()
    {
        var (emu, i, tree) = Debian("healthy");
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit == 0, err + doc);
            Assert.Equal("accepted", doc.GetProperty("verdict").GetString());
            Assert.Equal("login", Next(doc, "step"));
            Assert.Equal("admin", Next(doc, "user"));
            Assert.Contains("admin@" + i.PublicIpAddress, Next(doc));
            Assert.True(doc.GetProperty("instance").GetProperty("key_pair").GetProperty("matches_key").GetBoolean());
            Assert.Contains("EC2_CONSOLE_KEYS", Ids(doc, "info"));
            Assert.Contains(doc.GetProperty("candidates").EnumerateArray(), c => c.GetProperty("user").GetString() == "admin" && c.GetProperty("result").GetString() == "pk_ok");
        }
    }

    [LabFact]
    public void Wrong_user_name_the_probe_and_the_boot_log_name_the_right_one()
    {
        var (emu, i, tree) = Debian("wrong-user");
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath, "--user", "ec2-user");
            Assert.True(exit == 1, err + doc);
            Assert.Contains("WRONG_USERNAME", Ids(doc, "blocking"));
            Assert.Equal("login", Next(doc, "step"));
            Assert.Equal("admin", Next(doc, "user"));
            var wrong = doc.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "WRONG_USERNAME");
            Assert.Equal("admin", wrong.GetProperty("user").GetString());

            // The same for people, in French: the next command is the last line.
            var (textExit, text, textErr) = DiagnoseRaw(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath, "--user", "ec2-user", "--lang", "fr");
            Assert.True(textExit == 1, textErr + text);
            Assert.Contains("[WRONG_USERNAME]", text);
            Assert.Contains("Connectez-vous en tant que admin\u00a0:", text);
            Assert.EndsWith($"$ ssh -i {LabKeys.Main.PrivatePath} admin@{i.PublicIpAddress}", text.TrimEnd());
        }
    }

    [LabFact]
    public void Other_key_pair_both_fingerprints_and_the_ssm_repair()
    {
        var (emu, i, tree) = Debian("other-pair");
        using (emu) using (tree)
        {
            // The instance holds lab-main; the user has the other key.
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Other.PrivatePath);
            Assert.True(exit == 1, err + doc);
            var ids = Ids(doc, "blocking");
            Assert.Contains("EC2_KEY_PAIR_OTHER", ids);
            Assert.Contains("KEY_NOT_AUTHORIZED", ids);
            var pair = doc.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "EC2_KEY_PAIR_OTHER").GetProperty("message").GetString()!;
            Assert.Contains(Ed25519Console(LabKeys.Main), pair);
            Assert.Contains(Ed25519Console(LabKeys.Other), pair);
            Assert.Equal("repair_ssm", Next(doc, "step"));
            Assert.Equal($"sshdoctor ec2 fix {i.InstanceId} --via ssm --user admin -i {LabKeys.Other.PrivatePath}", Next(doc));
        }
    }

    [LabFact]
    public void Shared_image_with_the_builder_s_key_is_proven_from_the_boot_log()
    {
        // Seed 003: an image from another account whose authorized_keys holds the builder's key; the launch pair never got in.
        var emu = Emulator.Start(new EmulatorOptions { StartDelay = TimeSpan.FromMilliseconds(200) });
        var image = emu.AddImage(new ImageSpec { ImageId = "ami-0b0b0b0b0b0b0b0b0", OwnerId = "210987654321", Name = "app-golden-2026-11", Description = "our app", Public = false, DefaultUser = "admin" });
        emu.MainKeyPair();
        var tree = EmulatorLab.InstanceTree("shared-image", "admin", LabKeys.Other);
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { ImageId = image.ImageId, KeyName = "lab-main", InstallKeyPairAtFirstBoot = false, SsmAgent = false }).Booted();
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, instance.InstanceId, "-i", LabKeys.Main.PrivatePath, "--user", "admin");
            Assert.True(exit == 1, err + doc);
            Assert.Contains("EC2_IMAGE_SHARED", Ids(doc, "warning"));
            Assert.Contains("KEY_NOT_AUTHORIZED", Ids(doc, "blocking"));
            Assert.DoesNotContain("EC2_KEY_PAIR_OTHER", Ids(doc));
            var console = doc.GetProperty("findings").EnumerateArray().First(f => f.GetProperty("id").GetString() == "EC2_CONSOLE_KEYS" && f.GetProperty("user").GetString() == "admin");
            Assert.Contains("not your key", console.GetProperty("message").GetString());
            Assert.Equal("repair_userdata", Next(doc, "step"));
            Assert.StartsWith($"sshdoctor ec2 fix {instance.InstanceId} --via userdata --user admin", Next(doc));
        }
    }

    [LabFact]
    public void Security_group_without_ssh_is_EC2_PORT_CLOSED_with_the_rule_to_add()
    {
        var (emu, i, tree) = Debian("sg-closed", before: e => e.Network.DefaultSecurityGroup.Ingress.Clear());
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath, "--from", "203.0.113.7");
            Assert.True(exit == 1, err + doc);
            Assert.Equal(["EC2_PORT_CLOSED"], Ids(doc, "blocking"));
            Assert.Equal("network", Next(doc, "step"));
            Assert.Equal($"aws ec2 authorize-security-group-ingress --group-id {emu.Network.DefaultSecurityGroup.GroupId} --protocol tcp --port 22 --cidr 203.0.113.7/32", Next(doc));
            Assert.False(doc.TryGetProperty("candidates", out var c) && c.ValueKind == JsonValueKind.Array, "no probe when the way is closed");
        }
    }

    [LabFact]
    public void Network_acl_deny_before_the_allow_is_EC2_NACL_DENIES()
    {
        var (emu, i, tree) = Debian("nacl-deny", before: e =>
            e.Network.NetworkAcls[0].Entries.Add(new AclEntry(50, "6", "deny", false, "0.0.0.0/0", 22, 22)));
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit == 1, err + doc);
            Assert.Equal(["EC2_NACL_DENIES"], Ids(doc, "blocking"));
            Assert.Contains("--rule-number 49 --protocol tcp --port-range From=22,To=22 --rule-action allow", Next(doc));
        }
    }

    [LabFact]
    public void Stopped_instance_is_EC2_NOT_RUNNING_and_the_next_step_starts_it()
    {
        var (emu, i, tree) = Debian("stopped", spec: s => s with { StartStopped = true });
        using (emu) using (tree)
        {
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit == 1, err + doc);
            Assert.Equal(["EC2_NOT_RUNNING"], Ids(doc, "blocking"));
            Assert.Equal($"aws ec2 start-instances --instance-ids {i.InstanceId}", Next(doc));
        }
    }

    [LabFact]
    public void Denied_permission_names_the_action_and_exits_3()
    {
        var (emu, i, tree) = Debian("denied");
        using (emu) using (tree)
        {
            emu.Faults.Deny("ec2:DescribeKeyPairs");
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit == 3, err + doc);
            var f = doc.GetProperty("findings").EnumerateArray().First(x => x.GetProperty("id").GetString() == "EC2_PERMISSION");
            Assert.Contains("ec2:DescribeKeyPairs", f.GetProperty("message").GetString());
            Assert.Equal("permission_denied", doc.GetProperty("errors")[0].GetProperty("kind").GetString());

            emu.Faults.Deny("ec2:DescribeInstances");
            var (exit2, doc2, err2) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit2 == 3, err2 + doc2);
            Assert.Equal(["EC2_PERMISSION"], Ids(doc2));
            Assert.Contains("ec2:DescribeInstances", doc2.GetProperty("findings")[0].GetProperty("message").GetString());
        }
    }

    [LabFact]
    public void Throttling_is_retried_by_the_sdk_then_reported_clearly()
    {
        var (emu, i, tree) = Debian("throttled");
        using (emu) using (tree)
        {
            emu.Faults.Throttle("ec2:DescribeInstances", 1);
            var (exit, doc, err) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit == 0, "one throttled call is retried by the SDK: " + err + doc);

            emu.Faults.Throttle("ec2:DescribeInstances", 100);
            var (exit2, doc2, err2) = Diagnose(emu, i.InstanceId, "-i", LabKeys.Main.PrivatePath);
            Assert.True(exit2 == 3, err2 + doc2);
            Assert.Equal("aws_throttled", doc2.GetProperty("error").GetProperty("id").GetString());
            Assert.Contains("throttling ec2:DescribeInstances", err2);
            Assert.DoesNotContain("   at ", err2);
        }
    }

    [LabFact]
    public void Unknown_instance_is_bad_input()
    {
        using var emu = Emulator.Start();
        var (exit, doc, err) = Diagnose(emu, "i-0123456789abcdef0");
        Assert.True(exit == 2, err + doc);
        Assert.Contains("no instance i-0123456789abcdef0 in region us-east-1", err);
    }

    private static string Ed25519Console(LabKey key)
    {
        var blob = Convert.FromBase64String(File.ReadAllText(key.PublicPath).Split(' ')[1]);
        return Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(blob));
    }
}
