using Amazon;
using Amazon.EC2;
using Amazon.EC2.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using SshDoctor.Lab.Harness;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>The EMULATOR (not AWS) from the host's side: the SDK's endpoint variables reach it; after Dispose nothing of it remains.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorHostTests
{
    [LabFact]
    public async Task The_SDKs_service_endpoint_variables_reach_the_emulator()
    {
        using var emu = Emulator.Start();
        emu.MainKeyPair();
        var saved = (Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_EC2"), Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL_SSM"));
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EC2", emu.Ec2Url);
        Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", emu.SsmUrl);
        try
        {
            using var ec2 = new AmazonEC2Client(EmulatorLab.Credentials, new AmazonEC2Config { RegionEndpoint = RegionEndpoint.USEast1, MaxErrorRetry = 0 });
            using var ssm = new AmazonSimpleSystemsManagementClient(EmulatorLab.Credentials, new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.USEast1, MaxErrorRetry = 0 });
            Assert.Equal("lab-main", Assert.Single((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest())).KeyPairs).KeyName);
            Assert.Empty((await ssm.DescribeInstanceInformationAsync(new DescribeInstanceInformationRequest())).InstanceInformationList ?? []);
        }
        finally
        {
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_EC2", saved.Item1);
            Environment.SetEnvironmentVariable("AWS_ENDPOINT_URL_SSM", saved.Item2);
        }
    }

    private static string HostState()
    {
        var netns = Directory.Exists("/run/netns") ? string.Join(',', Directory.GetFiles("/run/netns").Order()) : "";
        var links = EmulatorLab.Run("/usr/sbin/ip", "-o", "link", "show").Out.Split('\n').Where(l => l.Contains(": sde", StringComparison.Ordinal));
        var routes = EmulatorLab.Run("/usr/sbin/ip", "-4", "route", "show").Out.Split('\n').Where(l => l.StartsWith("10.21", StringComparison.Ordinal));
        var mounts = File.ReadAllLines("/proc/self/mountinfo").Where(l => l.Contains("sshdoctor-ec2emu", StringComparison.Ordinal) || l.Contains("/netns/sdemu-", StringComparison.Ordinal));
        var sshd = Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(p => int.TryParse(p, out _))
            .Select(p => { try { return File.ReadAllText($"/proc/{p}/cmdline").Replace('\0', ' '); } catch (IOException) { return ""; } })
            .Where(c => c.Contains("instance-agent.sh", StringComparison.Ordinal) || c.Contains("PidFile=/run/sshd.pid", StringComparison.Ordinal));
        return $"netns: {netns}\nlinks: {string.Join(';', links)}\nroutes: {string.Join(';', routes)}\nmounts: {string.Join(';', mounts)}\nprocesses: {string.Join(';', sshd)}";
    }

    [LabFact]
    public void Nothing_of_the_emulator_remains_on_the_host_after_Dispose()
    {
        using var tree = EmulatorLab.InstanceTree("cleanup");
        using var tree2 = EmulatorLab.InstanceTree("cleanup 2");
        var before = HostState();
        string runDir;
        using (var emu = Emulator.Start())
        {
            var a = emu.Launch(tree).Running();
            var b = emu.Launch(tree2, new SshDoctor.Ec2Emulator.Model.InstanceSpec(tree2.Root) { ElasticIp = true }).Running();
            runDir = Path.GetDirectoryName(a.RunDir)!;
            Assert.NotEqual(before, HostState());
            Assert.Equal(0, EmulatorLab.Ssh(b.PublicIpAddress!, "admin", LabKeys.Main).Exit);
            Assert.Equal(0, EmulatorLab.Ssh(a.PrivateIpAddress, "admin", LabKeys.Main).Exit);
        }
        Assert.Equal(before, HostState());
        Assert.False(Directory.Exists(runDir), runDir);
    }
}
