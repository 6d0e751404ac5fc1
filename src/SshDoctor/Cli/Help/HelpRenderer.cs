using System.CommandLine;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Help;

/// <summary>`--help` in the user's language: description, usage, commands, arguments, options, examples, exit codes.</summary>
public static class HelpRenderer
{
    public static void Write(TextWriter w, IReadOnlyList<Command> chain, Messages m)
    {
        var command = chain[^1];
        var key = HelpText.Key(chain);
        w.WriteLine(HelpText.Describe(chain, m));
        w.WriteLine();
        w.WriteLine(m.Label("help.label.usage"));
        w.WriteLine("  " + HelpText.Usage(chain));
        var subs = command.Subcommands.Where(c => !c.Hidden).ToList();
        if (subs.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Label("help.label.commands"));
            Table(w, subs.Select(s => (s.Name, HelpText.Summary([.. chain, s], m))));
        }
        var args = command.Arguments.Where(a => !a.Hidden).ToList();
        if (args.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Label("help.label.arguments"));
            Table(w, args.Select(a => (a.Name, HelpText.Argument(chain, a, m))));
        }
        var options = HelpText.VisibleOptions(command).ToList();
        if (options.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Label("help.label.options"));
            Table(w, options.Select(o => (string.Join(", ", o.Aliases.Where(a => a != o.Name && !a.StartsWith('/')).Append(o.Name)), HelpText.Option(chain, o, m))));
        }
        if (HelpExamples.ByPath.TryGetValue(key, out var examples))
        {
            w.WriteLine();
            w.WriteLine(m.Label("help.label.examples"));
            var width = examples.Max(e => e.Length) + 2;
            for (var i = 0; i < examples.Length; i++)
            {
                var comment = "help.ex." + key + "." + (i + 1);
                w.WriteLine(m.Template(comment).Length > 0 ? $"  {examples[i].PadRight(width)}# {m.Get(comment)}" : "  " + examples[i]);
            }
        }
        if (HelpText.Exit(chain, m) is { } exit)
        {
            w.WriteLine();
            w.WriteLine(m.Label("help.label.exit") + " " + exit);
        }
    }

    private static void Table(TextWriter w, IEnumerable<(string Left, string Right)> rows)
    {
        var list = rows.ToList();
        var width = Math.Min(28, list.Max(r => r.Left.Length) + 2);
        foreach (var (left, right) in list)
            w.WriteLine(left.Length + 2 > width ? $"  {left}\n  {new string(' ', width)}{right}" : $"  {left.PadRight(width)}{right}");
    }

    /// <summary>The chain of commands the arguments name (root first): `key convert --help` → root, key, convert.</summary>
    public static List<Command> Resolve(Command root, string[] args)
    {
        var chain = new List<Command> { root };
        foreach (var a in args)
        {
            if (a.StartsWith('-')) continue;
            var next = chain[^1].Subcommands.FirstOrDefault(c => c.Name == a);
            if (next is null) break;
            chain.Add(next);
        }
        return chain;
    }
}
