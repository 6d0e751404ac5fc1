using System.Diagnostics;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Model;

/// <summary>Certificates made by the real ssh-keygen -s, parsed and judged in sshd's order.</summary>
public sealed class CertificateTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-cert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static void Keygen(params string[] args)
    {
        var psi = new ProcessStartInfo("ssh-keygen") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var err = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, "ssh-keygen failed: " + err);
    }

    private string NewKey(string name, string type = "ed25519")
    {
        var path = Path.Combine(_dir, name);
        Keygen(["-q", "-t", type, "-N", "", "-f", path, .. type == "rsa" ? new[] { "-b", "2048" } : []]);
        return path;
    }

    /// <summary>Signs KEY.pub with CA; returns the parsed certificate (KEY-cert.pub).</summary>
    private Certificate Sign(string key, string ca, params string[] options)
    {
        Keygen(["-q", "-s", ca, "-I", "unit-id", .. options, key + ".pub"]);
        var cert = CertificateFile.Parse(File.ReadAllBytes(key + "-cert.pub"));
        Assert.NotNull(cert);
        return cert!;
    }

    private static string Line(string pubPath) => File.ReadAllText(pubPath).Trim();

    [Fact]
    public void Every_field_of_an_ed25519_certificate_is_read()
    {
        var ca = NewKey("ca");
        var key = NewKey("me");
        var cert = Sign(key, ca, "-n", "alice,ops", "-z", "42", "-V", "20200101000000Z:20300101000000Z",
            "-O", "source-address=10.0.0.0/8", "-O", "force-command=/bin/true", "-O", "no-pty");
        Assert.Equal("ssh-ed25519-cert-v01@openssh.com", cert.Type);
        Assert.Equal(PublicKey.FromOpenSshLine(Line(key + ".pub")), cert.Key);
        Assert.Equal(PublicKey.FromOpenSshLine(Line(ca + ".pub")), cert.SignatureKey);
        Assert.Equal("ssh-ed25519", cert.SignatureAlgorithm);
        Assert.Equal(42UL, cert.Serial);
        Assert.Equal(CertificateKind.User, cert.Kind);
        Assert.Equal("unit-id", cert.KeyId);
        Assert.Equal(["alice", "ops"], cert.Principals);
        Assert.Equal((ulong)new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), cert.ValidAfter);
        Assert.Equal((ulong)new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds(), cert.ValidBefore);
        Assert.Equal("10.0.0.0/8", cert.SourceAddress);
        Assert.Equal("/bin/true", cert.ForceCommand);
        Assert.DoesNotContain("permit-pty", cert.Extensions);
        Assert.Contains("permit-port-forwarding", cert.Extensions);
    }

    [Fact]
    public void Rsa_and_ecdsa_certificates_carry_their_plain_key()
    {
        var ca = NewKey("ca-rsa", "rsa");
        var rsa = NewKey("rsa", "rsa");
        var ec = NewKey("ec", "ecdsa");
        var r = Sign(rsa, ca, "-n", "alice");
        Assert.Equal("ssh-rsa-cert-v01@openssh.com", r.Type);
        Assert.Equal(2048, r.Key.Bits);
        Assert.Equal("rsa-sha2-512", r.SignatureAlgorithm);
        Assert.Equal(Certificate.Forever, r.ValidBefore);
        var e = Sign(ec, ca, "-n", "alice");
        Assert.Equal(PublicKey.FromOpenSshLine(Line(ec + ".pub")), e.Key);
    }

    [Fact]
    public void A_damaged_certificate_is_not_one()
    {
        var ca = NewKey("ca");
        var key = NewKey("me");
        Sign(key, ca, "-n", "alice");
        var parts = Line(key + "-cert.pub").Split(' ');
        var blob = Convert.FromBase64String(parts[1]);
        Assert.Null(Certificate.FromBlob(blob[..^10]));
        Assert.True(CertificateFile.LooksLikeCertificate(System.Text.Encoding.ASCII.GetBytes(parts[0] + " AAAA\n")));
        Assert.Null(CertificateFile.Parse(System.Text.Encoding.ASCII.GetBytes(parts[0] + " AAAA\n")));
    }

    private int _trees;

    private (TargetTree Tree, PublicKey Key) Trusted(string config, params string[] signOptions)
    {
        var n = _trees++ == 0 ? "" : _trees.ToString();
        var ca = NewKey("ca" + n);
        var key = NewKey("me" + n);
        var cert = Sign(key, ca, signOptions);
        var tree = new TargetTree().File("/etc/ssh/user_ca.pub", Line(ca + ".pub") + "\n")
            .Config("TrustedUserCAKeys /etc/ssh/user_ca.pub\n" + config);
        return (tree, PublicKey.FromCertificate(cert));
    }

    [Fact]
    public void TrustedUserCAKeys_accepts_a_certificate_for_the_user()
    {
        var (tree, key) = Trusted("", "-n", "alice");
        using var _ = tree;
        Assert.Equal(Verdict.Accepted, Checks.Run(tree, "alice", key).Verdict);
    }

    [Fact]
    public void Principal_validity_and_source_address_are_refused_with_their_ids()
    {
        var (t1, wrong) = Trusted("", "-n", "bob");
        using (t1) Assert.Equal(["CERT_PRINCIPAL_MISMATCH"], Checks.Run(t1, "alice", wrong).Blocking());
        var (t2, expired) = Trusted("", "-n", "alice", "-V", "20200101000000Z:20200102000000Z");
        using (t2) Assert.Equal(["CERT_VALIDITY"], Checks.Run(t2, "alice", expired).Blocking());
        var (t3, source) = Trusted("", "-n", "alice", "-O", "source-address=10.0.0.0/8");
        using (t3) Assert.Equal(["CERT_SOURCE_ADDRESS"], Checks.Run(t3, "alice", source, from: "192.0.2.10").Blocking());
    }

    [Fact]
    public void Without_an_address_source_address_is_a_condition()
    {
        var (tree, key) = Trusted("", "-n", "alice", "-O", "source-address=10.0.0.0/8");
        using var _ = tree;
        var r = Checks.Run(tree, "alice", key, from: null);
        Assert.Equal(Verdict.Unknown, r.Verdict);
        Assert.Contains(r.Findings, f => f.Id == FindingId.ADDRESS_CONDITION);
    }

    [Fact]
    public void Principals_file_replaces_the_user_name_and_a_command_is_undecided()
    {
        var (t1, ops) = Trusted("AuthorizedPrincipalsFile /etc/ssh/principals/%u\n", "-n", "ops");
        using (t1)
        {
            t1.Dir("/etc/ssh/principals").File("/etc/ssh/principals/alice", "# ops team\nfrom=\"192.0.2.0/24\" ops\n");
            Assert.Equal(Verdict.Accepted, Checks.Run(t1, "alice", ops).Verdict);
            Assert.Equal(["CERT_SOURCE_ADDRESS"], Checks.Run(t1, "alice", ops, from: "198.51.100.1").Blocking());
        }
        var (t2, alice) = Trusted("AuthorizedPrincipalsCommand /usr/local/bin/principals %u\nAuthorizedPrincipalsCommandUser nobody\n", "-n", "alice");
        using (t2)
        {
            var r = Checks.Run(t2, "alice", alice);
            Assert.Equal(Verdict.Unknown, r.Verdict);
            Assert.Contains(r.Findings, f => f.Id == FindingId.CERT_PRINCIPALS_COMMAND);
        }
    }

    [Fact]
    public void A_cert_authority_line_with_principals_admits_only_those()
    {
        var ca = NewKey("ca");
        var key = NewKey("me");
        var cert = PublicKey.FromCertificate(Sign(key, ca, "-n", "ops"));
        using var tree = new TargetTree();
        tree.Keys("alice", $"cert-authority,principals=\"ops,dev\" {Line(ca + ".pub")}\n");
        Assert.Equal(Verdict.Accepted, Checks.Run(tree, "alice", cert).Verdict);
        tree.Keys("alice", $"cert-authority,principals=\"dev\" {Line(ca + ".pub")}\n");
        Assert.Equal(["CERT_PRINCIPAL_MISMATCH"], Checks.Run(tree, "alice", cert).Blocking());
        tree.Keys("alice", Line(key + ".pub") + "\n");
        // ssh offers the plain key after the certificate: an authorized plain key still logs in.
        Assert.Equal(Verdict.Accepted, Checks.Run(tree, "alice", cert).Verdict);
        tree.Keys("alice", TestKeys.Ed25519B + "\n");
        Assert.Equal(["CERT_CA_UNTRUSTED"], Checks.Run(tree, "alice", cert).Blocking());
    }

    [Fact]
    public void A_revoked_CA_or_certificate_algorithm_outside_the_list_refuses()
    {
        var (t1, key) = Trusted("RevokedKeys /etc/ssh/revoked\n", "-n", "alice");
        using (t1)
        {
            t1.File("/etc/ssh/revoked", t1.Host("/etc/ssh/user_ca.pub") is var p ? File.ReadAllText(p) : "");
            Assert.Equal(["KEY_REVOKED"], Checks.Run(t1, "alice", key).Blocking());
        }
        var (t2, key2) = Trusted("PubkeyAcceptedAlgorithms ssh-ed25519\n", "-n", "alice");
        using (t2) Assert.Equal(["KEY_ALGORITHM_REFUSED"], Checks.Run(t2, "alice", key2).Blocking());
        var (t3, key3) = Trusted("CASignatureAlgorithms rsa-sha2-512\n", "-n", "alice");
        using (t3) Assert.Equal(["KEY_ALGORITHM_REFUSED"], Checks.Run(t3, "alice", key3).Blocking());
    }

    [Fact]
    public void Check_takes_a_cert_file_or_the_certificate_beside_a_private_key()
    {
        var (tree, _) = Trusted("", "-n", "alice");
        using var _t = tree;
        var viaCert = Support.Cli.Check(tree, "alice", Path.Combine(_dir, "me-cert.pub"));
        Assert.Equal(0, viaCert.Exit);
        var viaPrivate = Support.Cli.Check(tree, "alice", Path.Combine(_dir, "me"));
        Assert.Equal(0, viaPrivate.Exit);
        File.WriteAllText(Path.Combine(_dir, "bad-cert.pub"), "ssh-ed25519-cert-v01@openssh.com AAAA\n");
        var bad = Support.Cli.Check(tree, "alice", Path.Combine(_dir, "bad-cert.pub"));
        Assert.Equal(2, bad.Exit);
        Assert.Contains("not a valid OpenSSH certificate", bad.Err);
    }
}
