using SshDoctor.Core.Findings;

namespace SshDoctor.Core.Model;

/// <summary>Collects findings for one user with a compact syntax.</summary>
public sealed class Evidence
{
    private readonly List<Finding> _findings = new();
    public IReadOnlyList<Finding> Findings => _findings;

    public bool HasBlocking => _findings.Any(f => f.Severity == Severity.Blocking);

    public void Add(FindingId id, Severity severity, string? path, IReadOnlyList<string>? fix, params (string, string)[] args) =>
        Add(id, severity, path, null, fix, args);

    public void Add(FindingId id, Severity severity, string? path, string? jsonUser, IReadOnlyList<string>? fix, params (string, string)[] args)
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in args) dict[k] = v;
        if (path is not null) dict.TryAdd("path", path);
        _findings.Add(new Finding(id, severity, path, jsonUser, dict, fix ?? Array.Empty<string>()));
    }

    public void AddRange(IEnumerable<Finding> findings) => _findings.AddRange(findings);

    public void RemoveAll(FindingId id) => _findings.RemoveAll(f => f.Id == id);
}
