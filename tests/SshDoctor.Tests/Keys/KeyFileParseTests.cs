using System.Text;
using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>The public half of every format, checked against ssh-keygen's own fingerprints of the same key.</summary>
public sealed class KeyFileParseTests
{
    private static KeyCorpus Corpus => KeyCorpus.Instance;

    /// <summary>Runs <paramref name="check"/> on every case and reports all failures at once, by case name.</summary>
    private static void ForAll(Func<KeyCase, bool> filter, Action<KeyCase> check, int atLeast)
    {
        var failures = new List<string>();
        var count = 0;
        foreach (var c in Corpus.Cases.Where(filter))
        {
            count++;
            try { check(c); }
            catch (Exception e) { failures.Add($"{c.Name}: {e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")}"); }
        }
        Assert.True(failures.Count == 0, $"{failures.Count} of {count} cases failed:\n" + string.Join("\n", failures));
        Assert.True(count >= atLeast, $"only {count} cases, expected at least {atLeast}");
    }

    [Fact]
    public void Every_format_yields_type_encryption_flag_and_ssh_keygen_fingerprints_without_a_passphrase()
    {
        ForAll(_ => true, c =>
        {
            var info = KeyFile.Load(c.Path);
            Assert.Equal(c.Format, info.Format);
            Assert.Equal(c.Encrypted, info.Encrypted);
            if (!c.PublicInClear)
            {
                Assert.Null(info.Public);
                Assert.True(info.NeedsPassphrase);
                return;
            }
            Assert.NotNull(info.Public);
            Assert.Equal(c.Type, info.Public!.Type);
            Assert.Equal(c.Type, info.KeyType);
            var (bits, sha) = ExternalTools.KeygenFingerprint(c.ReferencePub);
            var (_, md5) = ExternalTools.KeygenFingerprint(c.ReferencePub, md5: true);
            Assert.Equal(sha, info.Public.Sha256Fingerprint);
            Assert.Equal(md5, info.Public.Md5Fingerprint);
            Assert.Equal(bits, info.Public.Bits);
            if (c.Comment is not null)
            {
                // Encrypted OpenSSH keys keep the comment inside the encrypted part.
                var expected = c.Format == KeyFormat.OpenSshPrivate && c.Encrypted ? "" : c.Comment;
                Assert.Equal(expected, info.Comment);
            }
            Assert.Equal(!c.Encrypted && info.IsPrivate, info.Private is not null);
        }, atLeast: 80);
    }

    [Fact]
    public void Unencrypted_private_keys_give_the_same_public_key_as_ssh_keygen_y()
    {
        ForAll(c => !c.Encrypted && c.Format is not (KeyFormat.Rfc4716Public or KeyFormat.PemPublic), c =>
        {
            var info = KeyFile.Load(c.Path);
            Assert.NotNull(info.Private);
            var reference = PublicKey.FromOpenSshLine(File.ReadAllText(c.ReferencePub))!;
            Assert.Equal(reference, info.Private!.Public);
        }, atLeast: 30);
    }

    [Fact]
    public void Legacy_encrypted_pem_reports_its_cipher_and_the_key_type()
    {
        var info = KeyFile.Load(Corpus.Get("rsa2048/pem-enc").Path);
        Assert.Equal("AES-128-CBC", info.Cipher);
        Assert.Equal("ssh-rsa", info.KeyType);
        var ec = KeyFile.Load(Corpus.Get("openssl/ec384-sec1-aes128").Path);
        Assert.Equal(KeyFormat.PemSec1Ec, ec.Format);
        Assert.Null(ec.KeyType);
    }

    [Fact]
    public void OpenSsh_private_key_with_crlf_line_ends_and_no_final_newline_still_parses_and_is_noted()
    {
        var c = Corpus.Get("ed25519/openssh-enc");
        var text = File.ReadAllText(c.Path).Replace("\n", "\r\n").TrimEnd();
        var info = KeyFile.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(KeyFormat.OpenSshPrivate, info.Format);
        Assert.Equal(ExternalTools.KeygenFingerprint(c.ReferencePub).Fingerprint, info.Public!.Sha256Fingerprint);
        Assert.Contains(KeyFileNote.CrLf, info.Notes);
        Assert.Contains(KeyFileNote.NoFinalNewline, info.Notes);
        Assert.DoesNotContain(KeyFileNote.CrLf, KeyFile.Load(c.Path).Notes);
    }

    [Fact]
    public void Ppk_with_crlf_parses()
    {
        var c = Corpus.Get("rsa2048/ppk3");
        var text = File.ReadAllText(c.Path).Replace("\n", "\r\n");
        var info = KeyFile.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(KeyFormat.PpkV3, info.Format);
        Assert.NotNull(info.Private);
    }

    [Fact]
    public void Rfc4716_headers_with_continuation_lines_and_quoted_comments()
    {
        var pub = PublicKey.FromOpenSshLine(File.ReadAllText(Corpus.Get("ed25519/openssh").ReferencePub))!;
        var b64 = pub.Base64;
        var text = "---- BEGIN SSH2 PUBLIC KEY ----\n" +
                   "Subject: someone\n" +
                   "Comment: \"a long comment that \\\n" +
                   "continues here\"\n" +
                   "x-private-tag: value\n" +
                   b64[..40] + "\n" + b64[40..] + "\n" +
                   "---- END SSH2 PUBLIC KEY ----\n";
        var info = KeyFile.Parse(Encoding.UTF8.GetBytes(text));
        Assert.Equal(KeyFormat.Rfc4716Public, info.Format);
        Assert.Equal(pub, info.Public);
        Assert.Equal("a long comment that continues here", info.Comment);
    }

    [Fact]
    public void A_public_key_line_with_authorized_keys_options_is_read()
    {
        var line = File.ReadAllText(Corpus.Get("ed25519/openssh").ReferencePub).Trim();
        var info = KeyFile.Parse(Encoding.UTF8.GetBytes("from=\"10.0.0.1\",no-pty " + line + "\n"));
        Assert.Equal(KeyFormat.OpenSshPublicLine, info.Format);
        Assert.Equal(PublicKey.FromOpenSshLine(line), info.Public);
    }

    [Fact]
    public void Utf16_public_key_written_by_powershell_is_read_and_noted()
    {
        var line = File.ReadAllText(Corpus.Get("rsa2048/openssh").ReferencePub);
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(line.Replace("\n", "\r\n"))).ToArray();
        var info = KeyFile.Parse(bytes);
        Assert.Equal(PublicKey.FromOpenSshLine(line), info.Public);
        Assert.Contains(KeyFileNote.Utf16, info.Notes);
    }

    [Fact]
    public void Every_encrypted_format_decrypts_with_the_passphrase_and_refuses_a_wrong_one()
    {
        ForAll(c => c.Encrypted, c =>
        {
            var info = KeyFile.Load(c.Path, c.Passphrase);
            Assert.NotNull(info.Private);
            Assert.NotNull(info.Public);
            Assert.False(info.NeedsPassphrase);
            var reference = PublicKey.FromOpenSshLine(File.ReadAllText(c.ReferencePub))!;
            Assert.Equal(reference, info.Public);
            Assert.Equal(reference, info.Private!.Public);
            var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load(c.Path, "wrong " + c.Passphrase));
            Assert.True(e.WrongPassphrase, $"{e.TextKey}: {e.Message}");
        }, atLeast: 40);
    }

    [Fact]
    public void Aws_created_fingerprint_is_the_same_from_every_format_of_one_rsa_key()
    {
        var values = Corpus.Cases.Where(c => c.Name.StartsWith("rsa2048/", StringComparison.Ordinal) && c.Format is not (KeyFormat.PemPublic or KeyFormat.Rfc4716Public))
            .Select(c => (c.Name, Sha1: KeyFile.Load(c.Path, c.Passphrase).Private!.AwsCreatedSha1))
            .ToList();
        Assert.True(values.Count >= 10);
        Assert.Single(values.Select(v => v.Sha1).Distinct());
    }

    [Fact]
    public void Ppk3_with_puttygen_default_argon2_parameters_decrypts()
    {
        var c = Corpus.Get("ed25519/openssh");
        var ppk = Corpus.P("ed25519.default-argon2.ppk");
        var passFile = Corpus.P("passphrase.txt");
        if (!File.Exists(ppk))
            ExternalTools.Run("puttygen", c.Path, "-O", "private", "--new-passphrase", passFile, "-o", ppk);
        var text = File.ReadAllText(ppk);
        Assert.Contains("Key-Derivation: Argon2id", text);
        var started = System.Diagnostics.Stopwatch.StartNew();
        var info = KeyFile.Load(ppk, KeyCorpus.Passphrase);
        Assert.Equal(PublicKey.FromOpenSshLine(File.ReadAllText(c.ReferencePub)), info.Private!.Public);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(20), $"Argon2 took {started.Elapsed}");
    }
}
