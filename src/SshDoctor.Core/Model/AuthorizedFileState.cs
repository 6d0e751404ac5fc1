using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public enum FileGate
{
    /// <summary>sshd opens and reads it.</summary>
    Usable,
    HomeMissing,
    DirMissing,
    FileMissing,
    Unreadable,
    NotRegular,
    Strict,
}

/// <summary>What sshd's auth_openfile does with one authorized keys file, plus its content for diagnosis.</summary>
public sealed class AuthorizedFileState
{
    public required string Pattern { get; init; }
    public required string Path { get; init; }
    public FileGate Gate { get; init; }
    /// <summary>For DirMissing: the missing directory; Unreadable: the blocking path.</summary>
    public string? GatePath { get; init; }
    public string? GateReason { get; init; }
    public IReadOnlyList<StrictViolation> Violations { get; init; } = [];
    public FileMeta Meta { get; init; }
    /// <summary>The text sshd would parse (null when the file could not be read even as root).</summary>
    public string? Text { get; init; }
    /// <summary>Set when the file is UTF-16: sshd sees no valid line at all.</summary>
    public (string Name, string Text)? Utf16 { get; init; }
    /// <summary>The target's sshd: the line syntax it accepts depends on it.</summary>
    public OpenSshVersion? Version { get; init; }

    private IReadOnlyList<AuthorizedKeyLine>? _lines;

    /// <summary>For a file too large to hold: the lines a streaming scan kept (see LargeFileScan).</summary>
    public IReadOnlyList<AuthorizedKeyLine>? StreamedLines { init => _lines = value; }

    public IReadOnlyList<AuthorizedKeyLine> Lines =>
        _lines ??= Text is null || Utf16 is not null ? [] : AuthorizedKeysParser.Parse(Text, Version).ToList();
}

public static class AuthorizedFileProbe
{
    private const long ReadLimit = 64L * 1024 * 1024;

    public static AuthorizedFileState Probe(TargetContext ctx, Account account, string pattern, string path, bool strictModes, Keys.PublicKey? key = null)
    {
        var root = ctx.Root;
        var real = root.RealPath(path);
        if (real is null)
        {
            var gate = FileGate.FileMissing;
            string? gatePath = path;
            if (root.RealPath(account.Home) is null && IsUnder(path, account.Home))
            {
                gate = FileGate.HomeMissing;
                gatePath = account.Home;
            }
            else if (root.RealPath(TargetRoot.DirName(path)) is null)
            {
                gate = FileGate.DirMissing;
                gatePath = FirstMissing(root, TargetRoot.DirName(path));
            }
            else if (root.Stat(TargetRoot.DirName(path)).Kind != FileKind.Directory)
            {
                gate = FileGate.Unreadable;
                gatePath = TargetRoot.DirName(path);
            }
            return new AuthorizedFileState { Pattern = pattern, Path = path, Gate = gate, GatePath = gatePath };
        }

        var meta = root.LStat(real);
        var access = new UserAccess(root, ctx.Accounts, account);
        var large = meta.Kind == FileKind.Regular && meta.Size > ReadLimit;
        var bytes = meta.Kind == FileKind.Regular && !large ? root.ReadBytes(real, ReadLimit) : null;
        var text = bytes is null ? null : System.Text.Encoding.UTF8.GetString(bytes);
        var utf16 = bytes is null ? null : FileEncoding.DetectUtf16(bytes);
        var blocker = access.SearchBlocker(path) ?? access.OpenBlocker(real, meta.Kind == FileKind.Directory);
        if (blocker is { } b)
            return new AuthorizedFileState
            {
                Pattern = pattern, Path = path, Gate = FileGate.Unreadable, GatePath = b.Path, GateReason = b.Reason,
                Meta = meta, Text = text, Utf16 = utf16, Version = ctx.Version,
            };
        if (meta.Kind != FileKind.Regular)
            return new AuthorizedFileState { Pattern = pattern, Path = path, Gate = FileGate.NotRegular, GatePath = real, Meta = meta };

        var violations = strictModes
            ? new StrictModes(root, ctx.Accounts, ctx.Os.IsDebianFamily).Walk(real, meta, account)
            : [];
        return new AuthorizedFileState
        {
            Pattern = pattern,
            Path = path,
            Gate = violations.Count > 0 ? FileGate.Strict : FileGate.Usable,
            Violations = violations,
            Meta = meta,
            Text = text,
            Utf16 = utf16,
            Version = ctx.Version,
            StreamedLines = large && root.Door.OpenRead(real) is { } stream ? LargeFileScan.Scan(stream, key, ctx.Version) : null,
        };
    }

    private static bool IsUnder(string path, string dir) =>
        path.StartsWith(dir.TrimEnd('/') + "/", StringComparison.Ordinal);

    private static string FirstMissing(TargetRoot root, string dir)
    {
        var missing = dir;
        for (var d = dir; d != "/" && root.RealPath(d) is null; d = TargetRoot.DirName(d)) missing = d;
        return missing;
    }
}
