using System.Diagnostics;

namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>Runs a host program (ip, ssh-keygen) to completion, bounded.</summary>
internal static class HostCommand
{
    public static (int Exit, string Out, string Err) Run(string file, params string[] args)
    {
        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("cannot start " + file);
        p.StandardInput.Close();
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in 30 s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static string Must(string file, params string[] args)
    {
        var (exit, output, err) = Run(file, args);
        if (exit != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited {exit}: {err.Trim()}");
        return output;
    }
}
