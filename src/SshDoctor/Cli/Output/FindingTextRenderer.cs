using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>Human output: findings grouped by severity, each blocking one with the commands that fix it.</summary>
public static class FindingTextRenderer
{
    public static void Write(TextWriter w, IReadOnlyCollection<Finding> findings, Messages m, string indent = "",
        Func<Finding, IReadOnlyList<Core.Sshd.EffectiveValue>>? settings = null)
    {
        w = TerminalWriter.Wrap(w);
        foreach (var (severity, heading) in new[]
                 {
                     (Severity.Blocking, "ui.heading.blocking"),
                     (Severity.Warning, "ui.heading.warning"),
                     (Severity.Info, "ui.heading.info"),
                 })
        {
            var group = findings.Where(f => f.Severity == severity).ToList();
            if (group.Count == 0) continue;
            w.WriteLine();
            var paint = severity switch { Severity.Blocking => (Func<string, string>)Colour.Red, Severity.Warning => Colour.Yellow, _ => Colour.Bold };
            w.WriteLine($"{indent}{paint(m.Label(heading))}");
            foreach (var f in group)
            {
                w.WriteLine($"{indent}  {paint("[" + f.Id + "]")} {m.Message(f)}");
                // The effective values behind a blocking or warning finding, and where each was set.
                if (severity != Severity.Info && settings is not null)
                    foreach (var v in settings(f))
                        w.WriteLine($"{indent}    {m.Label("ui.setting")} {OriginText.Line(v, m)}");
                if (severity == Severity.Info && f.FixCommands.Count == 0) continue;
                w.WriteLine($"{indent}    {m.Label("ui.fix")} {m.FixSummary(f)}");
                foreach (var command in f.FixCommands)
                    w.WriteLine($"{indent}      $ {command}");
            }
        }
    }
}
