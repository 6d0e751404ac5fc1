using SshDoctor.Core.Probe;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Lab.Probe;

/// <summary>The probe's own private key reader, against files made by ssh-keygen.</summary>
public sealed class ProbeKeyFileTests(ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Theory]
    [InlineData("ed25519", null)]
    [InlineData("rsa", 2048)]
    [InlineData("ecdsa", 256)]
    [InlineData("ecdsa", 521)]
    public void Private_key_alone_gives_its_public_half_and_a_signer_that_verifies(string type, int? bits)
    {
        var path = _keys.Make($"kf-{type}-{bits}", type, bits);
        var expected = Core.Keys.KeyFile.Load(path + ".pub").Public!;
        var alone = Path.Combine(_keys.Dir, $"alone-{type}-{bits}");
        File.Copy(path, alone, true);
        var k = ProbeKey.Load(alone, wantSigner: true);
        Assert.Equal(expected, k.Public);
        Assert.NotNull(k.Signer);
        var data = "session-id and request"u8.ToArray();
        var alg = k.Signer!.SignatureAlgorithm(["rsa-sha2-512", "ssh-ed25519"]);
        Assert.True(SshSignature.Verify(k.Public.Blob, alg, k.Signer.Sign(alg, data), data));
        Assert.False(SshSignature.Verify(k.Public.Blob, alg, k.Signer.Sign(alg, data), [.. data, 1]));
    }

    [Fact]
    public async Task Encrypted_key_gives_its_public_half_but_no_signer()
    {
        var path = Path.Combine(_keys.Dir, "enc");
        var (exit, _, err) = await ProbeLabServer.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "secret passphrase", "-C", "enc", "-f", path);
        Assert.True(exit == 0, err);
        File.Delete(path + ".pub");
        var k = ProbeKey.Load(path, wantSigner: true);
        Assert.True(k.Encrypted);
        Assert.Null(k.Signer);
        Assert.Equal("encrypted", k.SignerUnavailable);
    }

    [Fact]
    public void Pub_file_given_finds_the_private_key_beside_it_and_checks_the_pair()
    {
        var a = _keys.Make("pair-a", "ed25519");
        var b = _keys.Make("pair-b", "ed25519");
        Assert.NotNull(ProbeKey.Load(a + ".pub", wantSigner: true).Signer);
        var mixed = Path.Combine(_keys.Dir, "mixed");
        File.Copy(a, mixed, true);
        File.Copy(b + ".pub", mixed + ".pub", true);
        var k = ProbeKey.Load(mixed + ".pub", wantSigner: true);
        Assert.Null(k.Signer);
        Assert.Equal("mismatch", k.SignerUnavailable);
    }
}
