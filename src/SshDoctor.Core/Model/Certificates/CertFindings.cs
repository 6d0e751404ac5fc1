using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Model.Certificates;

/// <summary>Turns how each certificate path ended into findings (one per kind of problem).</summary>
public static class CertFindings
{
    public static void Report(Evidence ev, IReadOnlyList<CertPath> paths, Certificate cert, string user, string? from)
    {
        var seen = new HashSet<FindingId>();
        foreach (var p in paths)
        {
            if (p.Conditional)
            {
                if (p.Problem == CertProblem.PrincipalNotAuthorized)
                    ev.Add(FindingId.CERT_PRINCIPALS_COMMAND, Severity.Info, null, [], ("command", p.Detail ?? ""), ("source", p.Pattern ?? ""));
                else
                    ev.Add(FindingId.ADDRESS_CONDITION, Severity.Info, null, [], ("pattern", p.Pattern ?? ""), ("source", p.Via));
                continue;
            }
            var id = Id(p.Problem);
            if (id is null || !seen.Add(id.Value)) continue;
            var principals = cert.Principals.Count == 0 ? "-" : string.Join(",", cert.Principals);
            switch (id.Value)
            {
                case FindingId.CERT_VALIDITY:
                    ev.Add(id.Value, Severity.Blocking, null, [],
                        ("via", p.Via), ("detail", p.Detail ?? ValidityDetail(p.Problem)), ("key_id", cert.KeyId),
                        ("valid_after", Certificate.FormatTime(cert.ValidAfter, false)), ("valid_before", Certificate.FormatTime(cert.ValidBefore, true)));
                    break;
                case FindingId.CERT_PRINCIPAL_MISMATCH:
                    ev.Add(id.Value, Severity.Blocking, p.Pattern is { } path && path.StartsWith('/') ? path : null, [],
                        ("user", user), ("via", p.Via), ("principals", principals), ("key_id", cert.KeyId),
                        ("detail", p.Detail ?? (p.Problem == CertProblem.NoPrincipals ? "@cert.principals.none" : "@cert.principals.name_not_listed")));
                    break;
                case FindingId.CERT_SOURCE_ADDRESS:
                    ev.Add(id.Value, Severity.Blocking, null, [],
                        ("via", p.Via), ("pattern", p.Pattern ?? $"source-address {cert.SourceAddress}"), ("from", from ?? ""));
                    break;
                case FindingId.KEY_OPTION_INVALID:
                    ev.Add(id.Value, Severity.Blocking, null, [], ("line", "-"),
                        ("option", string.Join(",", cert.CriticalOptions.Keys)));
                    break;
            }
        }
    }

    /// <summary>No fix command: whether to trust a CA is the administrator's decision, never sshdoctor's.</summary>
    public static void Untrusted(Evidence ev, Certificate cert, string user) =>
        ev.Add(FindingId.CERT_CA_UNTRUSTED, Severity.Blocking, null, [],
            ("user", user), ("ca", cert.SignatureKey.Sha256Fingerprint), ("key_id", cert.KeyId));

    private static FindingId? Id(CertProblem p) => p switch
    {
        CertProblem.NotUserCertificate or CertProblem.NotYetValid or CertProblem.Expired => FindingId.CERT_VALIDITY,
        CertProblem.NoPrincipals or CertProblem.NameNotListed or CertProblem.PrincipalNotAuthorized => FindingId.CERT_PRINCIPAL_MISMATCH,
        CertProblem.SourceAddress => FindingId.CERT_SOURCE_ADDRESS,
        CertProblem.BadCriticalOption => FindingId.KEY_OPTION_INVALID,
        _ => null,
    };

    private static string ValidityDetail(CertProblem p) => p switch
    {
        CertProblem.NotYetValid => "@cert.validity.not_yet_valid",
        CertProblem.NotUserCertificate => "@cert.validity.host_certificate",
        _ => "@cert.validity.expired",
    };
}
