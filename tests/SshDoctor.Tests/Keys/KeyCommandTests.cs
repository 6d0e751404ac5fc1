using System.Text.Json;
using SshDoctor.Cli;
using SshDoctor.Cli.Commands;
using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>`sshdoctor key inspect|public|convert` end to end, checked against ssh-keygen, openssl and puttygen.</summary>
public sealed class KeyCommandTests
{
    static KeyCommandTests() => KeyCommand.PromptEnabled = false;

    private static KeyCorpus Corpus => KeyCorpus.Instance;

    private static (int Code, string Out, string Err) Run(params string[] args) => SshDoctor.TestSupport.CliRunner.Run(args);

    private static string TempDir() => KeyCorpus.TempDir();

    /// <summary>A private copy (mode 0600) of a corpus file, so permission findings do not depend on the umask.</summary>
    private static string PrivateCopy(string source, string dir, string? name = null)
    {
        var path = Path.Combine(dir, name ?? Path.GetFileName(source));
        File.Copy(source, path, true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    private static string OpenSslColonHash(string pipeline)
        => ExternalTools.RunIn(null, null, "sh", "-c", pipeline).Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];

    [Fact]
    public void Inspect_json_gives_ssh_keygen_fingerprints_and_both_aws_forms_as_openssl_computes_them()
    {
        var dir = TempDir();
        var pem = PrivateCopy(Corpus.Get("rsa3072/pem").Path, dir, "aws.pem");
        var reference = Corpus.Get("rsa3072/pem").ReferencePub;
        var importedMd5 = OpenSslColonHash($"openssl pkey -in {pem} -pubout -outform DER | openssl md5 -c");
        var createdSha1 = OpenSslColonHash($"openssl pkcs8 -in {pem} -topk8 -nocrypt -outform DER | openssl sha1 -c");

        foreach (var name in new[] { "rsa3072/pem", "rsa3072/openssh", "rsa3072/pkcs8", "rsa3072/ppk3", "rsa3072/ppk2" })
        {
            var file = PrivateCopy(Corpus.Get(name).Path, dir, name.Replace('/', '_'));
            var (code, stdout, stderr) = Run("key", "inspect", file, "--json");
            Assert.True(code == 0, $"{name}: exit {code}: {stderr}");
            Assert.Equal("", stderr);
            using var doc = JsonDocument.Parse(stdout);
            var root = doc.RootElement;
            Assert.Equal("sshdoctor", root.GetProperty("tool").GetString());
            Assert.Equal(1, root.GetProperty("schema").GetInt32());
            Assert.Equal("key inspect", root.GetProperty("command").GetString());
            var key = root.GetProperty("key");
            Assert.Equal("ssh-rsa", key.GetProperty("type").GetString());
            Assert.Equal(3072, key.GetProperty("bits").GetInt32());
            Assert.Equal(ExternalTools.KeygenFingerprint(reference).Fingerprint, key.GetProperty("sha256").GetString());
            Assert.Equal(ExternalTools.KeygenFingerprint(reference, md5: true).Fingerprint, key.GetProperty("md5").GetString());
            Assert.Equal(importedMd5, key.GetProperty("aws_imported_md5").GetString());
            Assert.Equal(createdSha1, key.GetProperty("aws_created_sha1").GetString());
            Assert.False(key.GetProperty("encrypted").GetBoolean());
            foreach (var f in root.GetProperty("findings").EnumerateArray())
            {
                Assert.False(string.IsNullOrEmpty(f.GetProperty("message").GetString()));
                Assert.DoesNotContain("keys.", f.GetProperty("message").GetString());
            }
            Assert.Contains(root.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "RSA_SHA1_REFUSED");
        }
    }

    [Fact]
    public void Inspect_of_an_ed25519_key_has_no_aws_md5_and_a_sentence_about_sha256()
    {
        var dir = TempDir();
        var file = PrivateCopy(Corpus.Get("ed25519/openssh").Path, dir, "id_ed25519");
        var (code, stdout, _) = Run("key", "inspect", file, "--json", "--lang", "en");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var key = doc.RootElement.GetProperty("key");
        Assert.Equal(JsonValueKind.Null, key.GetProperty("aws_imported_md5").ValueKind);
        Assert.Equal(JsonValueKind.Null, key.GetProperty("aws_created_sha1").ValueKind);
        Assert.Contains("SHA256", doc.RootElement.GetProperty("aws_note").GetString());
    }

    [Fact]
    public void Inspect_flags_permissions_as_blocking_with_exit_1()
    {
        if (OperatingSystem.IsWindows()) return;
        var dir = TempDir();
        var file = PrivateCopy(Corpus.Get("ed25519/openssh").Path, dir, "id_ed25519");
        File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var (code, stdout, _) = Run("key", "inspect", file, "--json");
        Assert.Equal(ExitCodes.Blocking, code);
        using var doc = JsonDocument.Parse(stdout);
        var finding = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "CLIENT_KEY_PERMISSIONS");
        Assert.Equal("blocking", finding.GetProperty("severity").GetString());
        Assert.Contains("0644", finding.GetProperty("message").GetString());
        var fix = finding.GetProperty("fix").GetProperty("commands")[0].GetString()!;
        Assert.StartsWith("chmod 600 ", fix);

        // ssh-keygen agrees it refuses the key, then accepts it after the fix.
        Assert.NotEqual(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file).Code);
        ExternalTools.RunIn(null, null, "sh", "-c", fix);
        Assert.Equal(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file).Code);
        Assert.Equal(0, Run("key", "inspect", file, "--json").Code);
    }

    [Fact]
    public void Inspect_finds_a_pub_beside_the_key_that_is_another_key()
    {
        var dir = TempDir();
        var file = PrivateCopy(Corpus.Get("ed25519/openssh").Path, dir, "id_ed25519");
        File.Copy(Corpus.Get("rsa2048/openssh").ReferencePub, file + ".pub");
        var (_, stdout, _) = Run("key", "inspect", file, "--json");
        using var doc = JsonDocument.Parse(stdout);
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "CLIENT_KEY_PAIR_MISMATCH");
        Assert.Equal(file + ".pub", f.GetProperty("path").GetString());
        // The fix command writes the right .pub; afterwards the finding is gone.
        var (code, pubLine, _) = Run("key", "public", file);
        Assert.Equal(0, code);
        File.WriteAllText(file + ".pub", pubLine);
        Assert.Equal(ExternalTools.KeygenFingerprint(Corpus.Get("ed25519/openssh").ReferencePub).Fingerprint, ExternalTools.KeygenFingerprint(file + ".pub").Fingerprint);
        var (_, again, _) = Run("key", "inspect", file, "--json");
        Assert.DoesNotContain("CLIENT_KEY_PAIR_MISMATCH", again);
    }

    [Fact]
    public void Inspect_notes_crlf_and_missing_final_newline_that_ssh_keygen_refuses()
    {
        var dir = TempDir();
        var crlf = Path.Combine(dir, "crlf");
        File.WriteAllText(crlf, File.ReadAllText(Corpus.Get("ecdsa256/openssh").Path).Replace("\n", "\r\n"));
        var noNewline = Path.Combine(dir, "nonl");
        File.WriteAllText(noNewline, File.ReadAllText(Corpus.Get("ecdsa256/openssh").Path).TrimEnd('\n'));
        foreach (var (file, text) in new[] { (crlf, "keys.finding.crlf"), (noNewline, "keys.finding.no_final_newline") })
        {
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.NotEqual(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file).Code);
            var (code, stdout, _) = Run("key", "inspect", file, "--json");
            Assert.Equal(ExitCodes.Blocking, code);
            using var doc = JsonDocument.Parse(stdout);
            var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "CLIENT_KEY_FORMAT" && x.GetProperty("severity").GetString() == "blocking");
            Assert.NotNull(text);
            ExternalTools.RunIn(null, null, "sh", "-c", f.GetProperty("fix").GetProperty("commands")[0].GetString()!);
            Assert.Equal(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file).Code);
        }
    }

    [Fact]
    public void Inspect_of_a_ppk_says_openssh_cannot_read_it()
    {
        var dir = TempDir();
        var file = PrivateCopy(Corpus.Get("ed25519/ppk3").Path, dir, "key.ppk");
        var (code, stdout, _) = Run("key", "inspect", file, "--json");
        Assert.Equal(0, code);
        using var doc = JsonDocument.Parse(stdout);
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().Single(x => x.GetProperty("id").GetString() == "CLIENT_KEY_FORMAT");
        Assert.Equal("warning", f.GetProperty("severity").GetString());
        Assert.Contains("--to openssh", f.GetProperty("fix").GetProperty("commands")[0].GetString());
    }

    [Fact]
    public void Encrypted_pem_without_passphrase_reports_what_it_can_and_with_a_passphrase_file_everything()
    {
        var dir = TempDir();
        var c = Corpus.Get("rsa2048/pem-enc");
        var file = PrivateCopy(c.Path, dir, "enc.pem");
        var (code, stdout, _) = Run("key", "inspect", file, "--json");
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(stdout))
        {
            var key = doc.RootElement.GetProperty("key");
            Assert.True(key.GetProperty("encrypted").GetBoolean());
            Assert.Equal(JsonValueKind.Null, key.GetProperty("sha256").ValueKind);
            Assert.Equal("ssh-rsa", key.GetProperty("type").GetString());
            Assert.Contains(doc.RootElement.GetProperty("findings").EnumerateArray(), f => f.GetProperty("id").GetString() == "CLIENT_KEY_ENCRYPTED");
        }
        var passFile = Path.Combine(dir, "pass");
        File.WriteAllText(passFile, KeyCorpus.Passphrase + "\n");
        (code, stdout, _) = Run("key", "inspect", file, "--json", "--passphrase-file", passFile);
        Assert.Equal(0, code);
        using (var doc = JsonDocument.Parse(stdout))
        {
            var key = doc.RootElement.GetProperty("key");
            Assert.Equal(ExternalTools.KeygenFingerprint(c.ReferencePub).Fingerprint, key.GetProperty("sha256").GetString());
            Assert.NotEqual(JsonValueKind.Null, key.GetProperty("aws_created_sha1").ValueKind);
        }

        // `key public` cannot do without the passphrase: exit 2, one line.
        var (pcode, pout, perr) = Run("key", "public", file);
        Assert.Equal(ExitCodes.Usage, pcode);
        Assert.Equal("", pout);
        Assert.Single(perr.TrimEnd().Split('\n'));
        Assert.Contains("--passphrase-file", perr);

        // A wrong passphrase is bad input too.
        File.WriteAllText(passFile, "wrong passphrase\n");
        var (wcode, _, werr) = Run("key", "public", file, "--passphrase-file", passFile, "--lang", "pt");
        Assert.Equal(ExitCodes.Usage, wcode);
        Assert.Contains("Senha incorreta", werr);
    }

    [Fact]
    public void Public_prints_the_openssh_line_of_every_format()
    {
        foreach (var name in new[] { "ed25519/ppk3", "ecdsa384/pem", "rsa2048/pkcs8", "dsa1024/ppk2", "rsa3072/rfc4716-putty", "ecdsa521/openssh-enc", "ed25519/ppk2-enc" })
        {
            var c = Corpus.Get(name);
            var (code, stdout, stderr) = Run("key", "public", c.Path);
            Assert.True(code == 0, $"{name}: {stderr}");
            var expected = File.ReadAllText(c.ReferencePub).Split(' ')[..2];
            Assert.Equal(expected, stdout.Trim().Split(' ')[..2]);
        }
    }

    [Fact]
    public void Bad_input_is_exit_2_with_one_line_on_stderr_and_only_the_error_document_on_stdout_with_json()
    {
        var dir = TempDir();
        var garbage = Path.Combine(dir, "garbage");
        File.WriteAllText(garbage, "not a key\n");
        foreach (var args in new[]
                 {
                     new[] { "key", "inspect", garbage, "--json" },
                     ["key", "public", garbage],
                     ["key", "inspect", Path.Combine(dir, "missing"), "--json", "--lang", "ja"],
                     ["key", "convert", garbage, "--to", "ppk", "-o", Path.Combine(dir, "out.ppk")],
                     ["key", "inspect", "/dev/zero"],
                 })
        {
            var (code, stdout, stderr) = Run(args);
            Assert.Equal(ExitCodes.Usage, code);
            // design.md: with --json an error is a document on stdout too; without it stdout stays empty.
            if (args.Contains("--json")) Assert.Contains("\"error\"", stdout);
            else Assert.Equal("", stdout);
            Assert.Single(stderr.TrimEnd().Split('\n'));
            Assert.StartsWith("sshdoctor: ", stderr);
        }
    }

    [Fact]
    public void Convert_writes_files_ssh_keygen_and_puttygen_load_with_mode_0600_and_never_overwrites_without_force()
    {
        var dir = TempDir();
        var failures = new List<string>();
        foreach (var name in new[] { "ed25519/ppk3", "rsa2048/openssh", "ecdsa256/ppk2", "ecdsa521/pem", "dsa1024/openssh", "rsa3072/pkcs8", "ecdsa384/ppk3" })
        {
            var c = Corpus.Get(name);
            var expected = ExternalTools.KeygenFingerprint(c.ReferencePub).Fingerprint;
            foreach (var to in new[] { "openssh", "pem", "ppk" })
            {
                if (to == "pem" && c.Type == "ssh-ed25519") continue;
                var outFile = Path.Combine(dir, $"{name.Replace('/', '_')}.{to}");
                var (code, _, stderr) = Run("key", "convert", c.Path, "--to", to, "-o", outFile);
                if (code != 0) { failures.Add($"{name} -> {to}: exit {code} {stderr}"); continue; }
                if (!OperatingSystem.IsWindows())
                    Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(outFile));
                try
                {
                    if (to == "ppk")
                    {
                        var pub = ExternalTools.Run("puttygen", outFile, "-O", "public-openssh");
                        File.WriteAllText(outFile + ".check.pub", pub);
                    }
                    else
                    {
                        File.WriteAllText(outFile + ".check.pub", ExternalTools.Run("ssh-keygen", "-y", "-f", outFile));
                        // puttygen reads OpenSSH and PEM keys too.
                        ExternalTools.Run("puttygen", outFile, "-O", "public-openssh");
                    }
                    var got = ExternalTools.KeygenFingerprint(outFile + ".check.pub").Fingerprint;
                    if (got != expected) failures.Add($"{name} -> {to}: {got} != {expected}");
                }
                catch (InvalidOperationException e) { failures.Add($"{name} -> {to}: {e.Message}"); }
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));

        // Never overwrite without --force.
        var target = Path.Combine(dir, "existing");
        File.WriteAllText(target, "keep me");
        var (c1, _, e1) = Run("key", "convert", Corpus.Get("ed25519/openssh").Path, "--to", "ppk", "-o", target);
        Assert.Equal(ExitCodes.Usage, c1);
        Assert.Contains("--force", e1);
        Assert.Equal("keep me", File.ReadAllText(target));
        var (c2, _, _) = Run("key", "convert", Corpus.Get("ed25519/openssh").Path, "--to", "ppk", "-o", target, "--force");
        Assert.Equal(0, c2);
        Assert.StartsWith("PuTTY-User-Key-File-3: ssh-ed25519", File.ReadAllText(target));
    }

    [Fact]
    public void Convert_ed25519_to_pem_is_refused_clearly()
    {
        var dir = TempDir();
        var (code, stdout, stderr) = Run("key", "convert", Corpus.Get("ed25519/openssh").Path, "--to", "pem", "-o", Path.Combine(dir, "x.pem"));
        Assert.Equal(ExitCodes.Usage, code);
        Assert.Equal("", stdout);
        Assert.Contains("openssh", stderr);
        Assert.False(File.Exists(Path.Combine(dir, "x.pem")));
    }

    [Fact]
    public void Convert_to_ppk_version_2()
    {
        var dir = TempDir();
        var outFile = Path.Combine(dir, "k.ppk");
        var (code, _, _) = Run("key", "convert", Corpus.Get("rsa2048/openssh").Path, "--to", "ppk", "--ppk-version", "2", "-o", outFile);
        Assert.Equal(0, code);
        Assert.StartsWith("PuTTY-User-Key-File-2: ssh-rsa", File.ReadAllText(outFile));
        ExternalTools.Run("puttygen", outFile, "-O", "public-openssh");
    }

    [Fact]
    public void Convert_keeps_the_passphrase_of_an_encrypted_key_and_ssh_keygen_and_puttygen_open_the_result()
    {
        var dir = TempDir();
        var passFile = Path.Combine(dir, "pass");
        File.WriteAllText(passFile, KeyCorpus.Passphrase + "\n");
        var failures = new List<string>();
        foreach (var (name, to, version) in new[]
                 {
                     ("ed25519/openssh-enc", "ppk", "3"), ("rsa2048/ppk3-enc", "openssh", "3"), ("ecdsa384/pkcs8-enc", "pem", "3"),
                     ("dsa1024/pem-enc", "ppk", "2"), ("ecdsa256/ppk2-enc", "openssh", "3"), ("openssl/rsa2048-legacy-des3", "pem", "3"),
                 })
        {
            var c = Corpus.Get(name);
            var expected = ExternalTools.KeygenFingerprint(c.ReferencePub).Fingerprint;
            var outFile = Path.Combine(dir, name.Replace('/', '_') + "." + to);
            var (code, _, stderr) = Run("key", "convert", c.Path, "--to", to, "--ppk-version", version, "-o", outFile, "--passphrase-file", passFile);
            if (code != 0) { failures.Add($"{name} -> {to}: exit {code}: {stderr}"); continue; }
            Assert.DoesNotContain("not protected", stderr);
            try
            {
                var info = KeyFile.Load(outFile);
                Assert.True(info.Encrypted, $"{name} -> {to} is not encrypted");
                Assert.Equal(c.Type, KeyFile.Load(outFile, KeyCorpus.Passphrase).Private!.Public.Type);
                string pub = to == "ppk"
                    ? ExternalTools.Run("puttygen", outFile, "--old-passphrase", passFile, "-O", "public-openssh")
                    : ExternalTools.Run("ssh-keygen", "-y", "-P", KeyCorpus.Passphrase, "-f", outFile);
                File.WriteAllText(outFile + ".check.pub", pub);
                var got = ExternalTools.KeygenFingerprint(outFile + ".check.pub").Fingerprint;
                if (got != expected) failures.Add($"{name} -> {to}: {got} != {expected}");
                // And a wrong passphrase does not open it.
                if (to != "ppk") Assert.NotEqual(0, ExternalTools.TryRun("ssh-keygen", "-y", "-P", "wrong passphrase", "-f", outFile).Code);
            }
            catch (Exception e) { failures.Add($"{name} -> {to}: {e.Message}"); }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Convert_with_an_empty_new_passphrase_writes_an_unprotected_key_and_says_so()
    {
        var dir = TempDir();
        var passFile = Path.Combine(dir, "pass");
        File.WriteAllText(passFile, KeyCorpus.Passphrase + "\n");
        var empty = Path.Combine(dir, "empty");
        File.WriteAllText(empty, "\n");
        var outFile = Path.Combine(dir, "plain");
        var (code, _, stderr) = Run("key", "convert", Corpus.Get("ed25519/openssh-enc").Path, "--to", "openssh", "-o", outFile,
            "--passphrase-file", passFile, "--new-passphrase-file", empty);
        Assert.Equal(0, code);
        Assert.Contains("not protected", stderr);
        Assert.False(KeyFile.Load(outFile).Encrypted);
        Assert.Equal(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", outFile).Code);
    }

    [Fact]
    public void A_byte_order_mark_is_blocking_for_openssh_keys_only_as_ssh_keygen_shows()
    {
        var dir = TempDir();
        foreach (var (name, blocking) in new[] { ("ed25519/openssh", true), ("rsa2048/pem", false) })
        {
            var file = Path.Combine(dir, name.Replace('/', '_') + ".bom");
            File.WriteAllBytes(file, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(Corpus.Get(name).Path)]);
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            Assert.Equal(blocking, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file).Code != 0);
            var (code, stdout, _) = Run("key", "inspect", file, "--json");
            Assert.Equal(blocking ? ExitCodes.Blocking : ExitCodes.Ok, code);
            Assert.Equal(blocking, stdout.Contains("byte order mark", StringComparison.Ordinal));
            if (!blocking) continue;
            // The fix (rewrite through sshdoctor) gives a file ssh-keygen loads.
            using var doc = System.Text.Json.JsonDocument.Parse(stdout);
            var fix = doc.RootElement.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("severity").GetString() == "blocking")
                .GetProperty("fix").GetProperty("commands")[0].GetString()!;
            var args = fix.Split(' ')[1..];
            Assert.Equal(0, Run(args).Code);
            Assert.Equal(0, ExternalTools.TryRun("ssh-keygen", "-y", "-f", file + ".fixed").Code);
        }
    }

    [Fact]
    public void Key_types_current_servers_refuse_are_noted()
    {
        var dir = TempDir();
        var dsa = PrivateCopy(Corpus.Get("dsa1024/openssh").Path, dir, "id_dsa");
        var small = Path.Combine(dir, "id_rsa1024");
        ExternalTools.Run("ssh-keygen", "-q", "-t", "rsa", "-b", "1024", "-N", "", "-f", small);

        string[] Ids(string file, out string json)
        {
            var (code, stdout, _) = Run("key", "inspect", file, "--json");
            Assert.Equal(0, code);
            json = stdout;
            using var doc = JsonDocument.Parse(stdout);
            return doc.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString() + "/" + f.GetProperty("severity").GetString()).ToArray();
        }
        Assert.Contains("KEY_ALGORITHM_REFUSED/warning", Ids(dsa, out _));
        var ids = Ids(small, out var json);
        Assert.Contains("KEY_RSA_TOO_SMALL/warning", ids);
        Assert.Contains("RSA_SHA1_REFUSED/info", ids);
        Assert.Contains("1024", json);
        // The .pub alone gets the same notes, and says it is only a public key.
        var pubIds = Ids(small + ".pub", out _);
        Assert.Contains("KEY_RSA_TOO_SMALL/warning", pubIds);
        Assert.Contains("CLIENT_KEY_FORMAT/info", pubIds);
        Assert.DoesNotContain("CLIENT_KEY_PERMISSIONS/blocking", pubIds);
    }
}
