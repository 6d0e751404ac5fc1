using System.Runtime.InteropServices;

namespace SshDoctor.Core.Repair;

/// <summary>The few POSIX calls .NET does not expose: lchown and fsync of a directory.</summary>
internal static partial class Posix
{
    private const int ORdOnly = 0, ODirectory = 0x10000;

    [LibraryImport("libc", EntryPoint = "lchown", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeLchown(string path, uint owner, uint group);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int NativeOpen(string path, int flags);

    [LibraryImport("libc", EntryPoint = "fsync", SetLastError = true)]
    private static partial int NativeFsync(int fd);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int NativeClose(int fd);

    public static void Lchown(string hostPath, uint uid, uint gid)
    {
        if (NativeLchown(hostPath, uid, gid) != 0)
            throw new IOException($"chown {hostPath}: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
    }

    /// <summary>Makes a rename or a new entry in <paramref name="hostDir"/> durable.</summary>
    public static void FsyncDirectory(string hostDir)
    {
        var fd = NativeOpen(hostDir, ORdOnly | ODirectory);
        if (fd < 0) return;
        try { NativeFsync(fd); }
        finally { NativeClose(fd); }
    }
}
