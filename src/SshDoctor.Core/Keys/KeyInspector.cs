using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;

namespace SshDoctor.Core.Keys;

/// <summary>What `key inspect` reports about one key file.</summary>
public sealed record KeyInspection(string Path, KeyFileInfo Info, IReadOnlyList<Finding> Findings)
{
    /// <summary>RSA only: the fingerprint EC2 shows for an imported key pair (MD5 of the DER SubjectPublicKeyInfo).</summary>
    public string? AwsImportedMd5 => Info.Public is { } p ? PublicKeyDer.AwsImportedMd5(p) : null;

    /// <summary>RSA only, needs the private key: the fingerprint EC2 shows for a key pair it created (SHA-1 of the PKCS#8 DER).</summary>
    public string? AwsCreatedSha1 => Info.Private?.AwsCreatedSha1;

    public bool HasBlocking => Findings.Any(f => f.Severity == Severity.Blocking);
}

/// <summary>
/// Client-side findings about a key file: permissions, a `.pub` beside it that is another key, how it is
/// written (CR LF, no final newline, UTF-16, PPK), encryption and key types servers refuse.
/// Each finding's "text" argument names its `keys.finding.*` message and fix texts.
/// </summary>
public static class KeyInspector
{
    public const string TextArg = "text";

    public static KeyInspection Inspect(string path, KeyFileInfo info)
    {
        var findings = new List<Finding>();
        var quoted = ShellQuote(path);

        if (info.IsPrivate && KeyFilePermissions.Check(path) is { } perm)
        {
            // PuTTY never checks permissions; OpenSSH refuses the key.
            var severity = info.Format is KeyFormat.PpkV2 or KeyFormat.PpkV3 ? Severity.Warning : Severity.Blocking;
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_PERMISSIONS, severity, path, null, perm.FixCommands,
                (TextArg, perm.TextKey), ("mode", perm.Detail)));
        }

        CheckPair(path, info, findings);

        var isOpenSshText = info.Format is KeyFormat.OpenSshPrivate;
        var privateFix = new[] { $"sshdoctor key convert {quoted} --to openssh -o {ShellQuote(path + ".fixed")}" };
        if (isOpenSshText && info.Notes.Contains(KeyFileNote.CrLf))
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Blocking, path, null,
                [$"sed -i 's/\\r$//' {quoted}"], (TextArg, "keys.finding.crlf")));
        if (isOpenSshText && info.Notes.Contains(KeyFileNote.NoFinalNewline))
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Blocking, path, null,
                [$"[ -z \"$(tail -c 1 {quoted})\" ] || echo >> {quoted}"], (TextArg, "keys.finding.no_final_newline")));
        // OpenSSL skips to the BEGIN line, so a BOM only hurts OpenSSH's own formats (checked with ssh-keygen 9.2).
        var bomHurts = info.Format is KeyFormat.OpenSshPrivate or KeyFormat.OpenSshPublicLine;
        if (info.Notes.Contains(KeyFileNote.Utf16) || (info.Notes.Contains(KeyFileNote.Utf8Bom) && bomHurts))
        {
            var fix = info.IsPrivate ? privateFix : [$"sshdoctor key public {quoted} > {ShellQuote(path + ".fixed")}"];
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Blocking, path, null, fix,
                (TextArg, info.Notes.Contains(KeyFileNote.Utf16) ? "keys.finding.utf16" : "keys.finding.bom")));
        }
        if (info.Format is KeyFormat.PpkV2 or KeyFormat.PpkV3)
        {
            var target = System.IO.Path.ChangeExtension(path, null);
            if (target == path) target = path + ".openssh";
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Warning, path, null,
                [$"sshdoctor key convert {quoted} --to openssh -o {ShellQuote(target)}"], (TextArg, "keys.finding.ppk")));
        }
        else if (info.IsPrivate)
        {
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Info, path, null,
                [$"sshdoctor key convert {quoted} --to ppk -o {ShellQuote(System.IO.Path.ChangeExtension(path, ".ppk"))}"],
                (TextArg, "keys.finding.putty_needs_ppk")));
        }
        if (!info.IsPrivate)
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_FORMAT, Severity.Info, path, null, null, (TextArg, "keys.finding.public_only")));

        if (info.Encrypted)
            findings.Add(Finding.Create(FindingId.CLIENT_KEY_ENCRYPTED, Severity.Info, path, null, null,
                (TextArg, info.Public is null ? "keys.finding.encrypted_hidden" : "keys.finding.encrypted")));

        var type = info.Public?.Type ?? info.KeyType;
        if (type == "ssh-dss")
            findings.Add(Finding.Create(FindingId.KEY_ALGORITHM_REFUSED, Severity.Warning, path, null,
                ["ssh-keygen -t ed25519"], (TextArg, "keys.finding.dsa")));
        if (type == "ssh-rsa" && info.Public is { } rsa)
        {
            if (rsa.Bits < 2048)
                findings.Add(Finding.Create(FindingId.KEY_RSA_TOO_SMALL, rsa.Bits < 1024 ? Severity.Blocking : Severity.Warning, path, null,
                    ["ssh-keygen -t ed25519"], (TextArg, "keys.finding.rsa_small"), ("bits", rsa.Bits.ToString())));
            findings.Add(Finding.Create(FindingId.RSA_SHA1_REFUSED, Severity.Info, path, null, null, (TextArg, "keys.finding.rsa_sha1")));
        }
        return new KeyInspection(path, info, findings);
    }

    /// <summary>CLIENT_KEY_PAIR_MISMATCH: FILE.pub beside a private key (or FILE beside a .pub) holds another key.</summary>
    private static void CheckPair(string path, KeyFileInfo info, List<Finding> findings)
    {
        if (info.Public is null) return;
        string other;
        if (info.IsPrivate) other = path + ".pub";
        else if (path.EndsWith(".pub", StringComparison.Ordinal)) other = path[..^4];
        else return;
        if (!File.Exists(other)) return;
        KeyFileInfo otherInfo;
        try { otherInfo = KeyFile.Load(other); }
        catch (KeyFormatException) { return; }
        if (otherInfo.Public is null || otherInfo.Public.Equals(info.Public)) return;
        if (info.IsPrivate == otherInfo.IsPrivate) return;
        var (priv, pub, privKey, pubKey) = info.IsPrivate ? (path, other, info.Public, otherInfo.Public) : (other, path, otherInfo.Public, info.Public);
        var fix = otherInfo.IsPrivate || info.IsPrivate
            ? new[] { $"sshdoctor key public {ShellQuote(priv)} > {ShellQuote(pub)}" }
            : [];
        findings.Add(Finding.Create(FindingId.CLIENT_KEY_PAIR_MISMATCH, Severity.Warning, pub, null, fix,
            (TextArg, "keys.finding.pair_mismatch"), ("private", priv), ("pub", pub),
            ("private_fp", privKey.Sha256Fingerprint), ("pub_fp", pubKey.Sha256Fingerprint)));
    }

    /// <summary>A path for the operator's shell: POSIX quoting (<see cref="HostShell.Quote"/>, the one quoter), or
    /// double quotes on Windows, where these hints are pasted into cmd or PowerShell.</summary>
    public static string ShellQuote(string s) =>
        OperatingSystem.IsWindows() && s.IndexOf('"') < 0 ? "\"" + s + "\"" : HostShell.Quote(s);
}
