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
    public bool SessionFails { get; init; }
    /// <summary>false: sshd refuses to start with this tree (invalid config, no host key); the verdict is "refused".</summary>
    public bool SshdStarts { get; init; } = true;
    /// <summary>
    /// A known disagreement of `check` with sshd, reported to the model's owner: the test still asserts sshd's
    /// truth, prints check's answer, and does not fail on it. Remove the mark when check agrees.
    /// </summary>
    public string? KnownGap { get; init; }

    public override string ToString() => Name;

    public static Scenario Refused(string name, string id, Action<LabTree> setup) => new(name, "refused", [id], setup);
    public static Scenario Accepted(string name, Action<LabTree> setup) => new(name, "accepted", [], setup);
}

/// <summary>All scenarios, by name (the theory's data are names so test names stay stable and readable).</summary>
public static class ScenarioTable
{
    public static readonly IReadOnlyList<Scenario> All =
        [.. AccountScenarios.All, .. KeyLookupScenarios.All, .. KeyLineScenarios.All, .. ConfigScenarios.All, .. ServerScenarios.All, .. TrapScenarios.All];

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
    public const string RsaSha512 =
        "check accepts an RSA key when PubkeyAcceptedAlgorithms drops rsa-sha2-512 but keeps rsa-sha2-256; sshd 9.2 still advertises " +
        "rsa-sha2-512 in server-sig-algs, the client signs with it, is refused, and does not retry with rsa-sha2-256";
    public const string NologinWithoutPam =
        "check reports NOLOGIN_FILE as blocking with UsePAM no; sshd accepts the key (Accepted publickey) and only the session " +
        "prints /etc/nologin and exits 254, like a nologin shell (causes.md: NOLOGIN_FILE needs UsePAM yes)";
    public const string CloudInitRoot =
        "check calls CLOUD_INIT_ROOT_DISABLED blocking and says refused; sshd accepts the key and the forced command ends the session " +
        "(exit 142), like a nologin shell, which check reports as a warning: per causes.md 'blocking = sshd refuses', a warning";
    public const string CertAuthority =
        "check accepts a plain key on a cert-authority line; sshd 9.2 only admits certificates signed by that key there and refuses the key itself";
    public const string StrictModesInMatch =
        "check calls StrictModes inside a Match block SSHD_CONFIG_INVALID; sshd 9.2 starts, allows it and applies it";
    public const string NoAuthorizedKeysCommand = "check does not model AuthorizedKeysCommand yet (it answers from the files alone)";
}
