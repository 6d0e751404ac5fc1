using EmuState = SshDoctor.Ec2Emulator.Instances.InstanceState;
using System.Text;
using Amazon.EC2;
using SshDoctor.Lab.Harness;
using Amazon.EC2.Model;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Model;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

using static SshDoctor.Lab.Ec2.Ec2Sdk;

namespace SshDoctor.Lab.Ec2;

/// <summary>
/// The EC2 EMULATOR (not AWS): user data runs at start the way cloud-init's scripts-user does (as root, in the
/// instance, once per instance unless the cloud-config part says always), and its console output comes back through
/// GetConsoleOutput.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorUserDataTests(ITestOutputHelper output)
{
    private static string Marker(string name) => $"#!/bin/sh\necho \"{name} on stdout as $(id -u)\"\necho \"{name} on the console\" > /dev/console\n" +
        $"echo \"{name} on ttyS0\" > /dev/ttyS0\necho \"{name} on stderr\" >&2\ntouch /var/tmp/{name}\n";

    private static string Multipart(string script, bool always) =>
        "Content-Type: multipart/mixed; boundary=\"//\"\nMIME-Version: 1.0\n\n" +
        (always ? "--//\nContent-Type: text/cloud-config; charset=\"us-ascii\"\nMIME-Version: 1.0\nContent-Transfer-Encoding: 7bit\n" +
                  "Content-Disposition: attachment; filename=\"cloud-config.txt\"\n\n#cloud-config\ncloud_final_modules:\n- [scripts-user, always]\n\n" : "") +
        "--//\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\nMIME-Version: 1.0\nContent-Transfer-Encoding: 7bit\n" +
        "Content-Disposition: attachment; filename=\"userdata.txt\"\n\n" + script + "--//--\n";

    private static async Task<string> Console(AmazonEC2Client ec2, string id)
    {
        var r = await ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = id, Latest = true });
        return r.Output is null ? "" : Encoding.UTF8.GetString(Convert.FromBase64String(r.Output));
    }

    private static async Task StopSetStart(AmazonEC2Client ec2, EmulatedInstance i, string userData)
    {
        await ec2.StopInstancesAsync(new StopInstancesRequest { InstanceIds = [i.InstanceId] });
        Assert.True(i.WaitFor(EmuState.Stopped, TimeSpan.FromSeconds(30)));
        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = i.InstanceId, UserData = Blob(Encoding.UTF8.GetBytes(userData)) });
        await ec2.StartInstancesAsync(new StartInstancesRequest { InstanceIds = [i.InstanceId] });
        i.Booted();
    }

    [LabFact]
    public async Task First_boot_runs_the_script_as_root_in_the_instance_and_its_output_is_on_the_console()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("userdata first boot");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { UserData = Encoding.UTF8.GetBytes(Marker("first")) }).Booted();
        using var ec2 = EmulatorLab.Ec2(emu);
        var console = await Console(ec2, instance.InstanceId);
        output.WriteLine(console);
        foreach (var line in new[] { "first on stdout as 0", "first on the console", "first on ttyS0", "first on stderr" })
            Assert.Contains(line, console);
        Assert.True(File.Exists(tree.HostPath("/var/tmp/first")), "the script's file is on the instance's disk (the tree)");
        Assert.False(File.Exists("/var/tmp/first"), "the script wrote on the host");
        Assert.Contains("Authorized keys from /home/admin/.ssh/authorized_keys for user admin", console);
    }

    [LabFact]
    public async Task A_script_set_after_the_first_boot_runs_only_with_scripts_user_always()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("userdata per instance");
        var instance = emu.Launch(tree).Booted();
        using var ec2 = EmulatorLab.Ec2(emu);

        await StopSetStart(ec2, instance, Marker("plain"));
        var console = await Console(ec2, instance.InstanceId);
        output.WriteLine("---- plain script, second boot ----\n" + console);
        Assert.DoesNotContain("plain on stdout", console);
        Assert.False(File.Exists(tree.HostPath("/var/tmp/plain")));
        Assert.Contains("finished at", console); // the boot did run cloud-init
        Assert.DoesNotContain("Authorized keys from", console); // per instance: first boot only

        await StopSetStart(ec2, instance, Multipart(Marker("mime-once"), always: false));
        Assert.DoesNotContain("mime-once on stdout", await Console(ec2, instance.InstanceId));

        await StopSetStart(ec2, instance, Multipart(Marker("always"), always: true));
        console = await Console(ec2, instance.InstanceId);
        output.WriteLine("---- multipart with [scripts-user, always] ----\n" + console);
        Assert.Contains("always on stdout as 0", console);
        Assert.True(File.Exists(tree.HostPath("/var/tmp/always")));

        await StopSetStart(ec2, instance, Multipart(Marker("always-again"), always: true));
        Assert.Contains("always-again on the console", await Console(ec2, instance.InstanceId));
    }

    [LabFact]
    public async Task A_failing_script_leaves_cloud_init_warnings_on_the_console()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("userdata failing");
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { UserData = Encoding.UTF8.GetBytes("#!/bin/sh\necho about to fail\nexit 3\n") }).Booted();
        using var ec2 = EmulatorLab.Ec2(emu);
        var console = await Console(ec2, instance.InstanceId);
        output.WriteLine(console);
        Assert.Contains("about to fail", console);
        Assert.Contains("Failed to run module scripts-user", console);
    }

    [LabFact]
    public async Task Gzipped_user_data_runs_and_the_console_answer_is_its_last_64_KB()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("userdata gzip");
        // 100,000 characters on the console, then a last line.
        var script = "#!/bin/sh\nhead -c 100000 /dev/zero | tr '\\0' x > /dev/console\necho >/dev/console\necho LAST-LINE-OF-USER-DATA\n";
        using var packed = new MemoryStream();
        using (var gz = new System.IO.Compression.GZipStream(packed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes(script));
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root) { UserData = packed.ToArray() }).Booted();
        Assert.Equal(0x1f, instance.UserData[0]); // stored as given: gzip
        using var ec2 = EmulatorLab.Ec2(emu);
        var r = await ec2.GetConsoleOutputAsync(new GetConsoleOutputRequest { InstanceId = instance.InstanceId, Latest = true });
        var bytes = Convert.FromBase64String(r.Output);
        Assert.True(instance.ConsoleBytes.Length > 100000, $"console holds {instance.ConsoleBytes.Length} bytes");
        Assert.Equal(64 * 1024, bytes.Length);
        Assert.Equal(instance.ConsoleBytes[^(64 * 1024)..], bytes);
        Assert.Contains("LAST-LINE-OF-USER-DATA", Encoding.UTF8.GetString(bytes));
        Assert.Contains("finished at", Encoding.UTF8.GetString(bytes));
    }
}
