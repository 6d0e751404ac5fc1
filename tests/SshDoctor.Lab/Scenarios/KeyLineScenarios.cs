using System.Text;
using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K. What is written in authorized_keys: damaged lines, encodings, options, revocation.</summary>
public static class KeyLineScenarios
{
    private static LabKey K => LabKeys.Main;

    private static Action<LabTree> Keys(string content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);
    private static Action<LabTree> Keys(byte[] content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);
    private static Scenario Damaged(string what, Action<LabTree> setup) => Refused("KEY_LINE_INVALID: " + what, "KEY_LINE_INVALID", setup);

    public static readonly Scenario[] All =
    [
        Damaged("UTF-8 BOM before the only line", Keys("\uFEFF" + K.Line + "\n")),
        Damaged("key wrapped over two lines", Keys($"{K.Type} {K.Base64[..30]}\n{K.Base64[30..]} lab\n")),
        Damaged("space inside the base64", Keys($"{K.Type} {K.Base64[..24]} {K.Base64[24..]} lab\n")),
        Damaged("no-break space inside the base64", Keys($"{K.Type} {K.Base64[..24]}\u00A0{K.Base64[24..]} lab\n")),
        Damaged("whole line in double quotes", Keys($"\"{K.Line}\"\n")),
        Damaged("PuTTY RFC 4716 block", t => Keys(LabRun.Exec("/usr/bin/ssh-keygen", "-e", "-f", K.PublicPath))(t)),
        Damaged("type label does not match the blob", Keys($"ssh-rsa {K.Base64} lab\n")),
        Damaged("unknown option before the key", Keys($"no-such-option {K.Line}\n")),
        Damaged("stray word before the key", Keys($"alice {K.Line}\n")),
        Damaged("unterminated quote in options", Keys($"command=\"echo hi {K.Line}\n")),

        Refused("AUTHKEYS_ENCODING: UTF-16LE with BOM (PowerShell)", "AUTHKEYS_ENCODING",
            Keys([.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(K.Line + " lab\r\n")])),

        Refused("KEY_OPTION_FROM: from= names another network", "KEY_OPTION_FROM", Keys($"from=\"10.0.0.0/8\" {K.Line}\n"))
            with { LogHas = "not from a permitted host" },
        Refused("KEY_OPTION_EXPIRED: expiry-time in the past", "KEY_OPTION_EXPIRED", Keys($"expiry-time=\"20200101\" {K.Line}\n")),
        Refused("KEY_OPTION_EXPIRED: malformed expiry-time", "KEY_OPTION_EXPIRED", Keys($"expiry-time=\"notadate\" {K.Line}\n")),
        Refused("KEY_OPTION_INVALID: principals= on a plain key", "KEY_OPTION_INVALID", Keys($"principals=\"alice\" {K.Line}\n")),
        Refused("KEY_OPTION_INVALID: cert-authority on a plain key (the line only admits certificates)", "KEY_OPTION_INVALID",
            Keys($"cert-authority {K.Line}\n")),
        Refused("KEY_OPTION_INVALID: from= without quotes", "KEY_OPTION_INVALID", Keys($"from=127.0.0.1 {K.Line}\n")),

        Refused("KEY_REVOKED: key listed in RevokedKeys", "KEY_REVOKED",
            t => t.Cast().Config("RevokedKeys /etc/ssh/revoked_keys").WriteFile("/etc/ssh/revoked_keys", K.Line + "\n"))
            with { LogHas = "revoked" },
        Refused("KEY_REVOKED: RevokedKeys file missing", "KEY_REVOKED",
            t => t.Cast().Config("RevokedKeys /etc/ssh/revoked_keys")),
        Refused("KEY_REVOKED: RevokedKeys is a directory (unreadable as a file)", "KEY_REVOKED",
            t => t.Cast().Config("RevokedKeys /etc/ssh/revoked_keys").Mkdir("/etc/ssh/revoked_keys")),
    ];
}
