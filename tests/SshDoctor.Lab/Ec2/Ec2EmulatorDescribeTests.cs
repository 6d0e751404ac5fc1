using Amazon.EC2.Model;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Lab.Harness;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2;

/// <summary>What the EMULATOR (not AWS) describes, read back through the SDK's own unmarshallers.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class Ec2EmulatorDescribeTests
{
    [LabFact]
    public async Task DescribeInstances_carries_everything_the_diagnosis_reads()
    {
        using var emu = Emulator.Start();
        var image = emu.AddImage(new ImageSpec { ImageId = "ami-0abc1234def567890", OwnerId = "099720109477", Name = "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20260101", DefaultUser = "ubuntu" });
        emu.MainKeyPair();
        using var tree = EmulatorLab.InstanceTree("describe", "ubuntu");
        var sg = new SecurityGroupSpec("sg-0fedcba9876543210", "web", emu.Network.DefaultVpc.VpcId, emu.Options.AccountId);
        emu.Network.SecurityGroups.Add(sg);
        var instance = emu.Launch(tree, new InstanceSpec(tree.Root)
        {
            ImageId = image.ImageId, KeyName = "lab-main", InstanceType = "m5d.large", SecurityGroupIds = [emu.Network.DefaultSecurityGroup.GroupId, sg.GroupId],
            IamInstanceProfileArn = "arn:aws:iam::123456789012:instance-profile/ssm-core", HttpTokens = "optional",
            AutoScalingGroup = "web-asg", Tags = new Dictionary<string, string> { ["Name"] = "web-1" }, RootVolumeEncrypted = true,
        }).Running();
        using var ec2 = EmulatorLab.Ec2(emu);
        var r = Assert.Single((await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { InstanceIds = [instance.InstanceId] })).Reservations);
        Assert.Equal(emu.Options.AccountId, r.OwnerId);
        var i = Assert.Single(r.Instances);
        Assert.Equal(image.ImageId, i.ImageId);
        Assert.Equal("lab-main", i.KeyName);
        Assert.Equal("Linux/UNIX", i.PlatformDetails);
        Assert.Equal("m5d.large", i.InstanceType.Value);
        Assert.Equal(emu.Network.DefaultSubnet.SubnetId, i.SubnetId);
        Assert.Equal(emu.Network.DefaultVpc.VpcId, i.VpcId);
        Assert.Equal([emu.Network.DefaultSecurityGroup.GroupId, sg.GroupId], i.SecurityGroups.Select(g => g.GroupId));
        Assert.Equal("arn:aws:iam::123456789012:instance-profile/ssm-core", i.IamInstanceProfile.Arn);
        Assert.Equal("optional", i.MetadataOptions.HttpTokens.Value);
        Assert.Equal("/dev/xvda", i.RootDeviceName);
        Assert.Equal(instance.VolumeId, Assert.Single(i.BlockDeviceMappings).Ebs.VolumeId);
        Assert.Contains(i.Tags, t => t.Key == "aws:autoscaling:groupName" && t.Value == "web-asg");
        Assert.Contains(i.Tags, t => t.Key == "Name" && t.Value == "web-1");
        Assert.Equal(instance.PrivateIpAddress, i.PrivateIpAddress);
        Assert.Equal(instance.PublicIpAddress, i.NetworkInterfaces[0].Association.PublicIp);
        Assert.Equal(16, i.State.Code);

        var byTag = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("tag:Name", ["web-*"])] });
        Assert.Single(byTag.Reservations);
        var none = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest { Filters = [new Filter("instance-state-name", ["stopped"])] });
        Assert.Empty(none.Reservations ?? []);

        var volume = Assert.Single((await ec2.DescribeVolumesAsync(new DescribeVolumesRequest { Filters = [new Filter("attachment.instance-id", [instance.InstanceId])] })).Volumes);
        Assert.True(volume.Encrypted);
        Assert.Equal(instance.InstanceId, volume.Attachments[0].InstanceId);

        var types = await ec2.DescribeInstanceTypesAsync(new DescribeInstanceTypesRequest { InstanceTypes = ["m5d.large", "t2.micro"] });
        var m5d = types.InstanceTypes.Single(t => t.InstanceType == "m5d.large");
        Assert.Equal("nitro", m5d.Hypervisor.Value);
        Assert.True(m5d.InstanceStorageSupported);
        Assert.Equal(75, m5d.InstanceStorageInfo.TotalSizeInGB);
        var t2 = types.InstanceTypes.Single(t => t.InstanceType == "t2.micro");
        Assert.Equal("xen", t2.Hypervisor.Value);
        Assert.False(t2.InstanceStorageSupported);

        Assert.False((await ec2.GetSerialConsoleAccessStatusAsync(new GetSerialConsoleAccessStatusRequest())).SerialConsoleAccessEnabled);
    }

    [LabFact]
    public async Task DescribeImages_hides_deprecated_and_disabled_images_unless_asked()
    {
        using var emu = Emulator.Start();
        emu.AddImage(new ImageSpec { ImageId = "ami-00000000000000001", Name = "current" });
        emu.AddImage(new ImageSpec { ImageId = "ami-00000000000000002", Name = "old", DeprecationTime = new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc) });
        emu.AddImage(new ImageSpec { ImageId = "ami-00000000000000003", Name = "off", Disabled = true });
        emu.AddImage(new ImageSpec { ImageId = "ami-00000000000000004", Name = "bitnami-wordpress", OwnerId = "979382823631", ProductCodes = ["cvcpxh2tzwdfp2hyq4wljbgku"], PlatformDetails = "Linux/UNIX" });
        using var ec2 = EmulatorLab.Ec2(emu);
        async Task<string[]> Names(DescribeImagesRequest r) => [.. ((await ec2.DescribeImagesAsync(r)).Images ?? []).Select(i => i.Name).Order()];
        Assert.Equal(["bitnami-wordpress", "current"], await Names(new DescribeImagesRequest()));
        Assert.Equal(["bitnami-wordpress", "current", "old"], await Names(new DescribeImagesRequest { IncludeDeprecated = true }));
        Assert.Equal(["old"], await Names(new DescribeImagesRequest { ImageIds = ["ami-00000000000000002"] }));
        Assert.Empty(await Names(new DescribeImagesRequest { ImageIds = ["ami-00000000000000003"] }));
        Assert.Equal(["off"], await Names(new DescribeImagesRequest { ImageIds = ["ami-00000000000000003"], IncludeDisabled = true }));
        var bitnami = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { Owners = ["979382823631"] })).Images.Single();
        Assert.Equal("cvcpxh2tzwdfp2hyq4wljbgku", bitnami.ProductCodes[0].ProductCodeId);
        Assert.Equal("979382823631", bitnami.OwnerId);
        var old = (await ec2.DescribeImagesAsync(new DescribeImagesRequest { ImageIds = ["ami-00000000000000002"] })).Images.Single();
        Assert.StartsWith("2025-01-01T00:00:00", old.DeprecationTime);
    }

    /// <summary>The fingerprints AWS documents how to compute with OpenSSL (EC2 User Guide), made here from other key forms than the emulator uses.</summary>
    [LabFact]
    public async Task Key_pair_fingerprints_are_the_ones_the_console_shows()
    {
        using var emu = Emulator.Start();
        var rsa = LabKeys.Rsa2048;
        var created = LabKeys.Get("ec2-created-rsa", "rsa", "2048");
        emu.AddKeyPair(new KeyPairSpec("imported-rsa", rsa.PublicPath));
        emu.AddKeyPair(new KeyPairSpec("created-rsa", created.PublicPath) { Imported = false, PrivateKeyPath = created.PrivatePath });
        emu.AddKeyPair(new KeyPairSpec("ed", LabKeys.Main.PublicPath));
        using var ec2 = EmulatorLab.Ec2(emu);
        var pairs = (await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { IncludePublicKey = true })).KeyPairs.ToDictionary(k => k.KeyName);

        var pem = PemCopy(rsa);
        Assert.Equal(OpensslDigest($"openssl pkey -in '{pem}' -pubout -outform DER | openssl md5 -c"), pairs["imported-rsa"].KeyFingerprint);
        var createdPem = PemCopy(created);
        Assert.Equal(OpensslDigest($"openssl pkcs8 -in '{createdPem}' -inform PEM -outform DER -topk8 -nocrypt | openssl sha1 -c"), pairs["created-rsa"].KeyFingerprint);
        var sshKeygen = EmulatorLab.Run("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", LabKeys.Main.PublicPath).Out.Split(' ')[1]["SHA256:".Length..];
        Assert.Equal(sshKeygen, pairs["ed"].KeyFingerprint.TrimEnd('='));
        Assert.EndsWith("=", pairs["ed"].KeyFingerprint);
        Assert.Equal("ed25519", pairs["ed"].KeyType.Value);
        Assert.Equal("rsa", pairs["created-rsa"].KeyType.Value);
        Assert.Equal(LabKeys.Main.Line + " ed", pairs["ed"].PublicKey);
        Assert.Null((await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest { KeyNames = ["ed"] })).KeyPairs[0].PublicKey);
    }

    private static string PemCopy(LabKey key)
    {
        var copy = key.PrivatePath + ".pem-copy";
        File.Copy(key.PrivatePath, copy, overwrite: true);
        EmulatorLab.Run("/usr/bin/ssh-keygen", "-q", "-p", "-m", "PEM", "-N", "", "-P", "", "-f", copy);
        return copy;
    }

    private static string OpensslDigest(string pipeline)
    {
        var (exit, stdout, err) = EmulatorLab.Run("/bin/sh", "-c", pipeline);
        Assert.True(exit == 0, err);
        return stdout.Trim().Split("= ")[1];
    }

    [LabFact]
    public async Task The_network_pieces_are_described_and_follow_the_tests_changes()
    {
        using var emu = Emulator.Start();
        using var ec2 = EmulatorLab.Ec2(emu);
        var subnet = emu.Network.DefaultSubnet;
        var sg = Assert.Single((await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [emu.Network.DefaultSecurityGroup.GroupId] })).SecurityGroups);
        var ssh = Assert.Single(sg.IpPermissions);
        Assert.Equal(("tcp", 22, 22, "0.0.0.0/0"), (ssh.IpProtocol, ssh.FromPort, ssh.ToPort, ssh.Ipv4Ranges[0].CidrIp));

        emu.Network.DefaultSecurityGroup.Ingress.Clear();
        emu.Network.DefaultSecurityGroup.Ingress.Add(new IpRule("tcp", 22, 22, ["203.0.113.0/24"]));
        sg = (await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest { GroupIds = [sg.GroupId] })).SecurityGroups[0];
        Assert.Equal("203.0.113.0/24", sg.IpPermissions[0].Ipv4Ranges[0].CidrIp);

        var acl = Assert.Single((await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { Filters = [new Filter("association.subnet-id", [subnet.SubnetId])] })).NetworkAcls);
        Assert.Equal(4, acl.Entries.Count);
        Assert.Contains(acl.Entries, e => e.Egress == true && e.RuleAction.Value == "allow" && e.RuleNumber == 100);
        emu.Network.NetworkAcls[0].Entries.Insert(0, new AclEntry(50, "6", "deny", false, "0.0.0.0/0", 22, 22));
        acl = (await ec2.DescribeNetworkAclsAsync(new DescribeNetworkAclsRequest { NetworkAclIds = [acl.NetworkAclId] })).NetworkAcls[0];
        var deny = acl.Entries.Single(e => e.RuleNumber == 50);
        Assert.Equal(("6", "deny", 22, 22), (deny.Protocol, deny.RuleAction.Value, deny.PortRange.From, deny.PortRange.To));

        var main = Assert.Single((await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("association.main", ["true"])] })).RouteTables);
        Assert.Contains(main.Routes, r => r.DestinationCidrBlock == "0.0.0.0/0" && r.GatewayId.StartsWith("igw-", StringComparison.Ordinal));
        Assert.True(main.Associations[0].Main);
        var none = await ec2.DescribeRouteTablesAsync(new DescribeRouteTablesRequest { Filters = [new Filter("association.subnet-id", [subnet.SubnetId])] });
        Assert.Empty(none.RouteTables ?? []); // the subnet uses the main table implicitly, as in a default VPC

        var s = Assert.Single((await ec2.DescribeSubnetsAsync(new DescribeSubnetsRequest { SubnetIds = [subnet.SubnetId] })).Subnets);
        Assert.True(s.MapPublicIpOnLaunch);
        Assert.Equal(emu.Network.DefaultVpc.VpcId, s.VpcId);
    }
}
