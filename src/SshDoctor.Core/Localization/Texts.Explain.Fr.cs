namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> ExplainFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
    };
}
