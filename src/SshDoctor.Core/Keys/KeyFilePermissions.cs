namespace SshDoctor.Core.Keys;

/// <summary>A private key file that OpenSSH would refuse for its permissions.</summary>
public sealed record KeyPermissionProblem(string TextKey, string Detail, IReadOnlyList<string> FixCommands);

/// <summary>
/// OpenSSH refuses a private key that others can access: on Unix any group/other bit (mode &amp; 077),
/// on Windows an ACL entry for anyone but the owner, SYSTEM and Administrators.
/// </summary>
public static partial class KeyFilePermissions
{
    /// <summary>The problem, or null when the file is private enough (or cannot be examined).</summary>
    public static KeyPermissionProblem? Check(string path)
    {
        try
        {
            if (OperatingSystem.IsWindows()) return CheckWindows(path);
            return CheckUnix(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException or InvalidOperationException)
        {
            return null;
        }
    }
}
