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

    /// <summary>What of one instance is on the host: its namespace, veth, routes, mounts and processes (only its own,
    /// so other tests running at the same time do not count).</summary>
    private static List<string> Traces(string netns, string veth, string runDir, IEnumerable<string> addresses)
    {
        var found = new List<string>();
        if (File.Exists("/run/netns/" + netns)) found.Add("netns " + netns);
        if (EmulatorLab.Run("/usr/sbin/ip", "link", "show", veth).Exit == 0) found.Add("link " + veth);
        var routes = EmulatorLab.Run("/usr/sbin/ip", "-4", "route", "show").Out;
        foreach (var a in addresses) if (routes.Contains(a + " ", StringComparison.Ordinal) || routes.Contains(a + "/", StringComparison.Ordinal)) found.Add("route " + a);
        foreach (var m in File.ReadAllLines("/proc/self/mountinfo")) if (m.Contains(runDir, StringComparison.Ordinal)) found.Add("mount " + m);
        foreach (var p in Directory.GetDirectories("/proc").Select(Path.GetFileName).Where(p => int.TryParse(p, out _)))
        {
            string cmdline;
            try { cmdline = File.ReadAllText($"/proc/{p}/cmdline").Replace('\0', ' '); } catch (IOException) { continue; }
            if (cmdline.Contains(runDir, StringComparison.Ordinal) || cmdline.Contains(netns, StringComparison.Ordinal)) found.Add($"process {p}: {cmdline}");
        }
        if (Directory.Exists(runDir)) found.Add("directory " + runDir);
        return found;
    }

    [LabFact]
    public void Nothing_of_the_emulator_remains_on_the_host_after_Dispose()
    {
        using var tree = EmulatorLab.InstanceTree("cleanup");
        using var tree2 = EmulatorLab.InstanceTree("cleanup 2");
        var seen = new List<(string Netns, string Veth, string RunDir, string[] Addresses)>();
        using (var emu = Emulator.Start())
        {
            var a = emu.Launch(tree).Running();
            var b = emu.Launch(tree2, new SshDoctor.Ec2Emulator.Model.InstanceSpec(tree2.Root) { ElasticIp = true }).Running();
            Assert.Equal(0, EmulatorLab.Ssh(b.PublicIpAddress!, "admin", LabKeys.Main).Exit);
            Assert.Equal(0, EmulatorLab.Ssh(a.PrivateIpAddress, "admin", LabKeys.Main).Exit);
            foreach (var i in new[] { a, b })
            {
                seen.Add((i.NetworkNamespace, i.HostVeth, i.RunDir, [i.PublicIpAddress!]));
                Assert.NotEmpty(Traces(i.NetworkNamespace, i.HostVeth, i.RunDir, [i.PublicIpAddress!])); // the check sees a live instance
            }
        }
        foreach (var (netns, veth, runDir, addresses) in seen)
        {
            var left = Traces(netns, veth, runDir, addresses);
            Assert.True(left.Count == 0, "left on the host:\n" + string.Join('\n', left));
            Assert.False(Directory.Exists(Path.GetDirectoryName(runDir)), Path.GetDirectoryName(runDir));
        }
    }
}
