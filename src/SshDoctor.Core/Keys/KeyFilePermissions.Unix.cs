using System.Runtime.Versioning;

namespace SshDoctor.Core.Keys;

public static partial class KeyFilePermissions
{
    [UnsupportedOSPlatform("windows")]
    private static KeyPermissionProblem? CheckUnix(string path)
    {
        var mode = File.GetUnixFileMode(path);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute
                                    | UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) == 0) return null;
        var octal = Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
        return new KeyPermissionProblem("keys.finding.permissions", octal, [$"chmod 600 {KeyInspector.ShellQuote(path)}"]);
    }
}
