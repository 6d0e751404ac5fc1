namespace SshDoctor.Core.Target;

/// <summary>
/// The door refused or failed an operation on the target. An IOException, so every command's existing
/// "bad input / rollback" handling applies; Errno is 0 when the door itself refused (a link, a swapped
/// object, a hard link, a path leaving the root).
/// </summary>
public sealed class TargetFsException(string path, string reason, int errno = 0) : IOException($"{path}: {reason}")
{
    public string TargetPath { get; } = path;
    public string Reason { get; } = reason;
    public int Errno { get; } = errno;
}
