using System.Runtime.Versioning;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>Copies /etc/skel of the target into a new home, owned by the user (what useradd -m does).</summary>
[UnsupportedOSPlatform("windows")]
internal static class Skeleton
{
    public static void Copy(TargetRoot root, string skel, string home, uint uid, uint gid)
    {
        var source = root.HostPath(root.RealPath(skel) ?? skel);
        var target = root.HostPath(home);
        foreach (var entry in Directory.EnumerateFileSystemEntries(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, entry);
            var destination = Path.Combine(target, relative);
            var info = new FileInfo(entry);
            if (info.LinkTarget is { } link) File.CreateSymbolicLink(destination, link);
            else if (Directory.Exists(entry)) Directory.CreateDirectory(destination);
            else File.Copy(entry, destination);
            if (info.LinkTarget is null) File.SetUnixFileMode(destination, File.GetUnixFileMode(entry));
            Posix.Lchown(destination, uid, gid);
        }
    }
}
