using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

public sealed class BcryptPbkdfTests
{
    [Fact]
    public void Blowfish_initial_state_computed_from_pi_matches_the_published_constants()
    {
        var (p0, s0, last) = BcryptPbkdf.InitialStateProbe();
        Assert.Equal(0x243F6A88u, p0);
        Assert.Equal(0xD1310BA6u, s0);
        Assert.Equal(0x3AC372E6u, last);
    }

    /// <summary>Every encrypted OpenSSH key in the corpus (ssh-keygen's aes256-ctr + bcrypt, 16 rounds) decrypts to the key ssh-keygen made.</summary>
    [Fact]
    public void Decrypts_ssh_keygen_encrypted_keys()
    {
        var c = KeyCorpus.Instance.Get("ed25519/openssh-enc");
        var info = KeyFile.Load(c.Path, KeyCorpus.Passphrase);
        Assert.NotNull(info.Private);
        Assert.Equal("aes256-ctr", info.Cipher);
        Assert.Equal("bcrypt", info.Kdf);
        Assert.Equal("ed25519@sshdoctor-test", info.Comment);
        var wrong = Assert.Throws<KeyFormatException>(() => KeyFile.Load(c.Path, "not the passphrase"));
        Assert.True(wrong.WrongPassphrase);
    }
}
