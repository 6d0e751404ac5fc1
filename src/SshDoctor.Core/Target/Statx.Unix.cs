using System.Runtime.InteropServices;

namespace SshDoctor.Core.Target;

/// <summary>statx(2) without following the final symlink: mode, uid, gid and type, as sshd sees them.</summary>
internal static partial class Statx
{
    private const int AtFdCwd = -100;
    private const int AtSymlinkNoFollow = 0x100;
    private const uint StatxBasicStats = 0x7ff;
    private const int ENOENT = 2, EACCES = 13, ENOTDIR = 20, ELOOP = 40, ENAMETOOLONG = 36;

    [LibraryImport("libc", EntryPoint = "statx", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int NativeStatx(int dirfd, string path, int flags, uint mask, byte* buffer);

    /// <summary>Metadata of the path itself (a symlink is reported as a symlink); Missing when absent.</summary>
    public static unsafe FileMeta LStat(string hostPath)
    {
        // struct statx is 256 bytes; offsets from linux/stat.h.
        var buffer = stackalloc byte[256];
        if (NativeStatx(AtFdCwd, hostPath, AtSymlinkNoFollow, StatxBasicStats, buffer) != 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR or ELOOP or ENAMETOOLONG) return FileMeta.Missing;
            if (errno == EACCES && NeedsRootException.Applies) throw new NeedsRootException(hostPath);
            throw new IOException($"{hostPath}: {Marshal.GetPInvokeErrorMessage(errno)}");
        }
        var uid = *(uint*)(buffer + 20);
        var gid = *(uint*)(buffer + 24);
        var mode = *(ushort*)(buffer + 28);
        var size = *(long*)(buffer + 40);
        var kind = (mode & 0xF000) switch
        {
            0x8000 => FileKind.Regular,
            0x4000 => FileKind.Directory,
            0xA000 => FileKind.Symlink,
            _ => FileKind.Other,
        };
        return new FileMeta(kind, mode, uid, gid, size);
    }
}
