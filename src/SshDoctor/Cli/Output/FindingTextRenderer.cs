using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Output;

/// <summary>Human output: findings grouped by severity, each blocking one with the commands that fix it.</summary>
public static class FindingTextRenderer
{
    public static void Write(TextWriter w, IReadOnlyCollection<Finding> findings, Messages m, string indent = "")
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
            w.WriteLine($"{indent}{m.Get(heading)}:");
            foreach (var f in group)
            {
                w.WriteLine($"{indent}  [{f.Id}] {m.Message(f)}");
                if (severity == Severity.Info && f.FixCommands.Count == 0) continue;
                w.WriteLine($"{indent}    {m.Get("ui.fix")}: {m.FixSummary(f)}");
                foreach (var command in f.FixCommands)
                    w.WriteLine($"{indent}      $ {command}");
            }
        }
    }
}
