using System.Globalization;

namespace SshDoctor.Core.AuthorizedKeys;

public enum OptionErrorKind { None, UnknownOption, Malformed, BadExpiry }

/// <summary>The options of an authorized_keys line, parsed as sshd's sshauthopt_parse does.</summary>
public sealed record KeyOptions
{
    public string? From { get; init; }
    public string? Command { get; init; }
    public string? Principals { get; init; }
    public string? ExpiryText { get; init; }
    public DateTimeOffset? Expiry { get; init; }
    public bool CertAuthority { get; init; }
    public OptionErrorKind Error { get; init; }
    /// <summary>For errors: the offending option text (or sshd's reason).</summary>
    public string? ErrorDetail { get; init; }

    public static readonly KeyOptions None = new();

    private static readonly string[] Flags =
        ["restrict", "cert-authority", "port-forwarding", "agent-forwarding", "x11-forwarding", "touch-required",
         "verify-required", "pty", "user-rc"];

    private static readonly string[] Negatable =
        ["port-forwarding", "agent-forwarding", "x11-forwarding", "touch-required", "verify-required", "pty", "user-rc"];

    private static readonly string[] Valued =
        ["command", "principals", "from", "expiry-time", "environment", "permitopen", "permitlisten", "tunnel"];

    /// <summary>Parses the option string (up to the first unquoted blank).</summary>
    /// <param name="utcWord">accept expiry-time="...UTC" (OpenSSH 9.1+).</param>
    public static KeyOptions Parse(string text, bool utcWord = true)
    {
        var result = new KeyOptions();
        var i = 0;
        while (i < text.Length && text[i] != ' ' && text[i] != '\t')
        {
            var start = i;
            if (TryFlag(text, ref i, out var flag))
            {
                if (flag == "cert-authority") result = result with { CertAuthority = true };
            }
            else if (TryValued(text, ref i, out var name))
            {
                var value = Dequote(text, ref i);
                if (value is null) return Fail(OptionErrorKind.Malformed, text[start..Math.Min(text.Length, i + 1)]);
                switch (name)
                {
                    case "command":
                        if (result.Command is not null) return Fail(OptionErrorKind.Malformed, "multiple \"command\" clauses");
                        result = result with { Command = value };
                        break;
                    case "from":
                        if (result.From is not null) return Fail(OptionErrorKind.Malformed, "multiple \"from\" clauses");
                        result = result with { From = value };
                        break;
                    case "principals":
                        if (result.Principals is not null) return Fail(OptionErrorKind.Malformed, "multiple \"principals\" clauses");
                        result = result with { Principals = value };
                        break;
                    case "expiry-time":
                        var when = ExpiryTime.Parse(value, utcWord);
                        if (when is null) return new KeyOptions { Error = OptionErrorKind.BadExpiry, ErrorDetail = value, ExpiryText = value };
                        if (result.Expiry is null || when < result.Expiry) result = result with { Expiry = when, ExpiryText = value };
                        break;
                    case "environment":
                        var eq = value.IndexOf('=');
                        if (eq <= 0) return Fail(OptionErrorKind.Malformed, $"environment=\"{value}\"");
                        break;
                    case "permitopen":
                    case "permitlisten":
                        if (!ValidPermit(value, allowBarePort: name == "permitlisten")) return Fail(OptionErrorKind.Malformed, $"{name}=\"{value}\"");
                        break;
                    case "tunnel":
                        if (value != "any" && !int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _))
                            return Fail(OptionErrorKind.Malformed, $"tunnel=\"{value}\"");
                        break;
                }
            }
            if (i >= text.Length || text[i] is ' ' or '\t') break;
            if (text[i] != ',')
            {
                var end = text.IndexOfAny([',', ' ', '\t'], start);
                return Fail(OptionErrorKind.UnknownOption, end < 0 ? text[start..] : text[start..end]);
            }
            i++;
            if (i >= text.Length) return Fail(OptionErrorKind.Malformed, "unexpected end-of-options");
        }
        return result;
    }

    /// <summary>handle_permit: "host:port" (hpdelim2), port "*" or a2port &gt; 0; permitlisten allows a bare port.</summary>
    private static bool ValidPermit(string value, bool allowBarePort)
    {
        if (allowBarePort && !value.Contains(':')) value = "*:" + value;
        int end;
        if (value.StartsWith('['))
        {
            end = value.IndexOf(']');
            if (end < 0) return false;
            end++;
        }
        else
        {
            end = value.IndexOfAny([':', '/']);
            if (end < 0) return false; // no port at all
        }
        if (end >= value.Length || value[end] is not (':' or '/')) return false;
        var host = value[..end];
        var port = value[(end + 1)..];
        if (host.Length >= 1025) return false;
        if (port == "*") return true;
        if (port.Length > 0 && port.All(char.IsAsciiDigit))
            return long.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 65535;
        // a2port falls back to getservbyname(3) on the server: a service name may be valid there.
        return port.Length > 0 && char.IsAsciiLetter(port[0]) && port.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
    }

    private static KeyOptions Fail(OptionErrorKind kind, string detail) => new() { Error = kind, ErrorDetail = detail };

    private static bool TryFlag(string text, ref int i, out string flag)
    {
        var at = i;
        var negated = false;
        if (string.Compare(text, at, "no-", 0, 3, StringComparison.OrdinalIgnoreCase) == 0)
        {
            negated = true;
            at += 3;
        }
        foreach (var f in negated ? Negatable : Flags)
        {
            if (string.Compare(text, at, f, 0, f.Length, StringComparison.OrdinalIgnoreCase) != 0) continue;
            // sshd matches flags as prefixes: what follows is checked by the caller (',' or end).
            if (at + f.Length > text.Length) continue;
            i = at + f.Length;
            flag = f;
            return true;
        }
        // "no-" that isn't followed by a negatable flag: try plain flags from the original position.
        if (negated)
            foreach (var f in Flags)
                if (string.Compare(text, i, f, 0, f.Length, StringComparison.OrdinalIgnoreCase) == 0 && i + f.Length <= text.Length)
                {
                    i += f.Length;
                    flag = f;
                    return true;
                }
        flag = "";
        return false;
    }

    private static bool TryValued(string text, ref int i, out string name)
    {
        foreach (var v in Valued)
        {
            if (i + v.Length < text.Length && text[i + v.Length] == '='
                && string.Compare(text, i, v, 0, v.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                i += v.Length + 1;
                name = v;
                return true;
            }
        }
        name = "";
        return false;
    }

    /// <summary>opt_dequote: a value must start with '"'; \" escapes a quote; the end quote is required.</summary>
    private static string? Dequote(string text, ref int i)
    {
        if (i >= text.Length || text[i] != '"') return null;
        i++;
        var sb = new System.Text.StringBuilder();
        while (i < text.Length)
        {
            if (text[i] == '"') break;
            if (text[i] == '\\' && i + 1 < text.Length && text[i + 1] == '"') i++;
            sb.Append(text[i++]);
        }
        if (i >= text.Length) return null;
        i++;
        return sb.ToString();
    }
}
