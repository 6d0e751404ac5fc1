using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public static class Shells
{
    /// <summary>An empty shell field means /bin/sh, as sshd reads it.</summary>
    public static string Of(Account a) => a.Shell.Length == 0 ? "/bin/sh" : a.Shell;

    public static bool IsNoLogin(string shell)
    {
        var name = shell[(shell.LastIndexOf('/') + 1)..];
        return name is "nologin" or "false";
    }

    /// <summary>stat(2) of the shell: exists, regular, some x bit (sshd's allowed_user test).</summary>
    public static bool IsUsable(TargetRoot root, string shell, out bool exists)
    {
        var meta = root.Stat(shell);
        exists = meta.Exists;
        return meta.Kind == FileKind.Regular && (meta.Mode & 0x49) != 0;
    }

    /// <summary>A login shell the target has, for fix commands.</summary>
    public static string Preferred(TargetRoot root) =>
        IsUsable(root, "/bin/bash", out _) ? "/bin/bash" : "/bin/sh";
}
