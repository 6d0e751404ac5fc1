using System.CommandLine;
using System.Text;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Help;

/// <summary>sshdoctor(1) in roff, generated from the command tree and the same texts as --help.</summary>
public static class ManPage
{
    private static string Roff(string s)
    {
        var t = s.Replace("\\", "\\e").Replace("-", "\\-");
        return t.StartsWith('.') || t.StartsWith('\'') ? "\\&" + t : t;
    }

    public static string Render(Command root, Messages m)
    {
        var sb = new StringBuilder();
        sb.Append(".TH SSHDOCTOR 1 \"\" \"sshdoctor\" \"User Commands\"\n");
        sb.Append(".SH NAME\nsshdoctor \\- ").Append(Roff(HelpText.Summary([root], m))).Append('\n');
        sb.Append(".SH SYNOPSIS\n");
        foreach (var chain in HelpText.Walk(root).Skip(1).Where(c => c[^1].Subcommands.Count == 0))
            sb.Append(".B ").Append(Roff(HelpText.Usage(chain))).Append("\n.br\n");
        sb.Append(".SH DESCRIPTION\n").Append(Roff(HelpText.Describe([root], m))).Append('\n');
        foreach (var chain in HelpText.Walk(root).Skip(1))
        {
            sb.Append(".SH ").Append(Roff(string.Join(' ', chain.Skip(1).Select(c => c.Name)).ToUpperInvariant())).Append('\n');
            sb.Append(Roff(HelpText.Describe(chain, m))).Append('\n');
            foreach (var a in chain[^1].Arguments.Where(a => !a.Hidden))
                sb.Append(".TP\n.I ").Append(Roff(a.Name)).Append('\n').Append(Roff(HelpText.Argument(chain, a, m))).Append('\n');
            foreach (var o in HelpText.VisibleOptions(chain[^1]))
                sb.Append(".TP\n.B ").Append(Roff(string.Join(", ", o.Aliases.Where(x => x != o.Name && !x.StartsWith('/')).Append(o.Name)))).Append('\n')
                    .Append(Roff(HelpText.Option(chain, o, m))).Append('\n');
            if (HelpExamples.ByPath.TryGetValue(HelpText.Key(chain), out var examples))
            {
                sb.Append(".PP\n").Append(Roff(m.Label("help.label.examples"))).Append("\n.nf\n");
                foreach (var e in examples) sb.Append(Roff(e)).Append('\n');
                sb.Append(".fi\n");
            }
            if (HelpText.Exit(chain, m) is { } exit) sb.Append(".PP\n").Append(Roff(m.Label("help.label.exit") + " " + exit)).Append('\n');
        }
        sb.Append(".SH SEE ALSO\nssh(1), sshd(8), sshd_config(5), docs/findings.md\n");
        return sb.ToString();
    }
}
