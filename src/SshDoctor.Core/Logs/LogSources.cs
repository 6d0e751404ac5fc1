using System.IO.Compression;
using System.Text.RegularExpressions;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Logs;

/// <summary>sshd's log files found under a root: opened through the door, regular files only.</summary>
public sealed class RootLogs(TargetFs door, IReadOnlyList<string> targetPaths, IReadOnlyList<string> skipped)
{
    /// <summary>Display paths (root prefix + target path), oldest first.</summary>
    public IReadOnlyList<string> Paths { get; } = targetPaths.Select(p => Display(door, p)).ToList();
    /// <summary>Names that match but are not regular files (FIFO, socket, device, directory): never opened.</summary>
    public IReadOnlyList<string> Skipped { get; } = skipped.Select(p => Display(door, p)).ToList();

    private readonly Dictionary<string, string> _byDisplay =
        targetPaths.ToDictionary(p => Display(door, p), p => p, StringComparer.Ordinal);

    public bool Owns(string display) => _byDisplay.ContainsKey(display);

    public Stream Open(string display, out DateTime modifiedUtc)
    {
        var stream = door.OpenRead(_byDisplay[display]) ?? throw new LogInputException(LogInputProblem.NotFound, display);
        modifiedUtc = File.GetLastWriteTimeUtc(((FileStream)stream).SafeFileHandle);
        return LogSources.Decompressing(stream);
    }

    private static string Display(TargetFs door, string targetPath) => door.DisplayRoot.TrimEnd('/') + targetPath;
}

/// <summary>Finds sshd's log files under a root and opens them (plain or gzip), oldest first.</summary>
public static partial class LogSources
{
    /// <summary>auth.log (Debian, Ubuntu) and secure (RHEL, Amazon Linux), with their rotations, under the root's var/log.</summary>
    public static RootLogs Find(TargetFs door)
    {
        var found = new List<(string Path, int Family, long Order)>();
        var skipped = new List<string>();
        foreach (var name in door.List("/var/log"))
        {
            var m = Rotated().Match(name);
            if (!m.Success) continue;
            var path = "/var/log/" + name;
            if (door.Stat(path).Kind != FileKind.Regular) { skipped.Add(path); continue; }
            var family = m.Groups[1].Value == "auth.log" ? 0 : 1;
            // Newest is the plain name; .1 is newer than .2.gz; secure-20260101 sorts by date.
            long order;
            if (m.Groups[2].Success) order = -long.Parse(m.Groups[2].Value);
            else if (m.Groups[3].Success) order = long.Parse(m.Groups[3].Value) - 100_000_000;
            else order = 0;
            found.Add((path, family, order));
        }
        return new RootLogs(door, found.OrderBy(f => f.Family).ThenBy(f => f.Order).Select(f => f.Path).ToList(), skipped);
    }

    [GeneratedRegex(@"^(auth\.log|secure)(?:\.(\d{1,4})|-(\d{8}))?(?:\.gz)?$")]
    private static partial Regex Rotated();

    /// <summary>Opens a file the operator named (not a target path) for <see cref="LogScanner"/>.</summary>
    public static Stream Open(string path, out DateTime modifiedUtc)
    {
        if (Directory.Exists(path)) throw new LogInputException(LogInputProblem.IsDirectory, path);
        if (!File.Exists(path)) throw new LogInputException(LogInputProblem.NotFound, path);
        FileStream fs;
        try
        {
            fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
            modifiedUtc = File.GetLastWriteTimeUtc(path);
        }
        catch (UnauthorizedAccessException) when (Target.NeedsRootException.Applies)
        {
            throw new Target.NeedsRootException(path);
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            throw new LogInputException(LogInputProblem.Unreadable, path, e);
        }
        return Decompressing(fs);
    }

    /// <summary>gzip is recognized by its magic bytes.</summary>
    internal static Stream Decompressing(Stream fs)
    {
        Span<byte> magic = stackalloc byte[2];
        var n = fs.Read(magic);
        fs.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return fs.CanSeek ? GzipTrailerCheck.Open(fs) : new GZipStream(fs, CompressionMode.Decompress);
        return fs;
    }
}
