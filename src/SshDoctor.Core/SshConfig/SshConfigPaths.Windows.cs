namespace SshDoctor.Core.SshConfig;

/// <summary>Win32-OpenSSH: %USERPROFILE%\.ssh\config and %ProgramData%\ssh\ssh_config.</summary>
public static partial class SshConfigPaths
{
    private static string WindowsHome() =>
        Environment.GetEnvironmentVariable("USERPROFILE") is { Length: > 0 } p ? p : Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);

    private static string WindowsSystemDir =>
        Path.Combine(Environment.GetEnvironmentVariable("ProgramData") is { Length: > 0 } d ? d : @"C:\ProgramData", "ssh");

    private static string WindowsSystemConfig => Path.Combine(WindowsSystemDir, "ssh_config");
}
