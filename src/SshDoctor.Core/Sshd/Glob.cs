using SshDoctor.Core.Target;

namespace SshDoctor.Core.Sshd;

/// <summary>glob(3) for Include: '*' and '?' in any component, results sorted, inside the target.</summary>
internal static class Glob
{
    public static IEnumerable<string> Expand(TargetRoot root, string pattern)
    {
        var parts = pattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var current = new List<string> { "" };
        foreach (var part in parts)
        {
            var next = new List<string>();
            var wild = part.IndexOfAny(['*', '?']) >= 0;
            foreach (var dir in current)
            {
                if (!wild)
                {
                    next.Add(dir + "/" + part);
                    continue;
                }
                foreach (var name in root.ListDirectory(dir.Length == 0 ? "/" : dir))
                    if (!name.StartsWith('.') && Patterns.Match(name, part))
                        next.Add(dir + "/" + name);
            }
            current = next;
        }
        return current.Where(p => root.Stat(p).Kind == FileKind.Regular).Order(StringComparer.Ordinal).ToList();
    }
}
