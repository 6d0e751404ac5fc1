using System.Diagnostics;

namespace SshDoctor.Lab.Harness;

/// <summary>
/// One test run's private directory /tmp/sshdoctor-lab/run-PID: trees, keys and the host key live there;
/// it is deleted when the process exits (SSHDOCTOR_LAB_KEEP=1 keeps it for a post-mortem).
/// </summary>
public static class LabRun
{
    public const string Base = "/tmp/sshdoctor-lab";
    public static readonly string Dir = Path.Combine(Base, "run-" + Environment.ProcessId);
    private static int _seq;

    static LabRun()
    {
        Directory.CreateDirectory(Base);
        File.SetUnixFileMode(Base, Modes.Parse("0755"));
        if (Directory.Exists(Dir)) Directory.Delete(Dir, recursive: true);
        Directory.CreateDirectory(Dir);
        File.SetUnixFileMode(Dir, Modes.Parse("0755"));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();
    }

    public static bool Keep => Environment.GetEnvironmentVariable("SSHDOCTOR_LAB_KEEP") == "1";

    /// <summary>A fresh directory for one tree, named after the scenario.</summary>
    public static string NewTreeDir(string name)
    {
        var safe = new string(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray());
        if (safe.Length > 60) safe = safe[..60];
        var dir = Path.Combine(Dir, $"{Interlocked.Increment(ref _seq):D4}-{safe}");
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, Modes.Parse("0755"));
        return dir;
    }

    private static void Cleanup()
    {
        RealSshd.Shutdown();
        if (Keep) return;
        try { Directory.Delete(Dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    /// <summary>Runs a program to completion (bounded), returns stdout; throws with stderr on failure.</summary>
    public static string Exec(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(60)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 60 s");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {p.ExitCode}: {stderr.Result}");
        return stdout.Result;
    }
}

public static class Modes
{
    public static UnixFileMode Parse(string octal) => (UnixFileMode)Convert.ToInt32(octal, 8);
    public static UnixFileMode FromInt(int mode) => (UnixFileMode)mode;
}
