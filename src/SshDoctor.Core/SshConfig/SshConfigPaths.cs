namespace SshDoctor.Core.SshConfig;

/// <summary>Where ssh looks for its configuration on this platform.</summary>
public static partial class SshConfigPaths
{
    public static string UserConfig(string home) => Path.Combine(home, ".ssh", "config");

    public static string Home() => OperatingSystem.IsWindows() ? WindowsHome() : UnixHome();

    private static string UnixHome() =>
        Environment.GetEnvironmentVariable("HOME") is { Length: > 0 } h ? h : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    public static string SystemConfig => OperatingSystem.IsWindows() ? WindowsSystemConfig : "/etc/ssh/ssh_config";

    public static string SystemDir => OperatingSystem.IsWindows() ? WindowsSystemDir : "/etc/ssh";

    public static string Uid() => OperatingSystem.IsWindows() ? "0" : UnixUid();
}
