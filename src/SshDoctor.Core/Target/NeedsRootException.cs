namespace SshDoctor.Core.Target;

/// <summary>
/// A file or directory of the target that this unprivileged process may not read. sshdoctor reads the target as
/// sshd does, which needs root; as root the same error stays an ordinary I/O failure.
/// </summary>
public sealed class NeedsRootException(string hostPath) : Exception(hostPath + ": permission denied")
{
    public string HostPath { get; } = hostPath;

    /// <summary>True when a permission error should be reported as "run it as root".</summary>
    public static bool Applies => !Environment.IsPrivilegedProcess;
}
