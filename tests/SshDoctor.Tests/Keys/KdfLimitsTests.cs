using System.Buffers.Binary;
using System.Diagnostics;
using System.Text;
using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>
/// A key file chooses its own KDF cost: real ssh-keygen and puttygen files with default and common settings
/// load; crafted ones asking for more than the bounds are refused before any derivation starts.
/// </summary>
public sealed class KdfLimitsTests
{
    private const string Pass = "correct horse";

    private static string Dir() => KeyCorpus.TempDir();

    private static string PassFile(string dir)
    {
        var p = Path.Combine(dir, "pass");
        File.WriteAllText(p, Pass + "\n");
        return p;
    }

    [Fact]
    public void Ssh_keygen_default_rounds_load()
    {
        var dir = Dir();
        var key = Path.Combine(dir, "k");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", Pass, "-f", key);
        Assert.NotNull(KeyFile.Load(key, Pass).Private);
    }

    [Fact]
    public void Bound_accepts_common_ssh_keygen_rounds_and_refuses_more_than_the_maximum()
    {
        foreach (var rounds in new uint[] { 16, 64, 100, 256, 500, KdfLimits.MaxBcryptRounds })
            KdfLimits.CheckBcrypt(rounds);
        var e = Assert.Throws<KeyFormatException>(() => KdfLimits.CheckBcrypt(KdfLimits.MaxBcryptRounds + 1));
        Assert.Equal("keys.error.bcrypt_rounds", e.TextKey);
    }

    [Fact]
    public void Crafted_100000_rounds_key_is_refused_at_once_with_a_clear_message()
    {
        var dir = Dir();
        var key = Path.Combine(dir, "k");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", Pass, "-f", key);
        var crafted = Path.Combine(dir, "crafted");
        File.WriteAllText(crafted, SetRounds(File.ReadAllText(key), 100_000));
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load(crafted, Pass));
        Assert.Equal("keys.error.bcrypt_rounds", e.TextKey);
        Assert.Equal("100000", e.Args["rounds"]);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5), "the bound is checked before any round runs");
        Assert.Contains("100000", e.Message);
        // Without a passphrase the key is still inspected (nothing is derived).
        Assert.True(KeyFile.Load(crafted, null).Encrypted);
    }

    [Fact]
    public void Puttygen_default_and_common_argon2_settings_load()
    {
        var dir = Dir();
        var pass = PassFile(dir);
        var dflt = Path.Combine(dir, "default.ppk");
        ExternalTools.Run("puttygen", "-t", "ed25519", "-q", "--new-passphrase", pass, "-o", dflt);
        Assert.Contains("Argon2-Memory: 8192", File.ReadAllText(dflt));
        Assert.NotNull(KeyFile.Load(dflt, Pass).Private);
        var custom = Path.Combine(dir, "custom.ppk");
        ExternalTools.Run("puttygen", "-t", "ed25519", "-q", "--new-passphrase", pass,
            "--ppk-param", "kdf=argon2i,memory=65536,passes=3,parallelism=4", "-o", custom);
        Assert.NotNull(KeyFile.Load(custom, Pass).Private);
    }

    [Fact]
    public void Argon2_bounds_accept_puttygen_ranges_and_refuse_the_expensive()
    {
        KdfLimits.CheckArgon2(8192, 13, 1);     // puttygen default on a slow machine
        KdfLimits.CheckArgon2(8192, 500, 1);    // --ppk-param time=1000 on a fast one
        KdfLimits.CheckArgon2(262144, 16, 4);
        KdfLimits.CheckArgon2(1024 * 1024, 4, 8);
        foreach (var (m, p, l) in new (uint, uint, uint)[] { (1024 * 1024, 100, 1), (2 * 1024 * 1024, 1, 1), (8192, 100_000, 1), (65536, 1, 128) })
            Assert.Equal("keys.error.argon2_cost", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckArgon2(m, p, l)).TextKey);
        Assert.Equal("keys.error.damaged", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckArgon2(8192, 0, 1)).TextKey);
    }

    [Fact]
    public void Crafted_1GiB_times_100_passes_ppk_is_refused_at_once()
    {
        var dir = Dir();
        var pass = PassFile(dir);
        var ppk = Path.Combine(dir, "k.ppk");
        ExternalTools.Run("puttygen", "-t", "ed25519", "-q", "--new-passphrase", pass, "--ppk-param", "memory=1024,passes=1", "-o", ppk);
        var text = File.ReadAllText(ppk)
            .Replace("Argon2-Memory: 1024", "Argon2-Memory: 1048576")
            .Replace("Argon2-Passes: 1\n", "Argon2-Passes: 100\n");
        File.WriteAllText(ppk, text);
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load(ppk, Pass));
        Assert.Equal("keys.error.argon2_cost", e.TextKey);
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(5));
    }

    /// <summary>Rewrites the rounds field of an openssh-key-v1 file (the uint32 after the salt in the KDF options).</summary>
    private static string SetRounds(string pem, uint rounds)
    {
        var lines = pem.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var data = Convert.FromBase64String(string.Concat(lines[1..^1]));
        var at = "openssh-key-v1\0"u8.Length;
        at += 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));   // cipher
        at += 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));   // kdf name
        at += 4;                                                                 // kdf options length
        at += 4 + (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(at));   // salt
        BinaryPrimitives.WriteUInt32BigEndian(data.AsSpan(at), rounds);
        var b64 = Convert.ToBase64String(data);
        var sb = new StringBuilder(lines[0] + "\n");
        for (var i = 0; i < b64.Length; i += 70) sb.Append(b64.AsSpan(i, Math.Min(70, b64.Length - i))).Append('\n');
        return sb.Append(lines[^1]).Append('\n').ToString();
    }
}
