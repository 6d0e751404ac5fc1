using SshDoctor.Lab.Harness;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// One lab case: a tree, a login (user + key), what the real sshd does (its verdict, established in this lab,
/// not guessed) and the blocking finding IDs `check` must report. <see cref="SessionFails"/>: sshd accepts the
/// key but the session cannot start (nologin shell), so ssh exits non-zero although the verdict is "accepted".
/// <see cref="LogHas"/>: a line sshd must log, to prove it refused for the reason the scenario is about.
/// </summary>
public sealed record Scenario(string Name, string Verdict, string[] Blocking, Action<LabTree> Setup)
{
    public string User { get; init; } = "alice";
    public Func<LabKey> Key { get; init; } = () => LabKeys.Main;
    public string? LogHas { get; init; }
    /// <summary>The client `check` is told about (--client); the setup makes the lab's ssh sign like it.</summary>
    public string Client { get; init; } = Claim.CheckClaim.LabClient;
    public bool SessionFails { get; init; }
    /// <summary>false: sshd refuses to start with this tree (invalid config, no host key); the verdict is "refused".</summary>
    public bool SshdStarts { get; init; } = true;
    /// <summary>
    /// A known disagreement of `check` with sshd, reported to the model's owner: the test still asserts sshd's
    /// truth, prints check's answer, and does not fail on it. Remove the mark when check agrees.
    /// </summary>
    public string? KnownGap { get; init; }

    /// <summary>
    /// The symbolic link on the key's path below the home (~/.ssh or ~/.ssh/authorized_keys), when the tree has one.
    /// fix and the repair script never act through a link (design.md), so such a row is not repaired: the lab asserts
    /// the refusal instead (Repair/LinkRefusalTests, Ec2Fix/Ec2FixLinkRefusalTests). Repair/LinkRefusalTests checks
    /// every row's mark against its tree.
    /// </summary>
    public string? KeyPathLink { get; init; }

    /// <summary>Where a judge differs from the row's default (each override verified by running that judge).</summary>
    public IReadOnlyDictionary<string, Func<Scenario, Scenario>> Overrides { get; init; } = new Dictionary<string, Func<Scenario, Scenario>>();

    /// <summary>This row as <paramref name="judge"/> decides it: the default, or that judge's override.</summary>
    public Scenario For(string judge) => Overrides.TryGetValue(judge, out var change) ? change(this) : this;

    /// <summary>The row with <paramref name="change"/> applied on <paramref name="judges"/> only.</summary>
    public Scenario On(IEnumerable<string> judges, Func<Scenario, Scenario> change)
    {
        var overrides = new Dictionary<string, Func<Scenario, Scenario>>(Overrides);
        foreach (var j in judges)
            overrides[j] = overrides.TryGetValue(j, out var before) ? s => change(before(s)) : change;
        return this with { Overrides = overrides };
    }

    public Scenario On(string judge, Func<Scenario, Scenario> change) => On([judge], change);

    /// <summary>On <paramref name="judges"/> sshd refuses to start with this tree: SSHD_CONFIG_INVALID.</summary>
    public Scenario Invalid(IEnumerable<string> judges, string? logHas = null) =>
        On(judges, s => s with { Verdict = "refused", Blocking = ["SSHD_CONFIG_INVALID"], SshdStarts = false, SessionFails = false, LogHas = logHas });

    public Scenario Invalid(string judge, string? logHas = null) => Invalid([judge], logHas);

    public override string ToString() => Name;

    public static Scenario Refused(string name, string id, Action<LabTree> setup) => new(name, "refused", [id], setup);
    public static Scenario Accepted(string name, Action<LabTree> setup) => new(name, "accepted", [], setup);
}

/// <summary>All scenarios, by name (the theory's data are names so test names stay stable and readable).</summary>
public static class ScenarioTable
{
    public static readonly IReadOnlyList<Scenario> All =
        [.. AccountScenarios.All, .. KeyLookupScenarios.All, .. KeyLineScenarios.All, .. ConfigScenarios.All, .. ServerScenarios.All, .. TrapScenarios.All,
         .. CertificateScenarios.All, .. PamAccountScenarios.All, .. LocalMatchScenarios.All,
         .. RevocationScenarios.All, .. MatchIncludeScenarios.All, .. HomeScenarios.All, .. AccountVariantScenarios.All,
         .. KeyLineFormScenarios.All, .. AlgorithmConfigScenarios.All, .. CertificateFormScenarios.All,
         .. KeyPlacementScenarios.All, .. ServiceManagerScenarios.All, .. CryptoPolicyScenarios.All];

    public static Scenario Get(string name) => All.Single(s => s.Name == name);

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var s in All) data.Add(s.Name);
        return data;
    }
}

/// <summary>Disagreements of `check` with the real sshd, reported to the model's owner (shared by scenarios and the differential test).</summary>
public static class Gaps
{
    public const string AuthorizedKeysCommandOutput =
        "the key can only come from the AuthorizedKeysCommand's output, which check does not run: it answers unknown";
}
