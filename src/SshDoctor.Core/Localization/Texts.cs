namespace SshDoctor.Core.Localization;

/// <summary>
/// The message tables. Each area has one file per language (Texts.Findings.Fr.cs, Texts.Keys.Ja.cs, ...)
/// declaring one dictionary field named {Area}{Lang}; a language's table is the union of its areas.
/// </summary>
internal static partial class Texts
{
    private static readonly IReadOnlyDictionary<string, string>?[] Tables = new IReadOnlyDictionary<string, string>?[5];

    public static IReadOnlyDictionary<string, string> Table(Lang lang)
    {
        // Built on first use: static fields of the other partial files are initialized by then.
        return Tables[(int)lang] ??= lang switch
        {
            Lang.Fr => Merge(FindingsFr, UiFr, KeysFr, ExplainFr, ProbeFr, RepairFr, FixFr, HelpFr, CandidateFr, CertsFr, TraceFr, Ec2Fr, Ec2FixFr, SsmFr),
            Lang.Pt => Merge(FindingsPt, UiPt, KeysPt, ExplainPt, ProbePt, RepairPt, FixPt, HelpPt, CandidatePt, CertsPt, TracePt, Ec2Pt, Ec2FixPt, SsmPt),
            Lang.Ko => Merge(FindingsKo, UiKo, KeysKo, ExplainKo, ProbeKo, RepairKo, FixKo, HelpKo, CandidateKo, CertsKo, TraceKo, Ec2Ko, Ec2FixKo, SsmKo),
            Lang.Ja => Merge(FindingsJa, UiJa, KeysJa, ExplainJa, ProbeJa, RepairJa, FixJa, HelpJa, CandidateJa, CertsJa, TraceJa, Ec2Ja, Ec2FixJa, SsmJa),
            _ => Merge(FindingsEn, UiEn, KeysEn, ExplainEn, ProbeEn, RepairEn, FixEn, HelpEn, CandidateEn, CertsEn, TraceEn, Ec2En, Ec2FixEn, SsmEn),
        };
    }

    private static Dictionary<string, string> Merge(params IReadOnlyDictionary<string, string>[] parts)
    {
        var all = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var part in parts)
            foreach (var (k, v) in part)
                if (!all.TryAdd(k, v))
                    throw new InvalidOperationException($"text key '{k}' is defined twice");
        return all;
    }
}
