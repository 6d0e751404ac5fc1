using System.Text;
using System.Text.RegularExpressions;

namespace SshDoctor.Core.Target;

/// <summary>
/// The directory sshd was built with as SSHDIR (./configure --sysconfdir): a relative Include is read from there.
/// Distribution packages use /etc/ssh; an sshd built from source keeps its prefix (/usr/local/etc by default),
/// which its binary names in its compiled-in "SSHDIR/sshd_config" path.
/// </summary>
public static partial class SshdSysconfDir
{
    public const string Default = "/etc/ssh";

    public static string Detect(TargetRoot root, OpenSshVersion version)
    {
        if (version.Source == "dpkg") return Default;
        foreach (var path in new[] { "/usr/sbin/sshd", "/usr/local/sbin/sshd" })
        {
            var bytes = root.ReadBytes(path, 64 * 1024 * 1024);
            if (bytes is null) continue;
            var m = ConfigPath().Match(Encoding.Latin1.GetString(bytes));
            return m.Success ? m.Groups[1].Value : Default;
        }
        return Default;
    }

    [GeneratedRegex(@"\0(/[\x21-\x7e]{0,200}?)/sshd_config\0")]
    private static partial Regex ConfigPath();
}
