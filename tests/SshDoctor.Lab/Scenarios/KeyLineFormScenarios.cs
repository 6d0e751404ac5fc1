using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K. Forms of an authorized_keys line: options, quoting, from= lists, expiry-time forms, comments, long lines.</summary>
public static class KeyLineFormScenarios
{
    private static LabKey K => LabKeys.Main;
    private static Action<LabTree> Keys(string content) => t => t.Cast().WriteFile(AliceKeys, content, "0600", Alice, Alice);
    private static Scenario Ok(string what, string content) => Accepted("trap: " + what, Keys(content));
    private static Scenario From(string list) =>
        Refused($"KEY_OPTION_FROM: from=\"{list}\"", "KEY_OPTION_FROM", Keys($"from=\"{list}\" {K.Line}\n")) with { LogHas = "not from a permitted host" };

    public static readonly Scenario[] All =
    [
        Ok("command= with escaped quotes", $"command=\"/bin/echo \\\"hi\\\"\" {K.Line}\n"),
        Ok("restrict", $"restrict {K.Line}\n"),
        Ok("restrict,pty,command=", $"restrict,pty,command=\"true\" {K.Line}\n"),
        Ok("option names in upper case (NO-PTY)", $"NO-PTY,No-X11-Forwarding {K.Line}\n"),
        Ok("environment= with PermitUserEnvironment no (ignored)", $"environment=\"LAB=1\" {K.Line}\n"),
        Ok("permitopen=, tunnel=, no-touch-required on a plain key", $"permitopen=\"127.0.0.1:80\",tunnel=\"0\",no-touch-required {K.Line}\n"),
        Refused("KEY_LINE_INVALID: a space after the comma between options", "KEY_LINE_INVALID", Keys($"no-pty, no-X11-forwarding {K.Line}\n")),
        Refused("KEY_LINE_INVALID: unknown option after a known one", "KEY_LINE_INVALID", Keys($"no-pty,frobnicate {K.Line}\n")),
        Refused("KEY_NOT_AUTHORIZED: the key line is commented out", "KEY_NOT_AUTHORIZED", Keys($"# {K.Line}\n")),

        Ok("from= CIDR 127.0.0.0/8", $"from=\"127.0.0.0/8\" {K.Line}\n"),
        Ok("from= list, the client second", $"from=\"10.0.0.0/8,127.0.0.1\" {K.Line}\n"),
        Ok("from= wildcard 127.0.0.*", $"from=\"127.0.0.*\" {K.Line}\n"),
        Ok("from= negation of another address then *", $"from=\"!10.1.1.1,*\" {K.Line}\n"),
        From("!127.0.0.1"),
        From("localhost"),
        From("127.0.0.0/8,!127.0.0.1"),
        Ok("two lines: the first from= refuses, the second admits", $"from=\"10.0.0.0/8\" {K.Line}\n{K.Line}\n"),

        Ok("expiry-time YYYYMMDDHHMM in the future", $"expiry-time=\"209912312359\" {K.Line}\n"),
        Ok("expiry-time YYYYMMDDHHMMSS in the future", $"expiry-time=\"20991231235959\" {K.Line}\n"),
        Refused("KEY_OPTION_EXPIRED: expiry-time YYYYMMDDHHMM in the past", "KEY_OPTION_EXPIRED", Keys($"expiry-time=\"202001010000\" {K.Line}\n")),

        Ok("comment with spaces", $"{K.Line} alice's laptop, 2024 edition\n"),
        Ok("tab between options and key", $"no-pty\t{K.Line}\n"),
        Ok("20000-character comment", $"{K.Line} {new string('c', 20000)}\n"),
        Ok("line-continuation backslash after the key (a comment)", $"{K.Line} \\\nlab\n"),
        Refused("KEY_LINE_INVALID: backslash glued to the base64", "KEY_LINE_INVALID", Keys($"{K.Line}\\\n")),
        Ok("blank lines and comments around the key", $"\n# keys\n\n   \n{K.Line}\n\n"),
        Ok("the key twice", $"{K.Line}\n{K.Line}\n"),
        Ok("CR only at the end of the last line", $"{K.Line}\r"),
    ];
}
