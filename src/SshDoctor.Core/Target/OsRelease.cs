namespace SshDoctor.Core.Target;

/// <summary>/etc/os-release (or /usr/lib/os-release) of the target.</summary>
public sealed record OsRelease(string Id, string VersionId, IReadOnlyList<string> IdLike, string PrettyName)
{
    public static readonly OsRelease Unknown = new("unknown", "", [], "unknown");

    public static OsRelease Load(TargetRoot root)
    {
        var text = root.ReadText("/etc/os-release") ?? root.ReadText("/usr/lib/os-release");
        return text is null ? Unknown : Parse(text);
    }

    public static OsRelease Parse(string text)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            var eq = line.IndexOf('=');
            if (eq <= 0 || line.StartsWith('#')) continue;
            values[line[..eq]] = line[(eq + 1)..].Trim().Trim('"', '\'');
        }
        var id = values.GetValueOrDefault("ID", "unknown").ToLowerInvariant();
        return new OsRelease(
            id,
            values.GetValueOrDefault("VERSION_ID", ""),
            values.GetValueOrDefault("ID_LIKE", "").ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries),
            values.GetValueOrDefault("PRETTY_NAME", id));
    }

    /// <summary>Debian and Ubuntu patch sshd to allow a group-writable path when the group is the user's private group.</summary>
    public bool IsDebianFamily => Id is "debian" or "ubuntu" || IdLike.Contains("debian") || IdLike.Contains("ubuntu");

    public bool IsRedHatFamily => Id is "rhel" or "centos" or "fedora" or "amzn" or "rocky" or "almalinux" or "ol"
        || IdLike.Contains("rhel") || IdLike.Contains("fedora");
}
