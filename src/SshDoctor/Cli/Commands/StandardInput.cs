using System.Runtime.InteropServices;

namespace SshDoctor.Cli.Commands;

/// <summary>
/// fd 0 as the caller gave it. When the caller closed it (`sshdoctor explain - <&-`), the runtime's own
/// descriptors take the number 0 (a duplicate of stdout, or its signal pipe, which never ends): reading it would
/// fail or hang. Everything the runtime opens is close-on-exec, while a descriptor inherited across exec never is,
/// so a close-on-exec fd 0 means "no input": it reads as empty.
/// </summary>
internal static partial class StandardInput
{
    private const int FGetFd = 1, FdCloExec = 1;

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    private static partial int Fcntl(int fd, int command);

    public static Stream Open() => WasClosed() ? Stream.Null : Console.OpenStandardInput();

    private static bool WasClosed()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsMacOS()) return false;
        var flags = Fcntl(0, FGetFd);
        return flags < 0 || (flags & FdCloExec) != 0;
    }
}
