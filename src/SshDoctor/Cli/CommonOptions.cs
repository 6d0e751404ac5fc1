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

    public CommonOptions() => Lang.AcceptOnlyFromAmong("en", "fr", "pt", "ko", "ja");

    public void AddTo(Command command)
    {
        command.Options.Add(Json);
        command.Options.Add(Lang);
    }

    public Messages MessagesFor(ParseResult result) => Messages.For(LangResolver.Resolve(result.GetValue(Lang)));
}
