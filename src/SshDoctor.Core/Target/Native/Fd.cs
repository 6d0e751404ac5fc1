using Microsoft.Win32.SafeHandles;

namespace SshDoctor.Core.Target.Native;

/// <summary>An owned file descriptor, closed once.</summary>
internal sealed class Fd : SafeHandleZeroOrMinusOneIsInvalid
{
    public Fd(int fd) : base(true) => SetHandle(fd);

    public int Value => (int)handle;

    protected override bool ReleaseHandle() => Libc.Close((int)handle) == 0;
}
