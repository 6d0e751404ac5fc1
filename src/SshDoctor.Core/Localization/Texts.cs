namespace SshDoctor.Core.Localization;

/// <summary>
/// The message tables. Each area has one file per language (Texts.Findings.Fr.cs, Texts.Keys.Ja.cs, ...)
/// declaring one dictionary property named {Area}{Lang}; a language's table is the union of its areas.
/// </summary>
/// <remarks>
/// The running program reads a language's tables from those same files, embedded as UTF-8 resources
/// (<see cref="TextTableFile"/>), not from the compiled properties: a string literal in a Native AOT binary is
/// copied into memory at start-up whether it is used or not, and the five languages' texts are most of the
/// program's literals. The properties stay for the tests, which check that both forms agree.
/// </remarks>
internal static partial class Texts
{
    /// <summary>The areas, in the order their tables are merged.</summary>
    public static readonly string[] Areas =
        ["Findings", "Ui", "Keys", "Explain", "Probe", "Repair", "Fix", "Help", "Candidate", "Certs", "Trace", "Ec2", "Ec2Fix", "Ssm"];

    private static readonly IReadOnlyDictionary<string, string>?[] Tables = new IReadOnlyDictionary<string, string>?[5];

    public static IReadOnlyDictionary<string, string> Table(Lang lang) => Tables[(int)lang] ??= Load(lang);

    /// <summary>The file-name suffix of a language's tables: Texts.{Area}.{suffix}.cs.</summary>
    public static string FileSuffix(Lang lang) => lang switch
    {
        Lang.Fr => "Fr",
        Lang.Pt => "Pt",
        Lang.Ko => "Ko",
        Lang.Ja => "Ja",
        _ => "En",
    };

    private static TextTableFile Load(Lang lang)
    {
        var table = new TextTableFile();
        foreach (var area in Areas)
            table.Read("Texts." + area + "." + FileSuffix(lang) + ".cs");
        return table;
    }
}
