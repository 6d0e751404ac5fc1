using System.CommandLine;
using System.Text;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Help;

/// <summary>
/// The localized texts of the command tree (help.PATH, help.PATH.opt.NAME, help.PATH.arg.NAME), shared by
/// --help, the completion scripts and the man page. A text missing in the tables falls back to the tree's English.
/// </summary>
public static class HelpText
{
    public static string Key(IReadOnlyList<Command> chain) =>
        chain.Count <= 1 ? "root" : string.Join('.', chain.Skip(1).Select(c => c.Name));

    public static string Describe(IReadOnlyList<Command> chain, Messages m)
    {
        var key = "help." + Key(chain);
        return Has(m, key) ? m.Get(key) : chain[^1].Description ?? "";
    }

    public static string Summary(IReadOnlyList<Command> chain, Messages m)
    {
        var text = Describe(chain, m);
        // The first sentence: a period followed by a space (never the one in ~/.ssh, 7.4 or .ppk), or 。.
        var cut = text.IndexOf(". ", StringComparison.Ordinal);
        var ja = text.IndexOf('。');
        if (ja >= 0 && (cut < 0 || ja < cut)) cut = ja;
        return cut > 0 ? text[..cut] : text.TrimEnd('.', '。');
    }

    public static string? Exit(IReadOnlyList<Command> chain, Messages m) =>
        Has(m, "help." + Key(chain) + ".exit") ? m.Get("help." + Key(chain) + ".exit") : null;

    public static string Option(IReadOnlyList<Command> chain, Option o, Messages m)
    {
        var name = o.Name.TrimStart('-').Replace('-', '_');
        if (name is "help" or "version" or "json" or "lang" or "no_color") return m.Get("help.opt." + name);
        for (var n = chain.Count; n >= 1; n--)
        {
            var key = "help." + Key(chain.Take(n).ToList()) + ".opt." + name;
            if (Has(m, key)) return m.Get(key);
        }
        return o.Description ?? "";
    }

    public static string Argument(IReadOnlyList<Command> chain, Argument a, Messages m)
    {
        for (var n = chain.Count; n >= 1; n--)
        {
            var key = "help." + Key(chain.Take(n).ToList()) + ".arg." + a.Name;
            if (Has(m, key)) return m.Get(key);
        }
        return a.Description ?? "";
    }

    private static bool Has(Messages m, string key) => m.Template(key).Length > 0;

    /// <summary>Every command of the tree with the chain of commands leading to it (root first).</summary>
    public static IEnumerable<IReadOnlyList<Command>> Walk(Command root)
    {
        var stack = new Stack<List<Command>>();
        stack.Push([root]);
        while (stack.Count > 0)
        {
            var chain = stack.Pop();
            yield return chain;
            foreach (var sub in chain[^1].Subcommands.Where(s => !s.Hidden).Reverse()) stack.Push([.. chain, sub]);
        }
    }

    public static IEnumerable<Option> VisibleOptions(Command c) => c.Options.Where(o => !o.Hidden);

    public static string Usage(IReadOnlyList<Command> chain)
    {
        var sb = new StringBuilder("sshdoctor");
        foreach (var c in chain.Skip(1)) sb.Append(' ').Append(c.Name);
        var last = chain[^1];
        if (last.Subcommands.Count > 0) sb.Append(" <command>");
        foreach (var a in last.Arguments.Where(a => !a.Hidden))
            sb.Append(' ').Append(a.Arity.MinimumNumberOfValues == 0 ? $"[{a.Name}...]" : $"<{a.Name}>");
        if (VisibleOptions(last).Any()) sb.Append(" [options]");
        return sb.ToString();
    }
}
