using System.Text;
using System.Text.RegularExpressions;

namespace SshDoctor.Core.Target;

/// <summary>An OpenSSH portable version such as 9.2p1, comparable by major.minor.</summary>
public sealed partial record OpenSshVersion(int Major, int Minor, string Text, string Source) : IComparable<OpenSshVersion>
{
    public bool AtLeast(int major, int minor) => Major > major || (Major == major && Minor >= minor);
    public int CompareTo(OpenSshVersion? other) =>
        other is null ? 1 : Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static OpenSshVersion? TryParse(string text, string source)
    {
        var m = VersionNumber().Match(text);
        return m.Success ? new OpenSshVersion(int.Parse(m.Groups[1].Value), int.Parse(m.Groups[2].Value), m.Value, source) : null;
    }

    [GeneratedRegex(@"(\d+)\.(\d+)(p\d+)?")]
    private static partial Regex VersionNumber();
}

/// <summary>Finds the target's sshd version: package database, else the binary, else the distribution's default.</summary>
public static partial class SshdVersionDetector
{
    public static OpenSshVersion Detect(TargetRoot root, OsRelease os)
    {
        return FromDpkg(root) ?? FromBinary(root) ?? FromDistribution(os);
    }

    private static OpenSshVersion? FromDpkg(TargetRoot root)
    {
        var status = root.ReadText("/var/lib/dpkg/status", 64 * 1024 * 1024);
        if (status is null) return null;
        var at = status.IndexOf("\nPackage: openssh-server\n", StringComparison.Ordinal);
        if (at < 0 && status.StartsWith("Package: openssh-server\n", StringComparison.Ordinal)) at = -1;
        else if (at < 0) return null;
        var end = status.IndexOf("\n\n", at + 1, StringComparison.Ordinal);
        var stanza = end < 0 ? status[(at + 1)..] : status[(at + 1)..end];
        var version = VersionLine().Match(stanza);
        if (!version.Success) return null;
        // "1:9.2p1-2+deb12u3": drop the epoch.
        var value = version.Groups[1].Value;
        var colon = value.IndexOf(':');
        return OpenSshVersion.TryParse(colon >= 0 ? value[(colon + 1)..] : value, "dpkg");
    }

    private static OpenSshVersion? FromBinary(TargetRoot root)
    {
        foreach (var path in new[] { "/usr/sbin/sshd", "/usr/local/sbin/sshd" })
        {
            var bytes = root.ReadBytes(path, 64 * 1024 * 1024);
            if (bytes is null) continue;
            var text = Encoding.Latin1.GetString(bytes);
            var m = BinaryVersion().Match(text);
            if (m.Success) return OpenSshVersion.TryParse(m.Groups[1].Value, "binary");
        }
        return null;
    }

    /// <summary>The OpenSSH each distribution release ships, for roots without a package database.</summary>
    private static OpenSshVersion FromDistribution(OsRelease os)
    {
        var guess = (os.Id, os.VersionId) switch
        {
            ("debian", "10") => "7.9p1",
            ("debian", "11") => "8.4p1",
            ("debian", "12") => "9.2p1",
            ("debian", "13") => "10.0p1",
            ("ubuntu", "18.04") => "7.6p1",
            ("ubuntu", "20.04") => "8.2p1",
            ("ubuntu", "22.04") => "8.9p1",
            ("ubuntu", "24.04") => "9.6p1",
            ("amzn", "2") => "7.4p1",
            ("amzn", "2023") => "8.7p1",
            ("rhel" or "rocky" or "almalinux" or "centos" or "ol", var v) when v.StartsWith('8') => "8.0p1",
            ("rhel" or "rocky" or "almalinux" or "centos" or "ol", var v) when v.StartsWith('9') => "8.7p1",
            ("rhel" or "rocky" or "almalinux" or "centos" or "ol", var v) when v.StartsWith('7') => "7.4p1",
            _ => "9.2p1",
        };
        return OpenSshVersion.TryParse(guess, "default")!;
    }

    [GeneratedRegex(@"^Version:\s*(\S+)", RegexOptions.Multiline)]
    private static partial Regex VersionLine();

    // The binary also carries compat patterns ("OpenSSH_3.0*,OpenSSH_3.1*"): its own version ("OpenSSH_9.2p1",
    // "OpenSSH_8.7p1, OpenSSL …") is never followed by '*', a digit, a dot or ",OpenSSH".
    [GeneratedRegex(@"OpenSSH_(\d+\.\d+(?:p\d+)?)(?![\dp.*]|,O)")]
    private static partial Regex BinaryVersion();
}
