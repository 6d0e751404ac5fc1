namespace SshDoctor.Core.Target;

/// <summary>
/// Candidate files laid over the tree in memory (a proposed sshd_config, a drop-in, a passwd): reads see them,
/// the disk is never written. Everything else is read from the tree as usual, through the same caches.
/// </summary>
public sealed partial class TargetRoot
{
    private IReadOnlyDictionary<string, byte[]>? _overlay;

    /// <summary>The same tree with <paramref name="files"/> (target path → content) in place of, or beside, its own.</summary>
    public TargetRoot WithOverlay(IReadOnlyDictionary<string, byte[]> files) => new(DisplayRoot)
    {
        _overlay = files.ToDictionary(f => Normalize(f.Key), f => f.Value, StringComparer.Ordinal),
        _lstat = _lstat,
        _realpath = _realpath,
        _acl = _acl,
    };

    public bool IsOverlaid(string targetPath) => _overlay?.ContainsKey(targetPath) == true;

    // A candidate is a root-owned 0644 regular file, as an administrator would install it.
    private FileMeta? OverlayMeta(string targetPath) =>
        _overlay is not null && _overlay.TryGetValue(targetPath, out var bytes)
            ? new FileMeta(FileKind.Regular, 0x8000 | 0x1A4, 0, 0, bytes.Length)
            : null;

    private byte[]? OverlayBytes(string realPath, long limit) =>
        _overlay is not null && _overlay.TryGetValue(realPath, out var bytes)
            ? bytes.Length <= limit ? bytes : bytes[..(int)limit]
            : null;

    private IEnumerable<string> OverlayNames(string realDir) =>
        _overlay is null ? [] : _overlay.Keys.Where(k => DirName(k) == realDir).Select(k => k[(k.LastIndexOf('/') + 1)..]);
}
