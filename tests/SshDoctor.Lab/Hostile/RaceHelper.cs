using System.Diagnostics;
using SshDoctor.Lab.Harness;

namespace SshDoctor.Lab.Hostile;

/// <summary>swap.c, compiled once per test run with the machine's gcc (see the file's header for its modes).</summary>
public static class RaceHelper
{
    private static readonly Lazy<string> Binary = new(() =>
    {
        var output = Path.Combine(LabRun.Dir, "swap");
        LabRun.Exec("/usr/bin/gcc", "-O2", "-Wall", "-Werror", "-o", output, Path.Combine(AppContext.BaseDirectory, "Hostile", "swap.c"));
        return output;
    });

    public static string Path_ => Binary.Value;

    /// <summary>Starts `swap MODE A B` in the background (optionally through setpriv as another user).</summary>
    public static Process Start(string mode, string a, string b)
    {
        var psi = new ProcessStartInfo(Binary.Value) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var x in new[] { mode, a, b }) psi.ArgumentList.Add(x);
        return Process.Start(psi)!;
    }

    /// <summary>SIGTERM, wait (bounded), return how many exchanges it made.</summary>
    public static long Stop(Process p)
    {
        if (!p.HasExited) Kill(p.Id, 15);
        if (!p.WaitForExit(5000)) { p.Kill(); p.WaitForExit(); }
        return long.TryParse(p.StandardOutput.ReadToEnd().Trim(), out var n) ? n : -1;
    }

    public static void Once(string a, string b) => LabRun.Exec(Binary.Value, "once", a, b);
    public static void Socket(string path) => LabRun.Exec(Binary.Value, "socket", path);

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill")]
    private static extern int Kill(int pid, int sig);
}
