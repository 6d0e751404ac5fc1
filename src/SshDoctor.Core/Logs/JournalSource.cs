using System.Diagnostics;

namespace SshDoctor.Core.Logs;

/// <summary>
/// journald-only systems (Debian 12 cloud images, for one) have no auth.log: sshd's entries are read with
/// `journalctl -o json`, from the host's journal or, under --root, from the volume's var/log/journal.
/// </summary>
public static class JournalSource
{
    private static readonly string[] Identifiers = ["sshd", "sshd-session", "sshd-auth"];

    /// <summary>The journalctl arguments for this root, or null when there is no journal to read.</summary>
    public static IReadOnlyList<string>? Arguments(string root)
    {
        var host = Path.GetFullPath(root) == "/";
        var dir = Path.Combine(root, "var", "log", "journal");
        if (!host && !Directory.Exists(dir)) return null;
        var args = new List<string>();
        if (!host) args.AddRange(["--directory", dir]);
        args.AddRange(["-o", "json", "--no-pager"]);
        args.AddRange(Identifiers.Select(i => "SYSLOG_IDENTIFIER=" + i));
        return args;
    }

    public static string? Executable() => new[] { "/usr/bin/journalctl", "/bin/journalctl" }.FirstOrDefault(File.Exists);

    /// <summary>Runs journalctl and streams its output to <paramref name="read"/>; false when it could not run.</summary>
    public static bool TryRead(string root, Action<Stream> read, out string description)
    {
        description = "journalctl";
        var exe = Executable();
        var args = Arguments(root);
        if (exe is null || args is null) return false;
        description = "journalctl " + string.Join(' ', args);
        var psi = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi);
        if (p is null) return false;
        p.ErrorDataReceived += (_, _) => { };
        p.BeginErrorReadLine();
        read(p.StandardOutput.BaseStream);
        p.WaitForExit();
        return p.ExitCode == 0;
    }
}
