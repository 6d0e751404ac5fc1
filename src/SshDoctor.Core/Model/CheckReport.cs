using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public sealed record UserReport(string User, Verdict Verdict, IReadOnlyList<Finding> Findings)
{
    /// <summary>Checked without a key: whether any authorized_keys line is usable at all (false: sshd has no key to accept).</summary>
    public bool AnyKeyAuthorized { get; init; } = true;

    /// <summary>Every effective sshd value for this user's connection, with its origin (file:line, drop-in, Match, unit, default).</summary>
    public IReadOnlyList<Sshd.EffectiveValue> Settings { get; init; } = [];

    /// <summary>The values a finding depends on, with their origin.</summary>
    public IReadOnlyList<Sshd.EffectiveValue> SettingsBehind(Finding f) => Sshd.EffectiveListing.Only(Settings, FindingSettings.Of(f.Id));
}

public sealed record CheckReport(
    TargetRoot Root,
    OsRelease Os,
    OpenSshVersion SshdVersion,
    PublicKey? Key,
    IReadOnlyList<UserReport> Users,
    IReadOnlyList<Finding> ServerFindings)
{
    /// <summary>One user: that user's verdict. Several: accepted when any accepts (with a key) or none is blocked (without).</summary>
    public Verdict Verdict
    {
        get
        {
            if (Users.Count == 1) return Users[0].Verdict;
            if (Users.Count == 0) return ServerFindings.Any(f => f.Severity == Severity.Blocking) ? Verdict.Refused : Verdict.Accepted;
            if (Key is not null)
                return Users.Any(u => u.Verdict == Verdict.Accepted) ? Verdict.Accepted
                    : Users.Any(u => u.Verdict == Verdict.Unknown) ? Verdict.Unknown : Verdict.Refused;
            return Users.All(u => u.Verdict == Verdict.Accepted) ? Verdict.Accepted
                : Users.Any(u => u.Verdict == Verdict.Refused) ? Verdict.Refused : Verdict.Unknown;
        }
    }
}
