using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model.Certificates;

/// <summary>
/// user_cert_trusted_ca: the CA listed in TrustedUserCAKeys, then principals from AuthorizedPrincipalsFile or
/// AuthorizedPrincipalsCommand (else the user name), the validity window, then the options. Null when this
/// path does not apply (no TrustedUserCAKeys, or the CA is not in it): sshd then tries the authorized keys files.
/// </summary>
public static class TrustedCaPath
{
    public static CertPath? Run(TargetContext ctx, EffectiveConfig cfg, Account account, Certificate cert, string? from)
    {
        var caFile = cfg.Value("trustedusercakeys", "none");
        if (caFile.Value.Equals("none", StringComparison.OrdinalIgnoreCase)) return null;
        // Read as root; an unreadable file lists no CA.
        var text = ctx.Root.ReadText(caFile.Value, 16 * 1024 * 1024);
        if (text is null || !Lists(text, cert.SignatureKey)) return null;
        var via = $"TrustedUserCAKeys {caFile.Value} ({caFile.Where})";

        var fileSetting = cfg.Value("authorizedprincipalsfile", "none");
        var command = cfg.Value("authorizedprincipalscommand", "none");
        var useFile = !fileSetting.Value.Equals("none", StringComparison.OrdinalIgnoreCase);
        var useCommand = !command.Value.Equals("none", StringComparison.OrdinalIgnoreCase);
        KeyOptions? lineOptions = null;
        string? detail = null;
        if (useFile)
        {
            var path = KeyFilePaths.Expand(fileSetting.Value, account, ctx.Accounts, out _);
            if (path is null) return new CertPath(via, CertProblem.PrincipalNotAuthorized, Detail: "@cert.principals.bad_token", Pattern: fileSetting.Value);
            var state = AuthorizedFileProbe.Probe(ctx, account, fileSetting.Value, path, cfg.StrictModes.Value);
            detail = state.Gate switch
            {
                FileGate.HomeMissing or FileGate.DirMissing or FileGate.FileMissing => "@cert.principals.missing",
                FileGate.Unreadable or FileGate.NotRegular => "@cert.principals.unreadable",
                FileGate.Strict => "@cert.principals.unsafe",
                _ => null,
            };
            if (detail is null)
            {
                lineOptions = Match(state.Text ?? "", cert);
                if (lineOptions is null) detail = "@cert.principals.not_listed";
            }
            if (lineOptions is null && !useCommand)
                return new CertPath(via, CertProblem.PrincipalNotAuthorized, Detail: detail, Pattern: path);
        }
        if (lineOptions is null && useCommand)
            // The principals may come from a command sshdoctor does not run: undecided, like AuthorizedKeysCommand.
            return new CertPath(via, CertProblem.PrincipalNotAuthorized, Conditional: true, Detail: command.Value, Pattern: command.Where);

        var authority = CertificateRules.Authority(cert, ctx.Now, useFile || useCommand ? null : account.Name, requirePrincipal: true);
        if (authority != CertProblem.None) return new CertPath(via, authority);
        if (!CertificateRules.CriticalOptionsKnown(cert)) return new CertPath(via, CertProblem.BadCriticalOption);
        if (lineOptions is { } o && LineOptions(o, ctx.Now, from) is { } p) return p with { Via = via };
        var source = CertificateRules.SourceAddress(cert, from);
        if (source == CertProblem.SourceAddressUnknown) return new CertPath(via, CertProblem.None, Conditional: true, Pattern: cert.SourceAddress);
        return new CertPath(via, source);
    }

    /// <summary>Options of a principals line or a cert-authority line: expiry-time, then from=.</summary>
    internal static CertPath? LineOptions(KeyOptions o, DateTimeOffset now, string? from)
    {
        if (o.Expiry is { } e && e < now) return new CertPath("", CertProblem.Expired, Detail: "@cert.validity.line_expired");
        if (o.From is { } pattern)
        {
            if (from is null) return new CertPath("", CertProblem.None, Conditional: true, Pattern: $"from=\"{pattern}\"");
            if (Patterns.HostAndIp(from, from, pattern) != 1) return new CertPath("", CertProblem.SourceAddress, Pattern: $"from=\"{pattern}\"");
        }
        return null;
    }

    private static bool Lists(string text, PublicKey ca)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line[0] == '#') continue;
            if (PublicKey.FromOpenSshLine(line) is { } k && k.Equals(ca)) return true;
        }
        return false;
    }

    /// <summary>
    /// auth_process_principals: per line, the last word is a principal and anything before it options;
    /// the first line naming one of the certificate's principals wins (its options apply).
    /// </summary>
    internal static KeyOptions? Match(string text, Certificate cert)
    {
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim(' ', '\t', '\r');
            if (line.Length == 0 || line[0] == '#') continue;
            var cut = line.LastIndexOfAny([' ', '\t']);
            var principal = cut < 0 ? line : line[(cut + 1)..];
            var options = cut < 0 ? KeyOptions.None : KeyOptions.Parse(line[..cut].TrimEnd(' ', '\t'));
            if (options.Error != OptionErrorKind.None) continue;
            if (cert.Principals.Contains(principal, StringComparer.Ordinal)) return options;
        }
        return null;
    }
}
