namespace SshDoctor.Core.Model.Certificates;

/// <summary>
/// One way sshd could accept the certificate (TrustedUserCAKeys, or one cert-authority line) and how it ended:
/// <see cref="CertProblem.None"/> and not <see cref="Conditional"/> means accepted.
/// <see cref="Detail"/> says why a principal did not match (a text key, "@…").
/// </summary>
public sealed record CertPath(string Via, CertProblem Problem, bool Conditional = false, string? Detail = null, string? Pattern = null)
{
    public bool Accepted => Problem == CertProblem.None && !Conditional;
}
