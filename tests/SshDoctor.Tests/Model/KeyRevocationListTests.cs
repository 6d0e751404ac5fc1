using System.Diagnostics;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;

namespace SshDoctor.Tests.Model;

/// <summary>KRLs made by the real `ssh-keygen -k`, decided as sshd's krl.c does (the lab judges the same forms with sshd).</summary>
public sealed class KeyRevocationListTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("sshdoctor-krl-").FullName;
    private static readonly OpenSshVersion V92 = OpenSshVersion.TryParse("9.2p1", "test")!;
    private static readonly OpenSshVersion V100 = OpenSshVersion.TryParse("10.0p1", "test")!;

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

    private string NewKey(string name)
    {
        var path = Path.Combine(_dir, name);
        Keygen("-q", "-t", "ed25519", "-N", "", "-f", path);
        return path;
    }

    private PublicKey Cert(string key, string ca, ulong serial, string id)
    {
        Keygen(["-q", "-s", ca, "-I", id, "-n", "alice", .. serial == 0 ? Array.Empty<string>() : ["-z", serial.ToString()], key + ".pub"]);
        return PublicKey.FromCertificate(Certificate.FromOpenSshLine(File.ReadAllText(key + "-cert.pub"))!);
    }

    private byte[] Krl(string spec, string? ca = null)
    {
        var path = Path.Combine(_dir, "krl" + Guid.NewGuid().ToString("N"));
        File.WriteAllText(path + ".spec", spec);
        Keygen([.. new[] { "-k", "-f", path }, .. ca is null ? Array.Empty<string>() : ["-s", ca], path + ".spec"]);
        return File.ReadAllBytes(path);
    }

    private static PublicKey Pub(string key) => PublicKey.FromOpenSshLine(File.ReadAllText(key + ".pub"))!;
    private static string Line(string key) => File.ReadAllText(key + ".pub").Trim();

    [Fact]
    public void Keys_and_hashes_revoke_the_key_and_its_certificates()
    {
        var (a, b, ca) = (NewKey("a"), NewKey("b"), NewKey("ca"));
        var cert = Cert(a, ca, 5, "a-id");
        foreach (var spec in new[] { "key: ", "sha1: ", "sha256: " })
        {
            var krl = Krl(spec + Line(a) + "\n");
            Assert.Equal(Revocation.Revoked, RevocationList.Check(krl, Pub(a), V92));
            Assert.Equal(Revocation.Revoked, RevocationList.Check(krl, cert, V92));
            Assert.Equal(Revocation.NotRevoked, RevocationList.Check(krl, Pub(b), V92));
        }
        Assert.Equal(Revocation.Revoked, RevocationList.Check(Krl("key: " + Line(ca) + "\n"), cert, V92));
    }

    [Fact]
    public void Serials_and_key_ids_revoke_certificates_of_their_CA_only()
    {
        var (a, ca, other) = (NewKey("a"), NewKey("ca"), NewKey("other"));
        var evens = string.Concat(Enumerable.Range(0, 41).Select(i => $"serial: {100 + 2 * i}\n"));
        Assert.Equal(Revocation.Revoked, RevocationList.Check(Krl(evens, ca + ".pub"), Cert(a, ca, 140, "x"), V92));
        Assert.Equal(Revocation.NotRevoked, RevocationList.Check(Krl(evens, ca + ".pub"), Cert(a, ca, 141, "x"), V92));
        Assert.Equal(Revocation.Revoked, RevocationList.Check(Krl("serial: 1-10\n", ca + ".pub"), Cert(a, ca, 10, "x"), V92));
        Assert.Equal(Revocation.NotRevoked, RevocationList.Check(Krl("serial: 7\n", other + ".pub"), Cert(a, ca, 7, "x"), V92));
        Assert.Equal(Revocation.Revoked, RevocationList.Check(Krl("serial: 7\n", "none"), Cert(a, ca, 7, "x"), V92));
        Assert.Equal(Revocation.Revoked, RevocationList.Check(Krl("id: laptop\n", "none"), Cert(a, ca, 0, "laptop"), V92));
        Assert.Equal(Revocation.NotRevoked, RevocationList.Check(Krl("id: desktop\n", ca + ".pub"), Cert(a, ca, 0, "laptop"), V92));
    }

    [Fact]
    public void What_sshd_cannot_read_refuses_every_key()
    {
        var a = NewKey("a");
        byte[] extension = [.. "SSHKRL\n\0"u8.ToArray(), 0, 0, 0, 1, .. new byte[24], 0, 0, 0, 0, 0, 0, 0, 0,
            255, 0, 0, 0, 11, 0, 0, 0, 2, (byte)'x', (byte)'y', 0, 0, 0, 0, 0];
        Assert.Equal(Revocation.Error, RevocationList.Check(extension, Pub(a), V92));
        Assert.Equal(Revocation.NotRevoked, RevocationList.Check(extension, Pub(a), V100));
        Assert.Equal(Revocation.Error, RevocationList.Check("command=\"x\" ssh-ed25519 AAAA\n"u8.ToArray(), Pub(a), V92));
        Assert.Equal(Revocation.Error, RevocationList.Check(System.Text.Encoding.UTF8.GetBytes(Line(a) + "\r\n\r\n"), Pub(NewKey("b")), V92));
        Assert.Equal(Revocation.NotRevoked, RevocationList.Check(System.Text.Encoding.UTF8.GetBytes("# none\n\n"), Pub(a), V92));
    }
}
