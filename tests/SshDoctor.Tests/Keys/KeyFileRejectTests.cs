using System.Text;
using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>Anything that is not a readable key: one KeyFormatException with one clear line, nothing else, never a hang.</summary>
public sealed class KeyFileRejectTests
{
    private static KeyFormatException Rejects(byte[] content)
    {
        var e = Assert.Throws<KeyFormatException>(() => KeyFile.Parse(content));
        Assert.DoesNotContain('\n', e.Message);
        Assert.False(string.IsNullOrWhiteSpace(e.Message));
        Assert.DoesNotContain("keys.", e.Message); // a text key that has no English text
        return e;
    }

    private static KeyFormatException Rejects(string text) => Rejects(Encoding.UTF8.GetBytes(text));

    [Fact] public void Empty() => Assert.Equal("keys.error.empty", Rejects([]).TextKey);
    [Fact] public void Whitespace_only() => Assert.Equal("keys.error.empty", Rejects(" \n\r\n\t").TextKey);
    [Fact] public void Garbage_text() => Assert.Equal("keys.error.unrecognized", Rejects("hello world\nthis is not a key\n").TextKey);

    [Fact]
    public void Binary()
    {
        var random = new byte[4096];
        new Random(42).NextBytes(random);
        Assert.Equal("keys.error.binary", Rejects(random).TextKey);
    }

    [Fact]
    public void Huge_content_is_refused_by_size()
    {
        var huge = Encoding.ASCII.GetBytes(new string('A', KeyFile.MaxFileSize + 10));
        Assert.Equal("keys.error.too_big", Rejects(huge).TextKey);
    }

    [Fact]
    public void Huge_file_is_refused_without_reading_it_whole()
    {
        var path = Path.GetTempFileName();
        try
        {
            using (var f = File.OpenWrite(path)) f.SetLength(50L << 20);
            var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load(path));
            Assert.Equal("keys.error.too_big", e.TextKey);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Endless_device_is_bounded()
    {
        var e = Assert.Throws<KeyFormatException>(() => KeyFile.Load("/dev/zero"));
        Assert.Equal("keys.error.too_big", e.TextKey);
    }

    [Fact]
    public void Missing_file_and_directory()
    {
        Assert.Equal("keys.error.not_found", Assert.Throws<KeyFormatException>(() => KeyFile.Load("/nonexistent/key")).TextKey);
        Assert.Equal("keys.error.is_directory", Assert.Throws<KeyFormatException>(() => KeyFile.Load("/tmp")).TextKey);
    }

    [Fact]
    public void Truncated_openssh_private_key()
    {
        var text = File.ReadAllText(KeyCorpus.Instance.Get("rsa2048/openssh").Path);
        var lines = text.Split('\n');
        // Whole lines dropped: valid base64, missing data.
        var cut = string.Join('\n', lines[..(lines.Length / 2)].Append(lines[^2]));
        Rejects(cut);
        // No END line at all.
        Assert.Equal("keys.error.truncated", Rejects(string.Join('\n', lines[..5])).TextKey);
        // Cut in the middle of a line: bad base64 length.
        Rejects(text[..(text.Length / 2)] + "\n-----END OPENSSH PRIVATE KEY-----\n");
    }

    [Fact]
    public void Damaged_public_line()
    {
        var line = File.ReadAllText(KeyCorpus.Instance.Get("ed25519/openssh").ReferencePub);
        Assert.Equal("keys.error.damaged_public", Rejects(line[..40] + "\n").TextKey);
    }

    [Fact]
    public void X509_certificate()
    {
        var dir = KeyCorpus.Instance.Dir;
        var cert = Path.Combine(dir, "cert.pem");
        if (!File.Exists(cert))
            ExternalTools.Run("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                "-keyout", Path.Combine(dir, "cert.key"), "-out", cert, "-subj", "/CN=test", "-days", "1");
        Assert.Equal("keys.error.x509", Rejects(File.ReadAllBytes(cert)).TextKey);
    }

    [Fact]
    public void OpenSsh_certificate()
    {
        var dir = KeyCorpus.Instance.Dir;
        var ca = KeyCorpus.Instance.Get("ed25519/openssh").Path;
        var user = Path.Combine(dir, "certified");
        if (!File.Exists(user + "-cert.pub"))
        {
            ExternalTools.Run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", user);
            ExternalTools.Run("ssh-keygen", "-q", "-s", ca, "-I", "id", user + ".pub");
        }
        Assert.Equal("keys.error.ssh_certificate", Rejects(File.ReadAllBytes(user + "-cert.pub")).TextKey);
    }

    [Fact]
    public void Ppk_with_edited_private_lines_fails_its_mac()
    {
        var text = File.ReadAllText(KeyCorpus.Instance.Get("ed25519/ppk3").Path);
        var i = text.IndexOf("Private-Lines: 1\n", StringComparison.Ordinal) + "Private-Lines: 1\n".Length;
        var flipped = text[..(i + 10)] + (text[i + 10] == 'A' ? 'B' : 'A') + text[(i + 11)..];
        Assert.Equal("keys.error.damaged", Rejects(flipped).TextKey);
    }

    [Fact]
    public void Old_and_foreign_formats_get_their_own_reason()
    {
        Assert.Equal("keys.error.ppk_v1", Rejects("PuTTY-User-Key-File-1: ssh-rsa\nEncryption: none\n").TextKey);
        Assert.Equal("keys.error.sshcom", Rejects("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nAAAA\n").TextKey);
        Assert.Equal("keys.error.unsupported_pem", Rejects("-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nAAAA\n-----END PGP PUBLIC KEY BLOCK-----\n").TextKey);
    }

    /// <summary>Cut and flip every key file at many places: a key or a KeyFormatException, nothing else.</summary>
    [Fact]
    public void Damaged_files_never_throw_anything_but_KeyFormatException()
    {
        var rng = new Random(7);
        var failures = new List<string>();
        foreach (var c in KeyCorpus.Instance.Cases)
        {
            var original = File.ReadAllBytes(c.Path);
            for (var round = 0; round < 30; round++)
            {
                var bytes = (byte[])original.Clone();
                if (round % 2 == 0)
                    bytes = bytes[..rng.Next(bytes.Length)];
                else
                    for (var k = 0; k < 1 + round / 10; k++)
                        bytes[rng.Next(bytes.Length)] = (byte)"AZaz09+/=\n-: x"[rng.Next(14)];
                try
                {
                    KeyFile.Parse(bytes);
                    if (c.Passphrase is not null && round % 6 < 2) KeyFile.Parse(bytes, c.Passphrase);
                }
                catch (KeyFormatException e) when (!e.Message.Contains('\n')) { }
                catch (Exception e)
                {
                    failures.Add($"{c.Name} round {round}: {e.GetType().Name}: {e.Message}");
                }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    [Fact]
    public void Pathological_long_lines_are_rejected_quickly()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        Rejects(string.Join(' ', Enumerable.Repeat("ssh-rsa", 120_000)));
        Rejects(new string('-', 1_000_000));
        Rejects("-----BEGIN RSA PRIVATE KEY-----\n" + string.Concat(Enumerable.Repeat("Proc-Type: x\n", 60_000)));
        Rejects("PuTTY-User-Key-File-3: ssh-rsa\nEncryption: none\nComment: x\nPublic-Lines: 19999\n" + new string('A', 900_000));
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), started.Elapsed.ToString());
    }

    [Fact]
    public void Keys_ssh_cannot_use_are_named()
    {
        var dir = KeyCorpus.Instance.Dir;
        foreach (var (name, args, textKey) in new[]
                 {
                     ("ed448", new[] { "genpkey", "-algorithm", "ed448" }, "keys.error.unsupported_algorithm"),
                     ("x25519", ["genpkey", "-algorithm", "x25519"], "keys.error.unsupported_algorithm"),
                     ("secp256k1", ["genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:secp256k1"], "keys.error.unsupported_curve"),
                     ("rsa-pss", ["genpkey", "-algorithm", "RSA-PSS", "-pkeyopt", "rsa_keygen_bits:2048"], "keys.error.unsupported_algorithm"),
                 })
        {
            var file = Path.Combine(dir, name + ".unsupported.pem");
            if (!File.Exists(file)) ExternalTools.Run("openssl", [.. args, "-out", file]);
            var e = Rejects(File.ReadAllBytes(file));
            Assert.True(e.TextKey == textKey, $"{name}: {e.TextKey}: {e.Message}");
        }
    }
}
