using Amazon.EC2;
using Amazon.Runtime;
using Amazon.SimpleSystemsManagement;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>
/// Lab trees as EC2 EMULATOR instances (tests/SshDoctor.Ec2Emulator: an emulator of the EC2 and SSM APIs, not AWS), and
/// the real AWS SDK clients pointed at it.
/// </summary>
public static class EmulatorLab
{
    public static readonly BasicAWSCredentials Credentials = new("AKIAEMULATOR0000000", "emulator-secret-not-a-real-key");

    /// <summary>A tree for an instance: the image's default user with <paramref name="key"/> in authorized_keys, sshd on every address.</summary>
    public static LabTree InstanceTree(string name, string user = "admin", LabKey? key = null)
    {
        LabGuard.Require();
        return LabTree.Create("ec2 " + name).Listen(null).StandardUser(user, LabUsers.Alice, key ?? LabKeys.Main);
    }

    /// <summary>Writes the tree's sshd_config for port 22 and launches it.</summary>
    public static EmulatedInstance Launch(this Emulator emulator, LabTree tree, InstanceSpec? spec = null)
    {
        tree.Finish(22);
        return emulator.AddInstance((spec ?? new InstanceSpec(tree.Root)) with { Root = tree.Root });
    }

    /// <summary>The key pair "lab-main" (the lab's main ed25519 key, imported).</summary>
    public static KeyPairSpec MainKeyPair(this Emulator emulator) =>
        emulator.AddKeyPair(new KeyPairSpec("lab-main", LabKeys.Main.PublicPath));

    public static AmazonEC2Client Ec2(Emulator emulator, int maxErrorRetry = 0) =>
        new(Credentials, new AmazonEC2Config { ServiceURL = emulator.Ec2Url, AuthenticationRegion = emulator.Options.Region, MaxErrorRetry = maxErrorRetry });

    public static AmazonSimpleSystemsManagementClient Ssm(Emulator emulator, int maxErrorRetry = 0) =>
        new(Credentials, new AmazonSimpleSystemsManagementConfig { ServiceURL = emulator.SsmUrl, AuthenticationRegion = emulator.Options.Region, MaxErrorRetry = maxErrorRetry });

    /// <summary>Waits for running (bounded) and fails the test with the agent's errors when it does not get there.</summary>
    public static EmulatedInstance Running(this EmulatedInstance instance, TimeSpan? timeout = null)
    {
        Assert.True(instance.WaitFor(InstanceState.Running, timeout ?? TimeSpan.FromSeconds(30)),
            $"{instance.InstanceId} did not reach running (state {instance.State}); sshd log:\n{instance.SshdLog}\nconsole:\n{instance.ConsoleLog}");
        return instance;
    }

    /// <summary>Waits until cloud-init's final stage has run (bounded).</summary>
    public static EmulatedInstance Booted(this EmulatedInstance instance, TimeSpan? timeout = null)
    {
        instance.Running(timeout);
        Assert.True(instance.WaitForBoot(timeout ?? TimeSpan.FromSeconds(60)), $"{instance.InstanceId}: boot did not finish; console:\n{instance.ConsoleLog}");
        return instance;
    }

    /// <summary>The machine's ssh client to ADDRESS:22 as USER with KEY, running `true` (bounded). Exit code and stderr.</summary>
    public static (int Exit, string Output) Ssh(string address, string user, LabKey key, string command = "true")
    {
        var (exit, output, err) = Run("/usr/bin/ssh", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "ConnectTimeout=5", "-o", "LogLevel=ERROR",
            "-i", key.PrivatePath, "-p", "22", $"{user}@{address}", command);
        return (exit, output + err);
    }

    public static (int Exit, string Out, string Err) Run(string file, params string[] args)
    {
        var psi = new System.Diagnostics.ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = System.Diagnostics.Process.Start(psi)!;
        p.StandardInput.Close();
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(30))) { p.Kill(true); return (-1, o.Result, "timed out"); }
        return (p.ExitCode, o.Result, e.Result);
    }
}

/// <summary>SDK helpers for the emulator tests.</summary>
public static class Ec2Sdk
{
    /// <summary>ModifyInstanceAttribute's UserData: the raw bytes (the SDK base64-encodes the stream on the wire, as the API wants).</summary>
    public static Amazon.EC2.Model.SecureBlobAttributeValue Blob(byte[] data) => new() { Value = new MemoryStream(data) };
}
