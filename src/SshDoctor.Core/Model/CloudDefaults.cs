using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>The image's default login user: cloud-init's system_info.default_user.name, else the AWS table by distribution.</summary>
public static class CloudDefaults
{
    public static (string User, string Source)? DefaultUser(TargetRoot root, OsRelease os)
    {
        var files = new List<string> { "/etc/cloud/cloud.cfg" };
        files.AddRange(root.ListDirectory("/etc/cloud/cloud.cfg.d").Where(n => n.EndsWith(".cfg", StringComparison.Ordinal))
            .Select(n => "/etc/cloud/cloud.cfg.d/" + n));
        (string, string)? found = null;
        // Later files override earlier ones, as cloud-init merges them.
        foreach (var file in files)
            if (root.ReadText(file, 1024 * 1024) is { } text && FromCloudConfig(text) is { } name)
                found = (name, file);
        if (found is not null) return found;
        var byImage = os.Id switch
        {
            "amzn" or "rhel" or "ol" or "almalinux" or "sles" or "opensuse-leap" => "ec2-user",
            "ubuntu" => "ubuntu",
            "debian" => "admin",
            "centos" => "centos",
            "fedora" => "fedora",
            "rocky" => "rocky",
            "freebsd" => "ec2-user",
            _ => null,
        };
        return byImage is null ? null : (byImage, "/etc/os-release");
    }

    /// <summary>A small reader for the one YAML path we need: system_info: / default_user: / name: X.</summary>
    public static string? FromCloudConfig(string yaml)
    {
        int systemIndent = -1, userIndent = -1;
        foreach (var raw in yaml.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            var trimmed = line.TrimStart();
            if (trimmed.Length == 0 || trimmed.StartsWith('#')) continue;
            var indent = line.Length - trimmed.Length;
            if (systemIndent >= 0 && indent <= systemIndent) systemIndent = userIndent = -1;
            if (userIndent >= 0 && indent <= userIndent) userIndent = -1;
            if (trimmed.StartsWith("system_info:", StringComparison.Ordinal)) { systemIndent = indent; continue; }
            if (systemIndent >= 0 && trimmed.StartsWith("default_user:", StringComparison.Ordinal)) { userIndent = indent; continue; }
            if (userIndent >= 0 && trimmed.StartsWith("name:", StringComparison.Ordinal))
            {
                var value = trimmed[5..].Trim().Trim('"', '\'');
                return value.Length > 0 ? value : null;
            }
        }
        return null;
    }
}
