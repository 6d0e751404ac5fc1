namespace SshDoctor.Core.Localization;

/// <summary>CLDR cardinal plural categories for the integer counts sshdoctor prints.</summary>
public static class PluralRules
{
    /// <summary>"one" or "other". English: one is 1. French and Portuguese (Brazil): one is 0 and 1. Korean, Japanese: other.</summary>
    public static string Category(Lang lang, long n) => lang switch
    {
        Lang.En => n == 1 ? "one" : "other",
        Lang.Fr or Lang.Pt => n is 0 or 1 ? "one" : "other",
        _ => "other",
    };
}
