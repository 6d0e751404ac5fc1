using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>Copying a tree inside the root (/etc/skel into a new home) on descriptors only.</summary>
public sealed partial class TargetFs
{
    private const int MaxTreeDepth = 16;
    private const long MaxSkelFile = 16 * 1024 * 1024;

    /// <summary>
    /// Copies the content of <paramref name="from"/> into the existing directory <paramref name="to"/>, owned by
    /// uid:gid. Links are recreated as links (their text copied, never followed); FIFOs, devices and sockets are
    /// skipped; set-id bits are dropped. Each created object is reported (target path, identity) as it appears.
    /// </summary>
    public void CopyTree(string from, string to, FileId toId, uint uid, uint gid, Action<string, FileId> created)
    {
        if (TryOpen(from, Libc.ORdOnly | Libc.ODirectory, Follow.All, out var source) != 0) return;
        using (source)
        using (var dest = OpenDirectory(to, toId))
            CopyInto(source!, dest, to, uid, gid, created, 0);
    }

    private static unsafe void CopyInto(Fd source, Fd dest, string destPath, uint uid, uint gid, Action<string, FileId> created, int depth)
    {
        if (depth >= MaxTreeDepth) return;
        foreach (var (name, _) in Entries(source).OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            var meta = StatAt(source, name);
            var path = destPath + "/" + name;
            switch (meta.Kind)
            {
                case FileKind.Directory:
                    var n = Libc.Openat(source.Value, name, Libc.ORdOnly | Libc.ODirectory | Libc.ONoFollow | Libc.OCloExec, 0);
                    if (n < 0) continue;
                    using (var sub = new Fd(n))
                    {
                        if (Meta(sub).Id != meta.Id) continue;
                        var id = MkdirAt(dest, name, meta.Perm & 0x1FF, uid, gid, path);
                        created(path, id);
                        var d = Libc.Openat(dest.Value, name, Libc.ORdOnly | Libc.ODirectory | Libc.ONoFollow | Libc.OCloExec, 0);
                        if (d < 0) throw Error(path, Libc.Errno);
                        using var subDest = new Fd(d);
                        CopyInto(sub, subDest, path, uid, gid, created, depth + 1);
                    }
                    break;
                case FileKind.Regular:
                    var f = Libc.Openat(source.Value, name, Libc.ORdOnly | Libc.ONoFollow | Libc.ONonBlock | Libc.OCloExec, 0);
                    if (f < 0) continue;
                    using (var file = new Fd(f))
                    {
                        var now = Meta(file);
                        if (now.Id != meta.Id || now.Kind != FileKind.Regular || now.Size > MaxSkelFile) continue;
                        var content = new byte[now.Size];
                        var read = ReadInto(file, content);
                        created(path, WriteAtomicAt(dest, name, content.AsSpan(0, read), now.Perm & 0x1FF, uid, gid, null, path));
                    }
                    break;
                case FileKind.Symlink:
                    var buffer = new byte[4096];
                    nint len;
                    fixed (byte* p = buffer) len = Libc.Readlinkat(source.Value, name, p, buffer.Length);
                    if (len <= 0 || len >= buffer.Length) continue;
                    var text = System.Text.Encoding.UTF8.GetString(buffer, 0, (int)len);
                    if (Libc.Symlinkat(text, dest.Value, name) != 0) throw Error(path, Libc.Errno);
                    if (Libc.Fchownat(dest.Value, name, uid, gid, Libc.AtSymlinkNoFollow) != 0) throw Error(path, Libc.Errno);
                    created(path, StatAt(dest, name).Id);
                    break;
            }
        }
    }
}
