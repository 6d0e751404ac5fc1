using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>One key file made by a real tool, and what sshdoctor must find in it.</summary>
public sealed record KeyCase(
    string Name,
    string Path,
    KeyFormat Format,
    string Type,
    bool Encrypted,
    bool PublicInClear,
    string? Passphrase,
    string ReferencePub,
    string? Comment)
{
    public override string ToString() => Name;
}

/// <summary>
/// Real keys made once per test run with ssh-keygen, puttygen and openssl, in every format sshdoctor reads.
/// Each case names a reference `.pub` whose `ssh-keygen -l` fingerprint the parsed key must reproduce.
/// </summary>
public sealed class KeyCorpus
{
    public const string Passphrase = "correct horse 1";
    private static readonly Lazy<KeyCorpus> Shared = new(() => new KeyCorpus(), LazyThreadSafetyMode.ExecutionAndPublication);
    public static KeyCorpus Instance => Shared.Value;

    public string Dir { get; }
    public List<KeyCase> Cases { get; } = [];
    private readonly string _passFile;

    private static readonly (string Type, int Bits, string SshType)[] KeygenTypes =
    [
        ("ed25519", 0, "ssh-ed25519"),
        ("rsa", 2048, "ssh-rsa"),
        ("rsa", 3072, "ssh-rsa"),
        ("ecdsa", 256, "ecdsa-sha2-nistp256"),
        ("ecdsa", 384, "ecdsa-sha2-nistp384"),
        ("ecdsa", 521, "ecdsa-sha2-nistp521"),
        ("dsa", 1024, "ssh-dss"),
    ];

    private KeyCorpus()
    {
        RemoveStaleScratch();
        Dir = Directory.CreateTempSubdirectory("sshdoctor-keys-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(Dir);
        _passFile = System.IO.Path.Combine(Dir, "passphrase.txt");
        File.WriteAllText(_passFile, Passphrase + "\n");
        foreach (var (type, bits, sshType) in KeygenTypes)
            MakeKeygenFamily(type, bits, sshType);
        MakeOpenSslFamily();
    }

    public string P(string name) => System.IO.Path.Combine(Dir, name);

    private void MakeKeygenFamily(string type, int bits, string sshType)
    {
        var stem = bits == 0 ? type : $"{type}{bits}";
        var key = P(stem);
        var comment = $"{stem}@sshdoctor-test";
        var args = new List<string> { "-q", "-t", type, "-N", "", "-C", comment, "-f", key };
        if (bits != 0) { args.Insert(3, "-b"); args.Insert(4, bits.ToString()); }
        ExternalTools.Run("ssh-keygen", [.. args]);
        var pub = key + ".pub";
        Add(stem + "/openssh", key, KeyFormat.OpenSshPrivate, sshType, false, true, null, pub, comment);

        // The same key re-saved with a passphrase (ssh-keygen -p keeps the key, changes the file).
        var enc = Copy(key, stem + ".enc");
        ExternalTools.Run("ssh-keygen", "-q", "-p", "-P", "", "-N", Passphrase, "-f", enc);
        Add(stem + "/openssh-enc", enc, KeyFormat.OpenSshPrivate, sshType, true, true, Passphrase, pub, comment);

        if (type != "ed25519")
        {
            var pemFormat = type switch { "rsa" => KeyFormat.PemPkcs1Rsa, "ecdsa" => KeyFormat.PemSec1Ec, _ => KeyFormat.PemDsa };
            var pem = Copy(key, stem + ".pem");
            ExternalTools.Run("ssh-keygen", "-q", "-p", "-P", "", "-N", "", "-m", "PEM", "-f", pem);
            Add(stem + "/pem", pem, pemFormat, sshType, false, true, null, pub, null);
            var pemEnc = Copy(key, stem + ".enc.pem");
            ExternalTools.Run("ssh-keygen", "-q", "-p", "-P", "", "-N", Passphrase, "-m", "PEM", "-f", pemEnc);
            Add(stem + "/pem-enc", pemEnc, pemFormat, sshType, true, false, Passphrase, pub, null);

            var p8 = Copy(key, stem + ".p8");
            ExternalTools.Run("ssh-keygen", "-q", "-p", "-P", "", "-N", "", "-m", "PKCS8", "-f", p8);
            Add(stem + "/pkcs8", p8, KeyFormat.Pkcs8, sshType, false, true, null, pub, null);
            var p8Enc = Copy(key, stem + ".enc.p8");
            ExternalTools.Run("ssh-keygen", "-q", "-p", "-P", "", "-N", Passphrase, "-m", "PKCS8", "-f", p8Enc);
            Add(stem + "/pkcs8-enc", p8Enc, KeyFormat.Pkcs8Encrypted, sshType, true, false, Passphrase, pub, null);

            // Public halves in PEM: SubjectPublicKeyInfo (all types), PKCS#1 (RSA).
            var spki = P(stem + ".spki.pem");
            File.WriteAllText(spki, ExternalTools.Run("ssh-keygen", "-e", "-m", "PKCS8", "-f", pub));
            Add(stem + "/pem-public", spki, KeyFormat.PemPublic, sshType, false, true, null, pub, null);
            if (type == "rsa")
            {
                var pkcs1 = P(stem + ".pkcs1pub.pem");
                File.WriteAllText(pkcs1, ExternalTools.Run("ssh-keygen", "-e", "-m", "PEM", "-f", pub));
                Add(stem + "/pem-rsa-public", pkcs1, KeyFormat.PemPublic, sshType, false, true, null, pub, null);
            }
        }

        // RFC 4716 public key, by ssh-keygen -e and by puttygen.
        var rfc = P(stem + ".rfc4716.pub");
        File.WriteAllText(rfc, ExternalTools.Run("ssh-keygen", "-e", "-f", pub));
        Add(stem + "/rfc4716-keygen", rfc, KeyFormat.Rfc4716Public, sshType, false, true, null, pub, null);
        var rfcPutty = P(stem + ".putty.pub");
        ExternalTools.Run("puttygen", key, "-O", "public", "-o", rfcPutty);
        Add(stem + "/rfc4716-putty", rfcPutty, KeyFormat.Rfc4716Public, sshType, false, true, null, pub, comment);

        // PuTTY .ppk, versions 2 and 3, plain and encrypted.
        foreach (var version in new[] { 2, 3 })
        {
            var ppk = P($"{stem}.v{version}.ppk");
            ExternalTools.Run("puttygen", key, "-O", "private", "--ppk-param", $"version={version}", "-o", ppk);
            Add($"{stem}/ppk{version}", ppk, version == 2 ? KeyFormat.PpkV2 : KeyFormat.PpkV3, sshType, false, true, null, pub, comment);
            var ppkEnc = P($"{stem}.v{version}.enc.ppk");
            // Small Argon2 memory keeps the test fast; the parameters come from the file.
            string[] extra = version == 3 ? ["--ppk-param", "memory=1024,passes=2"] : [];
            ExternalTools.Run("puttygen", [key, "-O", "private", "--ppk-param", $"version={version}", .. extra,
                "--new-passphrase", _passFile, "-o", ppkEnc]);
            Add($"{stem}/ppk{version}-enc", ppkEnc, version == 2 ? KeyFormat.PpkV2 : KeyFormat.PpkV3, sshType, true, true, Passphrase, pub, comment);
        }
    }

    private void MakeOpenSslFamily()
    {
        void Gen(string name, KeyFormat format, string sshType, params string[] args)
        {
            var file = P("ossl-" + name + ".pem");
            ExternalTools.Run("openssl", [.. args, "-out", file]);
            var pub = ReferenceFor(file, sshType);
            Add("openssl/" + name, file, format, sshType, false, true, null, pub, null);

            // Encrypted PKCS#8 made by openssl (PBES2, AES-256-CBC, PBKDF2-HMAC-SHA256).
            var enc = P("ossl-" + name + ".enc.pem");
            ExternalTools.Run("openssl", "pkcs8", "-topk8", "-in", file, "-v2", "aes-256-cbc", "-passout", "pass:" + Passphrase, "-out", enc);
            Add("openssl/" + name + "-pkcs8-enc", enc, KeyFormat.Pkcs8Encrypted, sshType, true, false, Passphrase, pub, null);
        }

        Gen("ed25519", KeyFormat.Pkcs8, "ssh-ed25519", "genpkey", "-algorithm", "ed25519");
        Gen("rsa2048", KeyFormat.Pkcs8, "ssh-rsa", "genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048");
        Gen("ec256", KeyFormat.Pkcs8, "ecdsa-sha2-nistp256", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256");
        Gen("ec384", KeyFormat.Pkcs8, "ecdsa-sha2-nistp384", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-384");
        Gen("ec521", KeyFormat.Pkcs8, "ecdsa-sha2-nistp521", "genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-521");
        // `openssl ecparam -genkey` writes an EC PARAMETERS block before the SEC1 key.
        Gen("ecparam256", KeyFormat.PemSec1Ec, "ecdsa-sha2-nistp256", "ecparam", "-name", "prime256v1", "-genkey");

        // Legacy (Proc-Type / DEK-Info) encryption with other ciphers.
        var rsa = P("ossl-rsa2048.pem");
        var rsaPub = P("ossl-rsa2048.pem.pub");
        foreach (var cipher in new[] { "aes256", "des3" })
        {
            var file = P($"ossl-rsa2048.legacy-{cipher}.pem");
            ExternalTools.Run("openssl", "rsa", "-in", rsa, "-traditional", "-" + cipher, "-passout", "pass:" + Passphrase, "-out", file);
            Add($"openssl/rsa2048-legacy-{cipher}", file, KeyFormat.PemPkcs1Rsa, "ssh-rsa", true, false, Passphrase, rsaPub, null);
        }
        var ec = P("ossl-ec384.pem");
        var sec1 = P("ossl-ec384.sec1-aes128.pem");
        ExternalTools.Run("openssl", "ec", "-in", ec, "-aes128", "-passout", "pass:" + Passphrase, "-out", sec1);
        Add("openssl/ec384-sec1-aes128", sec1, KeyFormat.PemSec1Ec, "ecdsa-sha2-nistp384", true, false, Passphrase, P("ossl-ec384.pem.pub"), null);
    }

    /// <summary>A reference .pub for an openssl-made key: ssh-keygen -y where it can, else built from openssl's raw public key.</summary>
    private string ReferenceFor(string file, string sshType)
    {
        var pub = file + ".pub";
        if (sshType != "ssh-ed25519")
        {
            File.WriteAllText(pub, ExternalTools.Run("ssh-keygen", "-y", "-f", file));
            return pub;
        }
        // OpenSSH 9.2 does not read PKCS#8 Ed25519: take the 32 raw bytes from openssl's DER output.
        var der = P("ed25519.spki.der");
        ExternalTools.Run("openssl", "pkey", "-in", file, "-pubout", "-outform", "DER", "-out", der);
        var raw = File.ReadAllBytes(der)[^32..];
        var blob = new List<byte>();
        void Str(byte[] b) { blob.AddRange([(byte)(b.Length >> 24), (byte)(b.Length >> 16), (byte)(b.Length >> 8), (byte)b.Length]); blob.AddRange(b); }
        Str("ssh-ed25519"u8.ToArray());
        Str(raw);
        File.WriteAllText(pub, "ssh-ed25519 " + Convert.ToBase64String(blob.ToArray()) + "\n");
        return pub;
    }

    private string Copy(string from, string name)
    {
        var to = P(name);
        File.Copy(from, to, true);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return to;
    }

    private void Add(string name, string path, KeyFormat format, string type, bool encrypted, bool publicInClear, string? passphrase, string pub, string? comment)
        => Cases.Add(new KeyCase(name, path, format, type, encrypted, publicInClear, passphrase, pub, comment));

    public KeyCase Get(string name) => Cases.Single(c => c.Name == name);

    /// <summary>A scratch directory removed when the test run ends.</summary>
    public static string TempDir()
    {
        var dir = Directory.CreateTempSubdirectory("sshdoctor-keycli-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteQuietly(dir);
        return dir;
    }

    /// <summary>
    /// The test host does not always run exit handlers: scratch directories of earlier runs (only these
    /// tests' own prefixes, older than two hours) are removed when a new run starts.
    /// </summary>
    private static void RemoveStaleScratch()
    {
        foreach (var prefix in new[] { "sshdoctor-keys-", "sshdoctor-keycli-" })
            foreach (var dir in Directory.EnumerateDirectories(System.IO.Path.GetTempPath(), prefix + "*"))
                if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddHours(-2))
                    DeleteQuietly(dir);
    }

    private static void DeleteQuietly(string dir)
    {
        try { Directory.Delete(dir, recursive: true); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
