using System.CommandLine;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli;

/// <summary>Parse errors in the user's language, with a "did you mean" for a mistyped command or option.</summary>
internal static class UsageErrors
{
    public static IEnumerable<string> Lines(ParseResult result, Messages m)
    {
        var command = result.CommandResult.Command;
        var path = CommandPath(result);
        var unmatched = result.UnmatchedTokens.ToList();
        var afterUnknownOption = false;
        foreach (var token in unmatched)
        {
            var isOption = token.StartsWith('-');
            // The value of a mistyped option is not a second error.
            if (!isOption && afterUnknownOption) { afterUnknownOption = false; continue; }
            afterUnknownOption = isOption;
            var (key, names) = isOption
                ? ("err.unknown_option", command.Options.SelectMany(o => o.Aliases.Prepend(o.Name)))
                : command.Subcommands.Count > 0
                    ? ("err.unknown_command", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))
                    : ("err.unexpected_argument", Enumerable.Empty<string>());
            var line = m.Get(key, ("token", token), ("command", path));
            if (Closest(token, names) is { } guess)
                line += (m.Lang == Lang.Ja ? "" : " ") + m.Get("err.did_you_mean", ("suggestion", isOption ? guess : (path == "sshdoctor" ? "sshdoctor " : path + " ") + guess));
            yield return line;
            if (key == "err.unknown_command") break;
        }
        if (unmatched.Count == 0)
        {
            if (command.Subcommands.Count > 0 && command.Action is null)
                yield return m.Get("err.command_required", ("commands", string.Join(", ", command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name))));
            else if (CliApp.LangArgument(result.Tokens.Select(t => t.Value).ToArray()) is { } lang && LangResolver.TryParse(lang) is null)
                yield return m.Get("err.lang_invalid", ("value", lang));
            else
                foreach (var e in result.Errors)
                    yield return m.Get("err.usage_other", ("command", path), ("detail", string.Join(' ', e.Message.Split((char[])['\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))));
        }
        yield return m.Get("err.try_help", ("help", path + " --help"));
    }

    public static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var r = result.CommandResult; r is not null; r = r.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, r.Command is RootCommand ? "sshdoctor" : r.Command.Name);
        return string.Join(' ', names);
    }

    /// <summary>The nearest name within two edits (or a name the token is a prefix of), if only one is that near.</summary>
    public static string? Closest(string token, IEnumerable<string> names)
    {
        var best = names.Distinct()
            .Select(n => (Name: n, Distance: n.StartsWith(token, StringComparison.Ordinal) && token.TrimStart('-').Length >= 2 ? 0 : Distance(token, n)))
            .Where(x => x.Distance <= Math.Max(1, Math.Min(2, token.Length / 3)))
            .OrderBy(x => x.Distance).ThenBy(x => x.Name, StringComparer.Ordinal)
            .ToList();
        return best.Count > 0 ? best[0].Name : null;
    }

    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }
}
