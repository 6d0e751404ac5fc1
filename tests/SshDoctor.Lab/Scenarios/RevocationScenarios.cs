using System.Buffers.Binary;
using System.Text;
using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// K/P. RevokedKeys: binary KRLs made with `ssh-keygen -k` (key:, sha1:, sha256:, hash:, serial:, id: specs, per CA
/// and for any CA with -s none), a KRL sshd cannot load, and flat key lists with lines sshkey_in_file cannot read.
/// </summary>
public static class RevocationScenarios
{
    private const string File_ = "/etc/ssh/revoked_keys";
    private static readonly Lock Gate = new();
    private static int _krls;

    private static LabKey K => LabKeys.Main;
    private static LabKey Ca => LabKeys.Get("user-ca", "ed25519");
    private static LabKey OtherCa => LabKeys.Get("other-ca", "ed25519");

    /// <summary>A certificate for alice of a key of its own: ssh-keygen -s CA -I ID -n alice [-z SERIAL].</summary>
    private static Func<LabKey> Cert(string name, ulong serial, string? id = null) => () =>
    {
        lock (Gate)
        {
            var key = LabKeys.Get("krl-" + name, "ed25519");
            var cert = key.PrivatePath + "-cert.pub";
            if (!File.Exists(cert))
            {
                var args = new List<string> { "-q", "-s", Ca.PrivatePath, "-I", id ?? "krl-" + name, "-n", "alice" };
                if (serial != 0) args.AddRange(["-z", serial.ToString()]);
                args.Add(key.PublicPath);
                LabRun.Exec("/usr/bin/ssh-keygen", [.. args]);
            }
            return key with { PublicPath = cert };
        }
    };

    /// <summary>`ssh-keygen -k -f KRL [-s CA.pub | -s none] SPEC`: the KRL's bytes.</summary>
    private static byte[] Krl(string spec, string? ca = null)
    {
        string dir, path;
        lock (Gate)
        {
            dir = Path.Combine(LabRun.Dir, "krl");
            Directory.CreateDirectory(dir);
            path = Path.Combine(dir, "krl-" + ++_krls);
        }
        File.WriteAllText(path + ".spec", spec);
        var args = new List<string> { "-k", "-f", path };
        if (ca is not null) args.AddRange(["-s", ca]);
        args.Add(path + ".spec");
        LabRun.Exec("/usr/bin/ssh-keygen", [.. args]);
        return File.ReadAllBytes(path);
    }

    private static string Pub(LabKey k) => File.ReadAllText(k.PublicPath).Trim();

    private static Action<LabTree> Revoke(Func<byte[]> content, Action<LabTree>? more = null) => t =>
    {
        t.Cast().Config("RevokedKeys " + File_).WriteFile(File_, content());
        more?.Invoke(t);
    };

    private static Action<LabTree> TrustedRevoke(Func<byte[]> content) =>
        Revoke(content, t => t.Config("TrustedUserCAKeys /etc/ssh/user_ca.pub").WriteFile("/etc/ssh/user_ca.pub", Ca.Line + "\n"));

    private static Action<LabTree> TextList(string content) => Revoke(() => Encoding.UTF8.GetBytes(content));

    /// <summary>A KRL header (format 1) and the given raw sections, for what ssh-keygen 9.2 cannot write.</summary>
    private static byte[] RawKrl(params (byte Type, byte[] Data)[] sections)
    {
        var b = new List<byte>("SSHKRL\n\0"u8.ToArray());
        void U32(uint v) { var x = new byte[4]; BinaryPrimitives.WriteUInt32BigEndian(x, v); b.AddRange(x); }
        void Str(byte[] s) { U32((uint)s.Length); b.AddRange(s); }
        U32(1);
        b.AddRange(new byte[24]); // krl_version, generated_date, flags
        Str([]);
        Str([]);
        foreach (var (type, data) in sections) { b.Add(type); Str(data); }
        return [.. b];
    }

    /// <summary>An extension section: name, critical flag, empty value.</summary>
    private static byte[] Extension(string name, bool critical)
    {
        var n = Encoding.ASCII.GetBytes(name);
        var b = new List<byte>();
        var len = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(len, (uint)n.Length);
        b.AddRange(len); b.AddRange(n); b.Add(critical ? (byte)1 : (byte)0); b.AddRange(new byte[4]);
        return [.. b];
    }

    private static string Sha256(LabKey k) => LabRun.Exec("/usr/bin/ssh-keygen", "-l", "-E", "sha256", "-f", k.PublicPath).Split(' ')[1];

    private static Scenario Revoked(string name, Action<LabTree> setup) =>
        Refused("KEY_REVOKED: " + name, "KEY_REVOKED", setup) with { LogHas = "revoked by file" };

    /// <summary>sshd cannot read the file as a KRL or as a key list: it refuses every key.</summary>
    private static Scenario Unreadable(string name, Action<LabTree> setup) =>
        Refused("KEY_REVOKED (every key): " + name, "KEY_REVOKED", setup) with { LogHas = "Error checking authentication key" };

    public static readonly Scenario[] All =
    [
        Revoked("KRL key: the login key", Revoke(() => Krl($"key: {K.Line}\n"))),
        Accepted("trap: KRL key: another key only", Revoke(() => Krl($"key: {LabKeys.Other.Line}\n"))),
        Revoked("KRL sha1: the login key", Revoke(() => Krl($"sha1: {K.Line}\n"))),
        Revoked("KRL sha256: the login key", Revoke(() => Krl($"sha256: {K.Line}\n"))),
        Revoked("KRL hash: SHA256 fingerprint of the login key", Revoke(() => Krl($"hash: {Sha256(K)}\n"))),
        Accepted("trap: KRL hash: fingerprint of another key", Revoke(() => Krl($"hash: {Sha256(LabKeys.Other)}\n"))),
        Revoked("KRL of plain public keys (ssh-keygen -k on a .pub file)", Revoke(() => Krl(Pub(LabKeys.Other) + "\n" + Pub(K) + "\n"))),
        Accepted("trap: an empty KRL (ssh-keygen -k on an empty spec)", Revoke(() => Krl(""))),

        Revoked("KRL serial:7 under the CA, certificate serial 7",
            TrustedRevoke(() => Krl("serial: 7\n", Ca.PublicPath))) with { Key = Cert("s7", 7) },
        Revoked("KRL serial:1-10 range under the CA, certificate serial 5",
            TrustedRevoke(() => Krl("serial: 1-10\n", Ca.PublicPath))) with { Key = Cert("s5", 5) },
        Accepted("trap: KRL serial:7 under the CA, certificate serial 8",
            TrustedRevoke(() => Krl("serial: 7\n", Ca.PublicPath))) with { Key = Cert("s8", 8) },
        Accepted("trap: KRL serial:7 under another CA, certificate serial 7 from the trusted CA",
            TrustedRevoke(() => Krl("serial: 7\n", OtherCa.PublicPath))) with { Key = Cert("s7", 7) },
        Revoked("KRL serial:7 for any CA (-s none), certificate serial 7",
            TrustedRevoke(() => Krl("serial: 7\n", "none"))) with { Key = Cert("s7", 7) },
        Accepted("trap: KRL scattered even serials 100-180, certificate serial 121",
            TrustedRevoke(() => Krl(string.Concat(Enumerable.Range(0, 41).Select(i => $"serial: {100 + 2 * i}\n")), Ca.PublicPath)))
            with { Key = Cert("s121", 121) },
        Revoked("KRL scattered even serials 100-180, certificate serial 140",
            TrustedRevoke(() => Krl(string.Concat(Enumerable.Range(0, 41).Select(i => $"serial: {100 + 2 * i}\n")), Ca.PublicPath)))
            with { Key = Cert("s140", 140) },
        Revoked("KRL id: the certificate's key ID under the CA",
            TrustedRevoke(() => Krl("id: krl-laptop\n", Ca.PublicPath))) with { Key = Cert("laptop", 3, "krl-laptop") },
        Accepted("trap: KRL id: another key ID",
            TrustedRevoke(() => Krl("id: krl-desktop\n", Ca.PublicPath))) with { Key = Cert("laptop", 3, "krl-laptop") },
        Revoked("KRL id: for any CA (-s none), certificate without a serial",
            TrustedRevoke(() => Krl("id: krl-noserial\n", "none"))) with { Key = Cert("noserial", 0, "krl-noserial") },
        Revoked("KRL key: the certificate's own key (revokes its certificates)",
            TrustedRevoke(() => Krl($"key: {LabKeys.Get("krl-s9", "ed25519").Line}\n"))) with { Key = Cert("s9", 9) },
        Revoked("KRL key: the CA key", TrustedRevoke(() => Krl($"key: {Ca.Line}\n"))) with { Key = Cert("s9", 9) },
        Revoked("KRL of a certificate line with serial 11 (revokes serial 11 under its CA)",
            TrustedRevoke(() => Krl(File.ReadAllText(Cert("s11", 11)().PublicPath)))) with { Key = Cert("s11", 11) },

        // Hand-made sections: an extension section is known from 9.4 (a non-critical one is skipped); before, any
        // unknown section type makes the KRL unloadable.
        Accepted("trap: KRL with a non-critical extension section (9.4+ skips it)",
                Revoke(() => RawKrl((255, Extension("lab@sshdoctor", critical: false)))))
            .On([Bookworm, Bullseye, Upstream92], s => s with
            {
                Verdict = "refused", Blocking = ["KEY_REVOKED"], LogHas = "Error checking authentication key",
            }),
        Unreadable("KRL with a critical extension section", Revoke(() => RawKrl((255, Extension("lab@sshdoctor", critical: true))))),
        Unreadable("KRL magic followed by garbage", Revoke(() => [.. "SSHKRL\n\0"u8.ToArray(), .. "garbage"u8.ToArray()])),
        Unreadable("KRL with an unknown section type 9", Revoke(() => RawKrl((9, [])))),

        // Flat key lists (sshkey_in_file).
        Revoked("text list with a comment, another key, the login key",
            TextList($"# revoked\n\n{LabKeys.Other.Line} old\n   {K.Line} lost laptop\n")),
        Accepted("trap: text list with comments and another key only", TextList($"# revoked\n{LabKeys.Other.Line} old\n")),
        Accepted("trap: empty RevokedKeys file", TextList("")),
        Accepted("trap: RevokedKeys file mode 0000 (sshd reads it as root)",
            t => { TextList($"{LabKeys.Other.Line}\n")(t); t.Chmod(File_, "0000"); }),
        Unreadable("text list with an authorized_keys option before a key", TextList($"command=\"true\" {LabKeys.Other.Line}\n")),
        Unreadable("text list with a stray word line", TextList($"{LabKeys.Other.Line}\nlaptop\n")),
        Accepted("trap: text list with CRLF endings", TextList($"{LabKeys.Other.Line} old\r\n")),
        Unreadable("text list with CRLF endings and an empty line", TextList($"{LabKeys.Other.Line} old\r\n\r\n")),
        Revoked("text list naming the certificate's CA",
            TrustedRevoke(() => Encoding.UTF8.GetBytes(Ca.Line + "\n"))) with { Key = Cert("s9", 9) },
        Revoked("text list naming the certificate itself",
            TrustedRevoke(() => File.ReadAllBytes(Cert("s12", 12)().PublicPath))) with { Key = Cert("s12", 12) },
        // ssh-dss is compiled out from 9.8: the line cannot be read, and every key is refused.
        Accepted("trap: text list holding another DSA key",
                Revoke(() => Encoding.UTF8.GetBytes(LabKeys.Get("dsa-other", "dsa").Line + "\n")))
            .On(Ten, s => s with { Verdict = "refused", Blocking = ["KEY_REVOKED"], LogHas = "Error checking authentication key" }),
        Accepted("trap: RevokedKeys none", t => t.Cast().Config("RevokedKeys none")),
    ];
}
