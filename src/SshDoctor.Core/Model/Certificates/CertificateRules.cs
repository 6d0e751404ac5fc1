using SshDoctor.Core.Keys;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Core.Model.Certificates;

/// <summary>Why sshd refuses a certificate once its CA is trusted; each maps to one finding.</summary>
public enum CertProblem { None, NotUserCertificate, NotYetValid, Expired, NoPrincipals, NameNotListed, PrincipalNotAuthorized, SourceAddress, SourceAddressUnknown, BadCriticalOption }

/// <summary>sshkey_cert_check_authority and the certificate's critical options, in sshd's order.</summary>
public static class CertificateRules
{
    private static readonly string[] KnownCritical = ["force-command", "source-address", "verify-required"];

    /// <summary>
    /// User certificate, validity window, then principals: with <paramref name="name"/> (no principals file or
    /// command, no principals= option) the user name must be listed.
    /// </summary>
    public static CertProblem Authority(Certificate cert, DateTimeOffset now, string? name, bool requirePrincipal)
    {
        if (cert.Kind != CertificateKind.User) return CertProblem.NotUserCertificate;
        var t = (ulong)Math.Max(0, now.ToUnixTimeSeconds());
        if (t < cert.ValidAfter) return CertProblem.NotYetValid;
        if (t >= cert.ValidBefore) return CertProblem.Expired;
        if (cert.Principals.Count == 0)
            return requirePrincipal ? CertProblem.NoPrincipals : CertProblem.None;
        if (name is not null && !cert.Principals.Contains(name, StringComparer.Ordinal)) return CertProblem.NameNotListed;
        return CertProblem.None;
    }

    /// <summary>sshauthopt_from_cert: an unknown critical option makes sshd refuse the certificate.</summary>
    public static bool CriticalOptionsKnown(Certificate cert) =>
        cert.CriticalOptions.Keys.All(k => KnownCritical.Contains(k, StringComparer.Ordinal));

    /// <summary>
    /// The source-address critical option against the client address (addr_match_cidr_list):
    /// None when it admits the client or is absent; SourceAddressUnknown when no address was given.
    /// </summary>
    public static CertProblem SourceAddress(Certificate cert, string? from)
    {
        if (cert.SourceAddress is not { } list) return CertProblem.None;
        if (from is null) return CertProblem.SourceAddressUnknown;
        // Only addresses and CIDR blocks are allowed here: a wildcard or negation is an invalid list (refused).
        if (list.IndexOfAny(['*', '?', '!']) >= 0) return CertProblem.SourceAddress;
        return Patterns.AddressMatchList(from, list) == 1 ? CertProblem.None : CertProblem.SourceAddress;
    }

    /// <summary>match_principals_option: some principal of the certificate is in the comma list (exact names).</summary>
    public static bool AnyPrincipalIn(Certificate cert, string list)
    {
        var allowed = list.Split(',');
        return cert.Principals.Any(p => allowed.Contains(p, StringComparer.Ordinal));
    }
}
