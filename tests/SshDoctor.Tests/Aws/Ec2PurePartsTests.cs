using System.Diagnostics;
using SshDoctor.Aws.Ec2;
using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Aws;

public sealed class ImageUserTableTests
{
    private static ImageIdentity Image(string? owner, string? name, string? platform = "Linux/UNIX", params string[] codes) =>
        new(owner, null, name, null, platform, codes);

    [Theory]
    [InlineData("099720109477", "ubuntu/images/hvm-ssd/ubuntu-jammy-22.04-amd64-server-20260101", "ubuntu")]
    [InlineData("137112412989", "al2023-ami-2023.6.20260101.0-kernel-6.1-x86_64", "ec2-user")]
    [InlineData("136693071363", "debian-12-amd64-20260101-2000", "admin")]
    [InlineData("309956199498", "RHEL-9.4.0_HVM-20260101-x86_64", "ec2-user")]
    [InlineData("013907871322", "suse-sles-15-sp6-v20260101-hvm-ssd-x86_64", "ec2-user")]
    [InlineData("125523088429", "Fedora-Cloud-Base-41-1.4.x86_64-hvm", "fedora")]
    [InlineData("125523088429", "CentOS Stream 9 x86_64 20260101", "centos")]
    [InlineData("792107900819", "Rocky-9-EC2-Base-9.5-20260101.0.x86_64", "rocky")]
    [InlineData("764336703387", "AlmaLinux OS 9.5.20260101 x86_64", "ec2-user")]
    [InlineData("131827586825", "OL9.5-x86_64-HVM-2026-01-01", "ec2-user")]
    [InlineData("979382823631", "bitnami-wordpress-6.7.1-0-linux-debian-12-x86_64-hvm-ebs", "bitnami")]
    public void Publishers_give_their_default_user(string owner, string name, string user)
    {
        var u = ImageUserTable.Resolve(Image(owner, name));
        Assert.NotNull(u);
        Assert.Equal(user, u.Users[0]);
        Assert.Equal(ImageUserSource.Owner, u.Source);
    }

    [Fact]
    public void A_copy_in_another_account_is_recognized_by_name_product_code_or_platform()
    {
        Assert.Equal(("ubuntu", ImageUserSource.Name), Pick(ImageUserTable.Resolve(Image("210987654321", "copy of ubuntu-noble-24.04"))));
        Assert.Equal(("centos", ImageUserSource.ProductCode), Pick(ImageUserTable.Resolve(Image("679593333241", "CentOS-7-2111", "Linux/UNIX", "aw0evgkw8e5c1q413zgy5pjce"))));
        Assert.Equal(("ec2-user", ImageUserSource.Platform), Pick(ImageUserTable.Resolve(Image("210987654321", "golden-app", "Red Hat Enterprise Linux"))));
        Assert.Null(ImageUserTable.Resolve(Image("210987654321", "golden-app")));
        Assert.True(ImageUserTable.IsWindows("Windows"));

        static (string, ImageUserSource) Pick(ImageUsers? u) => (u!.Users[0], u.Source);
    }
}

public sealed class ConsoleOutputParserTests
{
    /// <summary>cloud-init's own table code (Debian's package) prints the table; the parser must read what it prints.</summary>
    private static string CloudInitTable(string user, string file, string[] keyLines, string hash = "sha256")
    {
        var keys = string.Join(",", keyLines.Select(l => "'" + l + "'"));
        var script = $$"""
            import sys
            from cloudinit import ssh_util
            from cloudinit.config import cc_ssh_authkey_fingerprints as m
            from cloudinit import util
            out = []
            util.multi_log = lambda text, **kw: out.append(text)
            entries = [ssh_util.AuthKeyLineParser().parse(l) for l in [{{keys}}]]
            m._pprint_key_entries('{{user}}', '{{file}}', entries, '{{hash}}')
            sys.stdout.write(''.join('[   12.345678] cloud-init[612]: ' + t for t in out))
            """;
        var psi = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        using var p = Process.Start(psi)!;
        var text = p.StandardOutput.ReadToEnd();
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "/usr/bin/python3 with Debian's cloud-init package (scripts/install-lab-tools.sh): " + err);
        return text;
    }

    private static readonly PublicKey Key = PublicKey.FromOpenSshLine("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHWCTcGgH6l0kI+Q0nTQ0b5xy0C1nP6GgTQ4V9sh3m0c alice@laptop")!;

    [Fact]
    public void Reads_cloud_init_s_fingerprint_table_and_matches_the_local_key()
    {
        var text = "Cloud-init v. 22.4.2 running 'modules:final'\n" + CloudInitTable("ubuntu", "/home/ubuntu/.ssh/authorized_keys",
            [Key.OpenSshLine, "no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIJ9L0ZP0f0aC7kmuj0Z1b6sYx9vG1m0Z0c2m4d9l3Zs1 builder"]);
        var facts = ConsoleOutputParser.Parse(text);
        var table = Assert.Single(facts.Users);
        Assert.Equal("ubuntu", table.User);
        Assert.Equal("/home/ubuntu/.ssh/authorized_keys", table.File);
        Assert.Equal("sha256", table.Hash);
        Assert.Equal(2, table.Keys.Count);
        Assert.Equal(KeyPairComparison.CloudInitFingerprint(Key, "sha256"), table.Keys[0].Fingerprint);
        Assert.Equal("alice@laptop", table.Keys[0].Comment);
        Assert.Equal("no-pty", table.Keys[1].Options);
    }

    [Fact]
    public void Md5_tables_no_keys_errors_and_repair_reports()
    {
        var text = CloudInitTable("admin", "/home/admin/.ssh/authorized_keys", [Key.OpenSshLine], "md5")
            + "ci-info: no authorized SSH keys fingerprints found for user root.\n"
            + "[  OK  ] Reached target Network.\n"
            + "[FAILED] Failed to start ssh.service - OpenBSD Secure Shell server.\n"
            + "sshd[455]: /etc/ssh/sshd_config line 7: Bad configuration option: PubkeyAcceptedKeyTyps\n"
            + "sshdoctor-report: {\"n\":1,\"run\":\"r1\",\"mode\":\"repair\",\"action\":\"chmod\",\"path\":\"/home/admin\",\"result\":\"ok\"}\n"
            + "sshdoctor-report: {\"n\":2,\"run\":\"r1\",\"mode\":\"repair\",\"summary\":true,\"result\":\"repaired\",\"changed\":1,\"lines\":2,\"message\":\"done\"}\n"
            + "sshdoctor-report: {\"n\":3,\"run\":\"r2\",\"mode\":\"rep";
        var facts = ConsoleOutputParser.Parse(text);
        Assert.Equal(2, facts.Users.Count);
        Assert.Equal("md5", facts.Users[0].Hash);
        Assert.Equal(KeyPairComparison.CloudInitFingerprint(Key, "md5"), facts.Users[0].Keys[0].Fingerprint);
        Assert.Equal(("root", 0), (facts.Users[1].User, facts.Users[1].Keys.Count));
        Assert.Equal(2, facts.Errors.Count);
        var repair = Assert.Single(facts.Repairs);
        Assert.Equal(("r1", "repaired", 1), (repair.Run, repair.Result, repair.Changed));
        Assert.Equal(3, facts.ReportLines);
    }
}

public sealed class NetworkChecksTests
{
    private static readonly ClientAddress Office = ClientAddress.Parse("203.0.113.7")!;

    [Fact]
    public void Security_groups_open_conditional_closed()
    {
        SgRule Rule(string proto, int? from, int? to, params string[] cidrs) => new("sg-1", proto, from, to, cidrs, [], []);
        Assert.Equal(PortVerdict.Open, SecurityGroupCheck.Evaluate([Rule("tcp", 22, 22, "0.0.0.0/0")], 22, ClientAddress.Unknown, true).Verdict);
        Assert.Equal(PortVerdict.Open, SecurityGroupCheck.Evaluate([Rule("tcp", 22, 22, "203.0.113.0/24")], 22, Office, true).Verdict);
        Assert.Equal(PortVerdict.Conditional, SecurityGroupCheck.Evaluate([Rule("tcp", 22, 22, "203.0.113.0/24")], 22, ClientAddress.Unknown, true).Verdict);
        Assert.Equal(PortVerdict.Closed, SecurityGroupCheck.Evaluate([Rule("tcp", 22, 22, "198.51.100.0/24")], 22, Office, true).Verdict);
        Assert.Equal(PortVerdict.Closed, SecurityGroupCheck.Evaluate([Rule("tcp", 80, 443, "0.0.0.0/0")], 22, Office, true).Verdict);
        Assert.Equal(PortVerdict.Open, SecurityGroupCheck.Evaluate([Rule("-1", null, null, "0.0.0.0/0")], 2222, Office, true).Verdict);
        var fromGroup = new SgRule("sg-1", "tcp", 22, 22, [], ["sg-bastion"], []);
        Assert.Equal(PortVerdict.Closed, SecurityGroupCheck.Evaluate([fromGroup], 22, Office, viaPublicAddress: true).Verdict);
        Assert.Equal(PortVerdict.Conditional, SecurityGroupCheck.Evaluate([fromGroup], 22, Office, viaPublicAddress: false).Verdict);
    }

    [Fact]
    public void Network_acl_first_matching_rule_decides_both_ways()
    {
        NaclEntry In(int n, bool allow, string cidr, int? f = 22, int? t = 22, string proto = "6") => new(n, false, proto, allow, cidr, f, t);
        NaclEntry Out(int n, bool allow, string cidr, int? f, int? t) => new(n, true, "6", allow, cidr, f, t);
        var star = new[] { new NaclEntry(32767, false, "-1", false, "0.0.0.0/0", null, null), new NaclEntry(32767, true, "-1", false, "0.0.0.0/0", null, null) };
        var open = NetworkAclCheck.Evaluate([In(100, true, "0.0.0.0/0"), Out(100, true, "0.0.0.0/0", 1024, 65535), .. star], 22, Office);
        Assert.Equal((NaclVerdict.Allow, NaclVerdict.Allow), (open.Inbound.Verdict, open.Outbound.Verdict));
        var denyFirst = NetworkAclCheck.Evaluate([In(50, false, "0.0.0.0/0"), In(100, true, "0.0.0.0/0"), Out(100, true, "0.0.0.0/0", 1024, 65535), .. star], 22, Office);
        Assert.Equal((NaclVerdict.Deny, 50), (denyFirst.Inbound.Verdict, denyFirst.Inbound.Rule!.Value));
        var noReplies = NetworkAclCheck.Evaluate([In(100, true, "0.0.0.0/0"), Out(100, true, "0.0.0.0/0", 80, 443), .. star], 22, Office);
        Assert.Equal(NetworkAclCheck.EphemeralSamples.Length, noReplies.DeniedEphemeralPorts.Count);
        var linuxOnly = NetworkAclCheck.Evaluate([In(100, true, "0.0.0.0/0"), Out(100, true, "0.0.0.0/0", 32768, 60999), .. star], 22, Office);
        Assert.Equal([65535], linuxOnly.DeniedEphemeralPorts);
    }

    [Fact]
    public void Routes_longest_prefix_to_an_internet_gateway()
    {
        RouteEntry R(string dest, string gw, bool blackhole = false) => new(dest, gw, null, blackhole);
        string[] vpc = ["172.31.0.0/16"];
        Assert.Equal(RouteVerdict.InternetGateway, RouteCheck.Evaluate([R("172.31.0.0/16", "local"), R("0.0.0.0/0", "igw-1")], Office, "54.1.2.3", vpc).Verdict);
        Assert.Equal(RouteVerdict.NoRoute, RouteCheck.Evaluate([R("172.31.0.0/16", "local")], Office, "54.1.2.3", vpc).Verdict);
        Assert.Equal(RouteVerdict.NoRoute, RouteCheck.Evaluate([R("0.0.0.0/0", "igw-1", blackhole: true)], Office, "54.1.2.3", vpc).Verdict);
        Assert.Equal(RouteVerdict.OtherTarget, RouteCheck.Evaluate([R("0.0.0.0/0", "igw-1"), R("203.0.113.0/24", "vgw-9")], Office, "54.1.2.3", vpc).Verdict);
        Assert.Equal(RouteVerdict.NoPublicAddress, RouteCheck.Evaluate([R("0.0.0.0/0", "igw-1")], Office, null, vpc).Verdict);
        Assert.Equal(RouteVerdict.InsideVpc, RouteCheck.Evaluate([], ClientAddress.Parse("172.31.5.9")!, null, vpc).Verdict);
    }
}

public sealed class KeyPairComparisonTests
{
    [Fact]
    public void Ed25519_pairs_compare_by_console_fingerprint_with_padding()
    {
        var key = PublicKey.FromOpenSshLine("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHWCTcGgH6l0kI+Q0nTQ0b5xy0C1nP6GgTQ4V9sh3m0c")!;
        var local = new LocalKey("k", key, null);
        var console = Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(key.Blob));
        Assert.EndsWith("=", console);
        Assert.True(KeyPairComparison.Compare(new KeyPairFacts("p", "ed25519", console, null, null), local).Matches);
        Assert.True(KeyPairComparison.Compare(new KeyPairFacts("p", "ed25519", console.TrimEnd('='), null, null), local).Matches);
        Assert.False(KeyPairComparison.Compare(new KeyPairFacts("p", "ed25519", "AAAA" + console[4..], null, null), local).Matches);
        // With the pair's public key the blobs decide.
        Assert.True(KeyPairComparison.Compare(new KeyPairFacts("p", "ed25519", "whatever", key.OpenSshLine + " p", null), local).Matches);
    }

    [Fact]
    public void A_created_rsa_pair_cannot_be_judged_from_a_public_key_alone()
    {
        var rsa = System.Security.Cryptography.RSA.Create(2048);
        var pem = rsa.ExportRSAPrivateKeyPem();
        var info = KeyFile.Parse(System.Text.Encoding.ASCII.GetBytes(pem));
        var withPrivate = new LocalKey("k.pem", info.Public!, info.Private);
        var publicOnly = withPrivate with { Private = null };
        var created = info.Private!.AwsCreatedSha1!;
        Assert.True(KeyPairComparison.Compare(new KeyPairFacts("p", "rsa", created, null, null), withPrivate).Matches);
        Assert.Null(KeyPairComparison.Compare(new KeyPairFacts("p", "rsa", created, null, null), publicOnly).Matches);
        var imported = PublicKeyDer.AwsImportedMd5(info.Public!)!;
        Assert.True(KeyPairComparison.Compare(new KeyPairFacts("p", "rsa", imported, null, null), publicOnly).Matches);
        Assert.Contains(KeyPairComparison.ConsoleForms(withPrivate), f => f.Form == "rsa-created" && f.Value == created);
    }
}
