using Microsoft.Win32.SafeHandles;

namespace SshDoctor.Core.Repair;

/// <summary>Host files only (sshdoctor's own run records, never a target path: those go through TargetFs).
/// Writes a file so that readers see the old or the new content, never a mix: temp file in the same
/// directory, fsync, mode and owner set on it, rename over the target, fsync the directory.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public static class AtomicFile
{
    public static void Write(string hostPath, byte[] content, UnixFileMode mode, uint uid, uint gid)
    {
        var dir = Path.GetDirectoryName(hostPath)!;
        var temp = Path.Combine(dir, $".{Path.GetFileName(hostPath)}.sshdoctor-{Environment.ProcessId}-{Random.Shared.Next():x}");
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(temp, options))
            {
                WriteAll(stream.SafeFileHandle, content);
                RandomAccess.FlushToDisk(stream.SafeFileHandle);
            }
            Posix.Lchown(temp, uid, gid);
            File.SetUnixFileMode(temp, mode);
            File.Move(temp, hostPath, overwrite: true);
            Posix.FsyncDirectory(dir);
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            throw;
        }
    }

    private static void WriteAll(SafeFileHandle handle, byte[] content)
    {
        long offset = 0;
        while (offset < content.Length)
        {
            var chunk = (int)Math.Min(1 << 20, content.Length - offset);
            RandomAccess.Write(handle, content.AsSpan((int)offset, chunk), offset);
            offset += chunk;
        }
    }
}
