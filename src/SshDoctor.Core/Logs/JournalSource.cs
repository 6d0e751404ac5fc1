using System.Diagnostics;

namespace SshDoctor.Core.Logs;

/// <summary>
/// journald-only systems (Debian 12 cloud images, for one) have no auth.log: sshd's entries are read with
/// `journalctl -o json`, from the host's journal or, under --root, from the volume's var/log/journal opened
/// through the door (<see cref="VolumeJournal"/>).
/// </summary>
public static class JournalSource
{
    private static readonly string[] Identifiers = ["sshd", "sshd-session", "sshd-auth"];

    /// <summary>The journalctl arguments: the host's journal when <paramref name="directory"/> is null.</summary>
    public static IReadOnlyList<string> Arguments(string? directory)
    {
        var args = new List<string>();
        if (directory is not null) args.AddRange(["--directory", directory]);
        args.AddRange(["-o", "json", "--no-pager"]);
        args.AddRange(Identifiers.Select(i => "SYSLOG_IDENTIFIER=" + i));
        return args;
    }

    public static string? Executable() => new[] { "/usr/bin/journalctl", "/bin/journalctl" }.FirstOrDefault(File.Exists);

    /// <summary>Runs journalctl and streams its output to <paramref name="read"/>; false when it could not run.</summary>
    /// <remarks><paramref name="shownAs"/> names the directory in the description (a /proc/self/fd path means nothing to a reader).</remarks>
    public static bool TryRead(string? directory, string? shownAs, Action<Stream> read, out string description)
    {
        description = "journalctl";
        var exe = Executable();
        if (exe is null) return false;
        var args = Arguments(directory);
        description = "journalctl " + string.Join(' ', Arguments(shownAs ?? directory));
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
