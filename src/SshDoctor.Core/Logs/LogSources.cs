using System.IO.Compression;
using System.Text.RegularExpressions;

namespace SshDoctor.Core.Logs;

/// <summary>Finds sshd's log files under a root and opens them (plain or gzip), oldest first.</summary>
public static partial class LogSources
{
    /// <summary>auth.log (Debian, Ubuntu) and secure (RHEL, Amazon Linux), with their rotations.</summary>
    public static IReadOnlyList<string> Find(string root)
    {
        var dir = Path.Combine(root, "var", "log");
        var found = new List<(string Path, int Family, long Order)>();
        if (!Directory.Exists(dir)) return [];
        foreach (var path in Directory.EnumerateFiles(dir))
        {
            var name = Path.GetFileName(path);
            var m = Rotated().Match(name);
            if (!m.Success) continue;
            var family = m.Groups[1].Value == "auth.log" ? 0 : 1;
            // Newest is the plain name; .1 is newer than .2.gz; secure-20260101 sorts by date.
            long order;
            if (m.Groups[2].Success) order = -long.Parse(m.Groups[2].Value);
            else if (m.Groups[3].Success) order = long.Parse(m.Groups[3].Value) - 100_000_000;
            else order = 0;
            found.Add((path, family, order));
        }
        return found.OrderBy(f => f.Family).ThenBy(f => f.Order).Select(f => f.Path).ToList();
    }

    [GeneratedRegex(@"^(auth\.log|secure)(?:\.(\d{1,4})|-(\d{8}))?(?:\.gz)?$")]
    private static partial Regex Rotated();

    /// <summary>Opens a file for <see cref="LogScanner"/>; gzip is recognized by its magic bytes.</summary>
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
        Span<byte> magic = stackalloc byte[2];
        var n = fs.Read(magic);
        fs.Position = 0;
        if (n == 2 && magic[0] == 0x1f && magic[1] == 0x8b)
            return new GZipStream(fs, CompressionMode.Decompress);
        return fs;
    }
}
