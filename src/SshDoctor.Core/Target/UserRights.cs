using System.Runtime.InteropServices;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>
/// Runs file operations with a user's own rights, so that the kernel, not the code, stops them from reaching
/// what the user cannot reach (root's files, another user's home). A dedicated thread sets its filesystem
/// uid, gid and supplementary groups with raw syscalls: on Linux these credentials belong to the thread, and
/// the raw calls change only the calling thread (glibc's setgroups/setfsuid wrappers would broadcast the
/// change to every thread of the process). A child process would do the same at the cost of a fork/exec per
/// action and a second copy of the door; the thread keeps the root's descriptor and the plan in memory.
/// The thread ends when the work is done, so no other code ever runs with those credentials.
/// </summary>
public static unsafe class UserRights
{
    public static T Run<T>(uint uid, uint gid, IReadOnlyCollection<uint> groups, Func<T> work)
    {
        T result = default!;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                Become(uid, gid, groups);
                result = work();
            }
            catch (Exception e)
            {
                error = e;
            }
        }, 256 * 1024) { Name = "sshdoctor-as-user", IsBackground = false };
        thread.Start();
        thread.Join();
        if (error is not null) throw error is IOException ? error : new IOException(error.Message, error);
        return result;
    }

    private static void Become(uint uid, uint gid, IReadOnlyCollection<uint> groups)
    {
        var list = groups.Distinct().ToArray();
        fixed (uint* p = list)
            if (Libc.Syscall2(Libc.SysSetgroups, list.Length, (nint)p) != 0)
                throw new IOException("setgroups: " + Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        Libc.Syscall1(Libc.SysSetfsgid, gid);
        Libc.Syscall1(Libc.SysSetfsuid, uid);
        // setfs*id report the previous value and never fail visibly: ask again with an invalid id to verify.
        if ((uint)Libc.Syscall1(Libc.SysSetfsuid, uint.MaxValue) != uid || (uint)Libc.Syscall1(Libc.SysSetfsgid, uint.MaxValue) != gid)
            throw new IOException($"could not take the filesystem rights of uid {uid}");
    }
}
