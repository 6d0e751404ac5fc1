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

/// <summary>PBKDF2 (encrypted PKCS#8 from openssl): the iteration count a file asks for is bounded before any derivation.</summary>
public sealed class Pbkdf2LimitTests
{
    private const string Pass = "correct horse";

    static Pbkdf2LimitTests() => SshDoctor.Cli.Commands.KeyCommand.PromptEnabled = false;

    /// <summary>openssl writes the key with a cheap count; the test rewrites the count in the DER (deriving 20 million
    /// iterations to write the file would cost what the bound prevents).</summary>
    private static (string Dir, string Key) OpensslKey(int iterations)
    {
        var dir = KeyCorpus.TempDir();
        var plain = Path.Combine(dir, "plain.pem");
        var key = Path.Combine(dir, "k.pem");
        ExternalTools.Run("openssl", "genpkey", "-algorithm", "ed25519", "-out", plain);
        ExternalTools.Run("openssl", "pkcs8", "-topk8", "-v2", "aes-256-cbc", "-iter", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-in", plain, "-out", key, "-passout", "pass:" + Pass);
        File.SetUnixFileMode(key, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllText(Path.Combine(dir, "pass"), Pass + "\n");
        return (dir, key);
    }

    [Fact]
    public void Openssl_default_and_owasp_counts_load()
    {
        foreach (var n in new[] { 2048, 600_000 })
        {
            var (_, key) = OpensslKey(n);
            var info = KeyFile.Load(key, Pass);
            Assert.NotNull(info.Private);
            Assert.Equal("PBKDF2-HMAC-SHA256", info.Kdf);
        }
    }

    [Fact]
    public void Bound_accepts_up_to_the_maximum_and_refuses_more_or_none()
    {
        foreach (var n in new[] { 1, 2048, 600_000, KdfLimits.MaxPbkdf2Iterations })
            Assert.Equal(n, KdfLimits.CheckPbkdf2(n));
        Assert.Equal("keys.error.pbkdf2_iterations", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckPbkdf2(KdfLimits.MaxPbkdf2Iterations + 1)).TextKey);
        Assert.Equal("keys.error.pbkdf2_iterations", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckPbkdf2(System.Numerics.BigInteger.Pow(2, 80))).TextKey);
        Assert.Equal("keys.error.damaged", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckPbkdf2(0)).TextKey);
        Assert.Equal("keys.error.damaged", Assert.Throws<KeyFormatException>(() => KdfLimits.CheckPbkdf2(-5)).TextKey);
    }

    [Theory]
    [InlineData("20000000")]
    [InlineData("2147483648")]          // past int: refused, not cast
    [InlineData("1208925819614629174706176")] // 2^80
    public void Crafted_count_is_refused_at_once_with_a_clear_message(string count)
    {
        var (_, key) = OpensslKey(2048);
        File.WriteAllText(key, SetIterations(File.ReadAllText(key), System.Numerics.BigInteger.Parse(count, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(KeyFile.Load(key, null).Encrypted, "without a passphrase nothing is derived: the key is still inspected");
        var sw = Stopwatch.StartNew();
        var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load(key, Pass));
        Assert.True(sw.Elapsed < TimeSpan.FromSeconds(2), "the bound is checked before any iteration runs");
        Assert.Equal("keys.error.pbkdf2_iterations", e.TextKey);
        Assert.Equal(count, e.Args["iterations"]);
        Assert.Contains(count, e.Message);
    }

    [Fact]
    public void Key_inspect_of_a_crafted_count_exits_2_with_one_line()
    {
        var (dir, key) = OpensslKey(2048);
        File.WriteAllText(key, SetIterations(File.ReadAllText(key), 50_000_000));
        var (code, stdout, stderr) = SshDoctor.TestSupport.CliRunner.Run(["key", "inspect", key, "--passphrase-file", Path.Combine(dir, "pass"), "--lang", "en"]);
        Assert.True(code == 2, $"exit {code}\n{stdout}\n{stderr}");
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("50000000", line);
        Assert.Contains(KdfLimits.MaxPbkdf2Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), line);
        Assert.DoesNotContain("   at ", stderr);
    }

    /// <summary>Re-encodes an EncryptedPrivateKeyInfo (PBES2/PBKDF2) with another iterationCount, everything else kept.</summary>
    private static string SetIterations(string pem, System.Numerics.BigInteger iterations)
    {
        const string Label = "ENCRYPTED PRIVATE KEY";
        var der = Convert.FromBase64String(string.Concat(pem.Split('\n').Where(l => l.Length > 0 && !l.StartsWith("-----", StringComparison.Ordinal))));
        var top = new System.Formats.Asn1.AsnReader(der, System.Formats.Asn1.AsnEncodingRules.DER).ReadSequence();
        var alg = top.ReadSequence();
        var scheme = alg.ReadObjectIdentifier();
        var pbes2 = alg.ReadSequence();
        var kdf = pbes2.ReadSequence();
        var kdfOid = kdf.ReadObjectIdentifier();
        var kp = kdf.ReadSequence();
        var salt = kp.ReadOctetString();
        _ = kp.ReadInteger();
        var kpRest = new List<ReadOnlyMemory<byte>>();
        while (kp.HasData) kpRest.Add(kp.ReadEncodedValue());
        var encScheme = pbes2.ReadEncodedValue();
        var data = top.ReadOctetString();

        var w = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (w.PushSequence())
        {
            using (w.PushSequence())
            {
                w.WriteObjectIdentifier(scheme);
                using (w.PushSequence())
                {
                    using (w.PushSequence())
                    {
                        w.WriteObjectIdentifier(kdfOid);
                        using (w.PushSequence())
                        {
                            w.WriteOctetString(salt);
                            w.WriteInteger(iterations);
                            foreach (var v in kpRest) w.WriteEncodedValue(v.Span);
                        }
                    }
                    w.WriteEncodedValue(encScheme.Span);
                }
            }
            w.WriteOctetString(data);
        }
        return new string(System.Security.Cryptography.PemEncoding.Write(Label, w.Encode())) + "\n";
    }
}
