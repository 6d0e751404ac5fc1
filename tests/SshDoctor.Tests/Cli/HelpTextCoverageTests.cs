using System.CommandLine;
using SshDoctor.Cli;
using SshDoctor.Cli.Help;
using SshDoctor.Core.Localization;
using SshDoctor.Tests.Localization;

namespace SshDoctor.Tests.Cli;

/// <summary>Every command of the tree, walked as --help, completion and the man page walk it, has its own texts in each
/// language: its description, its exit codes (a command that runs), each option, each argument and each example's comment.
/// A text missing here would silently fall back to the tree's English.</summary>
public sealed class HelpTextCoverageTests
{
    private static readonly HashSet<string> Common = ["help", "version", "json", "lang", "no_color"];

    [Theory]
    [MemberData(nameof(TextCompletenessTests.EveryLang), MemberType = typeof(TextCompletenessTests))]
    public void Every_command_of_the_tree_has_its_own_texts_in_the_language(Lang lang)
    {
        var texts = Texts.Table(lang);
        var tree = CliApp.BuildTree(TextWriter.Null, TextWriter.Null);
        var missing = new List<string>();
        foreach (var chain in HelpText.Walk(tree))
        {
            var key = HelpText.Key(chain);
            var command = chain[^1];
            Need("help." + key);
            if (chain.Count > 1 && command.Subcommands.Count == 0) Need("help." + key + ".exit");
            foreach (var o in HelpText.VisibleOptions(command))
            {
                var name = o.Name.TrimStart('-').Replace('-', '_');
                if (Common.Contains(name)) continue;
                if (!Enumerable.Range(1, chain.Count).Any(n => texts.ContainsKey("help." + HelpText.Key(chain.Take(n).ToList()) + ".opt." + name)))
                    missing.Add("help." + key + ".opt." + name);
            }
            foreach (var a in command.Arguments.Where(a => !a.Hidden))
                if (!Enumerable.Range(1, chain.Count).Any(n => texts.ContainsKey("help." + HelpText.Key(chain.Take(n).ToList()) + ".arg." + a.Name)))
                    missing.Add("help." + key + ".arg." + a.Name);
            if (HelpExamples.ByPath.TryGetValue(key, out var examples))
                for (var i = 1; i <= examples.Length; i++) Need("help.ex." + key + "." + i);
        }
        Assert.True(missing.Count == 0, lang + " lacks:\n" + string.Join('\n', missing));

        void Need(string k)
        {
            if (!texts.ContainsKey(k)) missing.Add(k);
        }
    }
}
