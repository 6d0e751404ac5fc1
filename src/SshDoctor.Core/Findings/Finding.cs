namespace SshDoctor.Core.Findings;

/// <summary>
/// One piece of evidence. <see cref="Args"/> fills the placeholders of the localized message and fix
/// summary (see Localization/Texts.*.cs); <see cref="FixCommands"/> are shell commands for the target,
/// never translated.
/// </summary>
public sealed record Finding(
    FindingId Id,
    Severity Severity,
    string? Path,
    string? User,
    IReadOnlyDictionary<string, string> Args,
    IReadOnlyList<string> FixCommands)
{
    public static Finding Create(FindingId id, Severity severity, string? path = null, string? user = null,
        IReadOnlyList<string>? fix = null, params (string Key, string Value)[] args)
    {
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in args) dict[k] = v;
        if (path is not null) dict.TryAdd("path", path);
        if (user is not null) dict.TryAdd("user", user);
        return new Finding(id, severity, path, user, dict, fix ?? Array.Empty<string>());
    }
}
