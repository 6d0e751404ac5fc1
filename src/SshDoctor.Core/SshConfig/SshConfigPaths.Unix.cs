using System.Runtime.InteropServices;

namespace SshDoctor.Core.SshConfig;

public static partial class SshConfigPaths
{
    private static string UnixUid()
    {
        try { return getuid().ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException) { return "0"; }
    }

    [LibraryImport("libc")]
    private static partial uint getuid();
}
