using System.CommandLine;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli;

/// <summary>--json and --lang, which every command takes.</summary>
public sealed class CommonOptions
{
    public Option<bool> Json { get; } = new("--json") { Description = "Print one JSON document on stdout (schema 1) and nothing else." };
    public Option<string?> Lang { get; } = new("--lang")
    {
        Description = "Language of messages: en, fr, pt, ko, ja (default: from LC_ALL, LC_MESSAGES, LANG; else en).",
    };

    public Option<bool> NoColor { get; } = new("--no-color") { Description = "No colour, even on a terminal (NO_COLOR=1 does the same)." };

    public CommonOptions() => Lang.AcceptOnlyFromAmong("en", "fr", "pt", "ko", "ja");

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Lang);
        command.Options.Add(NoColor);
    }

    /// <summary>The user's language; also decides colour, since every command calls this once its options are parsed.</summary>
    public Messages MessagesFor(ParseResult result)
    {
        var json = result.CommandResult.Command.Options.Contains(Json) && result.GetValue(Json);
        var noColor = result.CommandResult.Command.Options.Contains(NoColor) && result.GetValue(NoColor);
        Output.Colour.Decide(noColor, json);
        return Messages.For(LangResolver.Resolve(result.GetValue(Lang)));
    }
}
