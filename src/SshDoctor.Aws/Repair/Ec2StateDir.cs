namespace SshDoctor.Aws.Repair;

/// <summary>
/// Where `ec2 fix` keeps its journals and the saved user data, on the machine that runs sshdoctor (never on the
/// instance): SSHDOCTOR_STATE_DIR/ec2 when set (as RunRecord does), /var/lib/sshdoctor/ec2 for root, else
/// $XDG_STATE_HOME/sshdoctor/ec2 (default ~/.local/state/sshdoctor/ec2). Directories are created 0700.
/// </summary>
public static class Ec2StateDir
{
    /// <summary>Set by in-process tests instead of SSHDOCTOR_STATE_DIR (which other tests' runs read too).</summary>
    internal static string? RootOverride { get; set; }

    public static string Root
    {
        get
        {
            if (RootOverride is { } o) return o;
            if (Environment.GetEnvironmentVariable("SSHDOCTOR_STATE_DIR") is { Length: > 0 } d) return Path.Combine(d, "ec2");
            if (Environment.UserName == "root" || Environment.GetEnvironmentVariable("HOME") is null or "")
                return "/var/lib/sshdoctor/ec2";
            var xdg = Environment.GetEnvironmentVariable("XDG_STATE_HOME");
            var home = Environment.GetEnvironmentVariable("HOME")!;
            return Path.Combine(xdg is { Length: > 0 } && Path.IsPathRooted(xdg) ? xdg : Path.Combine(home, ".local", "state"), "sshdoctor", "ec2");
        }
    }

    /// <summary>The directory of one instance's runs.</summary>
    public static string ForInstance(string instanceId) => Path.Combine(Root, instanceId);

    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public static string Ensure(string dir)
    {
        Directory.CreateDirectory(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return dir;
    }
}
