using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>
/// Messages for findings that explain and logs infer without reading the target: the finding's own
/// sentence when the facts at hand fill all its placeholders, else the "what to check" sentence.
/// </summary>
public static class HypothesisText
{
    public static string Message(Messages m, Finding f)
    {
        var text = m.Message(f);
        return Complete(text, f.Id + ".message") ? text : m.Get("explain.check." + f.Id);
    }

    public static string FixSummary(Messages m, Finding f, string fallbackKey, string command)
    {
        var text = m.FixSummary(f);
        return Complete(text, f.Id + ".fix") ? text : m.Get(fallbackKey, ("command", command));
    }

    public static FindingJson Json(Messages m, Finding f, string fallbackKey, string command) =>
        new(f.Id.ToString(), FindingJson.SeverityName(f.Severity), f.Path, f.User, Message(m, f),
            new FixJson(FixSummary(m, f, fallbackKey, command), f.FixCommands.Count > 0 ? f.FixCommands : [command]));

    private static bool Complete(string text, string key) => text != key && !Messages.Placeholders(text).Any();
}
