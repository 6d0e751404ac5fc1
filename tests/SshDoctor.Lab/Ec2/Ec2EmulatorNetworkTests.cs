using System.Net.Sockets;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Xunit.Abstractions;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>
/// The EMULATOR's VPC (not AWS) filters packets as it describes them: security groups, the subnet's network ACL and the
/// internet gateway route decide whether the host reaches the instance's sshd.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorNetworkTests(ITestOutputHelper output)
{
    private static bool Reachable(string address)
    {
        using var client = new TcpClient();
        try { return client.ConnectAsync(address, 22).Wait(TimeSpan.FromMilliseconds(1500)) && client.Connected; }
        catch (AggregateException) { return false; }
    }

    [LabFact]
    public void Security_groups_network_ACLs_and_the_internet_route_decide_what_reaches_sshd()
    {
        using var emu = Emulator.Start();
        using var tree = EmulatorLab.InstanceTree("vpc filter");
        var instance = emu.Launch(tree).Running();
        var pub = instance.PublicIpAddress!;
        var priv = instance.PrivateIpAddress;
        Assert.True(Reachable(pub), instance.PacketFilter);
        Assert.Equal(0, EmulatorLab.Ssh(pub, "admin", LabKeys.Main).Exit);

        var sg = emu.Network.DefaultSecurityGroup;
        var open = sg.Ingress.ToList();
        sg.Ingress.Clear();
        sg.Ingress.Add(new IpRule("tcp", 22, 22, ["203.0.113.0/24"]));
        emu.RefreshNetwork();
        output.WriteLine(instance.PacketFilter);
        Assert.False(Reachable(pub), "a security group without the client's address lets SSH in");
        Assert.False(Reachable(priv));
        sg.Ingress.Clear();
        sg.Ingress.Add(new IpRule("tcp", 20, 30, ["10.0.0.0/8"]));
        emu.RefreshNetwork();
        Assert.True(Reachable(pub), "a port range and CIDR that hold the client let it in");
        sg.Ingress.Clear();
        sg.Ingress.AddRange(open);

        var acl = emu.Network.NetworkAcls[0];
        acl.Entries.Add(new AclEntry(50, "6", "deny", false, "0.0.0.0/0", 22, 22));
        emu.RefreshNetwork();
        Assert.False(Reachable(pub), "an inbound ACL deny before the allow");
        acl.Entries.RemoveAll(e => e.RuleNumber == 50);
        acl.Entries.Add(new AclEntry(50, "6", "allow", true, "0.0.0.0/0", 22, 22)); // replies go to the client's ephemeral port
        acl.Entries.Add(new AclEntry(60, "-1", "deny", true, "0.0.0.0/0", null, null));
        emu.RefreshNetwork();
        Assert.False(Reachable(pub), "the ACL is stateless: an outbound rule for port 22 only drops the replies");
        acl.Entries.RemoveAll(e => e.RuleNumber is 50 or 60);
        emu.RefreshNetwork();
        Assert.True(Reachable(pub));

        var main = emu.Network.RouteTables[0];
        var igw = main.Routes.Single(r => r.DestinationCidrBlock == "0.0.0.0/0");
        main.Routes.Remove(igw);
        emu.RefreshNetwork();
        Assert.False(Reachable(pub), "a public address without a route to an internet gateway");
        Assert.True(Reachable(priv), "the private address is reached from inside the VPC");
        main.Routes.Add(igw);
        emu.RefreshNetwork();
        Assert.Equal(0, EmulatorLab.Ssh(pub, "admin", LabKeys.Main).Exit);
    }
}
