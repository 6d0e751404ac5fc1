using System.Text.RegularExpressions;
using SshDoctor.Core.Target.Native;

namespace SshDoctor.Core.Target;

/// <summary>
/// The run directories under &lt;root&gt;/var/backups/sshdoctor/: made through the door one component at a
/// time; an existing component that is a link, not a directory, or not owned by root stops the run.
/// </summary>
public sealed partial class TargetFs
{
    private static readonly string[] RunsPath = ["var", "backups", "sshdoctor"];

    /// <summary>Creates a fresh run directory (mode 0700, root's) and returns its descriptor.</summary>
    internal Fd CreateRunDirectory(string runId)
    {
        RequireRunId(runId);
        using var runs = OpenRuns(create: true)!;
        MkdirAt(runs, runId, 0x1C0, 0, 0, "/var/backups/sshdoctor/" + runId);
        return OpenTrustedDirectory(runs, runId, "/var/backups/sshdoctor/" + runId)!;
    }

    /// <summary>An existing run directory (same checks), or null when there is none.</summary>
    internal Fd? OpenRunDirectory(string runId)
    {
        if (!RunIdPattern().IsMatch(runId)) return null;
        using var runs = OpenRuns(create: false);
        return runs is null ? null : OpenTrustedDirectory(runs, runId, "/var/backups/sshdoctor/" + runId);
    }

    /// <summary>The run ids present (names that look like run ids only), sorted.</summary>
    internal IReadOnlyList<string> RunIds()
    {
        using var runs = OpenRuns(create: false);
        return runs is null ? [] : Entries(runs).Select(e => e.Name).Where(n => RunIdPattern().IsMatch(n)).Order(StringComparer.Ordinal).ToList();
    }

    public static bool IsRunId(string id) => RunIdPattern().IsMatch(id);

    [GeneratedRegex("^[0-9]{8}-[0-9]{6}-[0-9a-f]{4}$")]
    private static partial Regex RunIdPattern();

    private static void RequireRunId(string runId)
    {
        if (!RunIdPattern().IsMatch(runId)) throw new TargetFsException(runId, "not a run id");
    }

    private Fd? OpenRuns(bool create)
    {
        var current = Libc.Openat(_root.Value, ".", Libc.ORdOnly | Libc.ODirectory | Libc.OCloExec, 0);
        if (current < 0) throw Error("/", Libc.Errno);
        var fd = new Fd(current);
        var display = "";
        foreach (var name in RunsPath)
        {
            display += "/" + name;
            if (!StatAt(fd, name).Exists)
            {
                if (!create) { fd.Dispose(); return null; }
                MkdirAt(fd, name, name == "sshdoctor" ? 0x1C0u : 0x1EDu, 0, 0, display);
            }
            var next = OpenTrustedDirectory(fd, name, display);
            fd.Dispose();
            fd = next!;
        }
        return fd;
    }

    /// <summary>A directory entry that must be a real directory owned by root (never a link).</summary>
    private static Fd OpenTrustedDirectory(Fd parent, string name, string display)
    {
        var n = Libc.Openat(parent.Value, name, Libc.ORdOnly | Libc.ODirectory | Libc.ONoFollow | Libc.OCloExec, 0);
        if (n < 0)
            throw new TargetFsException(display, Libc.Errno is Libc.ELOOP or Libc.ENOTDIR
                ? "a symbolic link or not a directory: sshdoctor keeps its backups only in a real directory" : Libc.Describe(Libc.Errno), Libc.Errno);
        var fd = new Fd(n);
        var meta = Meta(fd);
        if (meta.Uid != 0) { fd.Dispose(); throw new TargetFsException(display, "not owned by root: sshdoctor keeps its backups only in a directory root owns"); }
        return fd;
    }

    /// <summary>A file of a run directory: regular, one link, root's; null when absent or anything else.</summary>
    internal static byte[]? ReadRunFile(Fd runDir, string name, long limit)
    {
        var n = Libc.Openat(runDir.Value, name, Libc.ORdOnly | Libc.ONoFollow | Libc.ONonBlock | Libc.OCloExec, 0);
        if (n < 0) return null;
        using var fd = new Fd(n);
        var meta = Meta(fd);
        if (meta.Kind != FileKind.Regular || meta.Nlink != 1 || meta.Uid != 0 || meta.Size > limit) return null;
        var buffer = new byte[meta.Size];
        return ReadInto(fd, buffer) == buffer.Length && !HasMore(fd) ? buffer : null;
    }

    internal static void WriteRunFile(Fd runDir, string name, ReadOnlySpan<byte> content, string display) =>
        WriteAtomicAt(runDir, name, content, 0x180, 0, 0, StatAt(runDir, name) is { Exists: true } m ? m.Id : null, display);
}
