using System.Runtime.InteropServices;

namespace SshDoctor.Lab.Harness;

/// <summary>Numeric ownership on the host filesystem (the tree's passwd decides what the numbers mean).</summary>
internal static partial class Posix
{
    [DllImport("libc", SetLastError = true, EntryPoint = "lchown")]
    private static extern int LChown(string path, int uid, int gid);

    public static void Chown(string path, int uid, int gid)
    {
        if (LChown(path, uid, gid) != 0)
            throw new IOException($"lchown {path} {uid}:{gid} failed: errno {Marshal.GetLastPInvokeError()}");
    }
}
