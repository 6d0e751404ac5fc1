using System.Text.Json;
using SshDoctor.Core.Candidate;
using SshDoctor.Core.Keys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.Candidate;

/// <summary>check --candidate judges certificates by their CA and principal, like plain keys: who loses, who gains, why.</summary>
public sealed class CandidateCertificateTests : IDisposable
{
    private const string CaFile = "/etc/ssh/user_ca.pub";
    private readonly TargetTree _tree = new();
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-candidate-cert-").FullName;
    private static readonly PublicKey Ca = PublicKey.FromOpenSshLine(TestKeys.Ed25519B)!;

    public CandidateCertificateTests()
    {
        _tree.Keys("alice", TestKeys.Ed25519A + "\n");
        _tree.Keys("bob", TestKeys.Ed25519A + "\n");
        _tree.File(CaFile, TestKeys.Ed25519B + "\n");
        _tree.Config("Include /etc/ssh/sshd_config.d/*.conf\nTrustedUserCAKeys " + CaFile + "\n");
        _tree.Dir("/etc/ssh/principals").File("/etc/ssh/principals/alice", "alice\n").File("/etc/ssh/principals/bob", "deploy\n");
    }

    public void Dispose()
    {
        _tree.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private (int Exit, JsonElement Doc, string Text) Judge(string name, string content)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, content);
        var json = Support.Cli.Run(["check", "--root", _tree.Root, "--all-users", "--json", "--lang", "en", "--candidate", path]);
        Assert.True(json.Out.Length > 0, json.Err);
        var text = Support.Cli.Run(["check", "--root", _tree.Root, "--all-users", "--lang", "en", "--candidate", path]);
        return (json.Exit, JsonDocument.Parse(json.Out).RootElement.Clone(), text.Out);
    }

    /// <summary>(user, principal, change, because) of the certificate entries of the CA.</summary>
    private static List<(string User, string Principal, string Change, string[] Because)> CertChanges(JsonElement doc) =>
        doc.GetProperty("changes").EnumerateArray()
            .Where(c => c.TryGetProperty("certificate", out _))
            .Select(c => (c.GetProperty("user").GetString()!,
                Assert.Single(c.GetProperty("certificate").GetProperty("principals").EnumerateArray()).GetString()!,
                c.GetProperty("change").GetString()!,
                c.GetProperty("because").EnumerateArray().Select(b => b.GetString()!).ToArray()))
            .Where(c => c.Item1 is "alice" or "bob")
            .OrderBy(c => c.Item1, StringComparer.Ordinal).ThenBy(c => c.Item2, StringComparer.Ordinal).ToList();

    [Fact]
    public void A_main_config_without_TrustedUserCAKeys_loses_every_certificate_and_no_plain_key()
    {
        var (exit, doc, text) = Judge("sshd_config", "Include /etc/ssh/sshd_config.d/*.conf\n");
        Assert.Equal(1, exit);
        var changes = CertChanges(doc);
        Assert.Equal([("alice", "alice"), ("bob", "bob")], changes.Select(c => (c.User, c.Principal)));
        Assert.All(changes, c => Assert.Equal("lost", c.Change));
        Assert.All(changes, c => Assert.Contains("CERT_CA_UNTRUSTED", c.Because));
        Assert.All(doc.GetProperty("changes").EnumerateArray(), c => Assert.True(c.TryGetProperty("certificate", out _), "plain keys keep their access"));
        var entry = doc.GetProperty("changes").EnumerateArray().First(c => c.GetProperty("user").GetString() == "alice");
        Assert.Equal(Ca.Sha256Fingerprint, entry.GetProperty("certificate").GetProperty("ca").GetProperty("sha256").GetString());
        Assert.True(doc.GetProperty("summary").GetProperty("certificates").GetInt32() >= 2);
        Assert.Contains($"alice  certificate by CA ssh-ed25519 {Ca.Sha256Fingerprint} for principal alice  accepted → refused", text);
    }

    [Fact]
    public void An_AuthorizedPrincipalsFile_the_user_is_missing_from_loses_the_name_certificate_and_gains_the_listed_one()
    {
        var (exit, doc, _) = Judge("80-principals.conf", "AuthorizedPrincipalsFile /etc/ssh/principals/%u\n");
        Assert.Equal(1, exit);
        var changes = CertChanges(doc);
        Assert.Equal([("bob", "bob", "lost"), ("bob", "deploy", "gained")], changes.Select(c => (c.User, c.Principal, c.Change)));
        Assert.Contains("CERT_PRINCIPAL_MISMATCH", changes[0].Because);
        // bob keeps his plain key: he loses a way in, not all access.
        Assert.DoesNotContain("bob", doc.GetProperty("summary").GetProperty("accounts_losing_all_access").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public void A_cert_authority_line_is_judged_with_its_principals_option()
    {
        _tree.Config("Include /etc/ssh/sshd_config.d/*.conf\n");
        _tree.Keys("alice", TestKeys.Ed25519A + "\ncert-authority,principals=\"ops\" " + TestKeys.Ed25519B + "\n");
        // The candidate drops the cert-authority line: the ops certificate stops working, the plain key stays.
        _tree.File("/home/alice/.ssh/authorized_keys2", TestKeys.Ed25519A + "\n", 600, TargetTree.Alice, TargetTree.Alice);
        var (exit, doc, _) = Judge("20-keys.conf", "AuthorizedKeysFile .ssh/authorized_keys2\n");
        Assert.Equal(1, exit);
        var change = Assert.Single(CertChanges(doc));
        Assert.Equal(("alice", "ops", "lost"), (change.User, change.Principal, change.Change));
    }

    [Fact]
    public void The_judged_certificate_is_a_user_certificate_of_the_CA_for_the_principal()
    {
        var key = CandidateCertificate.For(Ca, "deploy");
        var cert = key.Certificate!;
        Assert.Equal(CertificateKind.User, cert.Kind);
        Assert.Equal(["deploy"], cert.Principals);
        Assert.Equal(Ca, cert.SignatureKey);
        Assert.Equal(Certificate.Forever, cert.ValidBefore);
        Assert.Empty(cert.CriticalOptions);
        Assert.NotEqual(CandidateCertificate.For(Ca, "ops"), key);
    }
}
