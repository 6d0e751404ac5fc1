using System.Collections.Specialized;
using SshDoctor.Ec2Emulator.Http;

namespace SshDoctor.Ec2Emulator.Ec2;

/// <summary>An EC2 Query request's parameters (form body): scalars, "Name.N" lists and "Filter.N.Name/Value.M" filters.</summary>
internal sealed class Ec2Query(NameValueCollection form)
{
    public string? Get(string name) => form[name];

    public string Required(string name) =>
        Get(name) is { Length: > 0 } v ? v : throw ApiError.Ec2("MissingParameter", $"The request must contain the parameter {name}");

    public bool Bool(string name) => string.Equals(Get(name), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>"InstanceId.1", "InstanceId.2" … in order.</summary>
    public List<string> List(string prefix)
    {
        var values = new List<string>();
        for (var i = 1; Get($"{prefix}.{i}") is { } v; i++) values.Add(v);
        return values;
    }

    public List<(string Name, List<string> Values)> Filters()
    {
        var filters = new List<(string, List<string>)>();
        for (var i = 1; Get($"Filter.{i}.Name") is { } name; i++) filters.Add((name, List($"Filter.{i}.Value")));
        return filters;
    }

    /// <summary>
    /// Applies the request's filters to <paramref name="items"/>: each filter name must be known (EC2 answers
    /// InvalidParameterValue otherwise); an item passes when every filter matches one of its values ('*' and '?' wildcards).
    /// </summary>
    public IEnumerable<T> Filter<T>(IEnumerable<T> items, IReadOnlyDictionary<string, Func<T, IEnumerable<string?>>> known)
    {
        var filters = Filters();
        foreach (var (name, _) in filters)
            if (!known.ContainsKey(name) && !name.StartsWith("tag:", StringComparison.Ordinal))
                throw ApiError.Ec2("InvalidParameterValue", $"The filter '{name}' is invalid");
        return items.Where(item => filters.All(f =>
        {
            var getter = known.TryGetValue(f.Name, out var g) ? g : known.TryGetValue("tag:", out var t) ? t : null;
            if (getter is null) return false;
            var have = f.Name.StartsWith("tag:", StringComparison.Ordinal) && known.TryGetValue("tag:", out var tagGetter)
                ? tagGetter(item).Where(v => v != null && v.StartsWith(f.Name[4..] + "=", StringComparison.Ordinal)).Select(v => v![(f.Name.Length - 3)..])
                : getter(item);
            return have.Any(h => h != null && f.Values.Any(v => Wildcard(v, h)));
        }));
    }

    private static bool Wildcard(string pattern, string value)
    {
        if (!pattern.Contains('*') && !pattern.Contains('?')) return pattern == value;
        var regex = "^" + System.Text.RegularExpressions.Regex.Escape(pattern).Replace("\\*", ".*").Replace("\\?", ".") + "$";
        return System.Text.RegularExpressions.Regex.IsMatch(value, regex);
    }
}
