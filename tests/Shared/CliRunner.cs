using System.Diagnostics;
using System.Text;
using SshDoctor.Cli;
using SshDoctor.Cli.Commands;

namespace SshDoctor.TestSupport;

/// <summary>
/// Runs sshdoctor as the tests' CLI: in-process by default; when SSHDOCTOR_BIN names an executable (the published
/// Native AOT binary), that executable runs instead, with the same arguments, standard input and exit code.
/// </summary>
public static class CliRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    /// <summary>The executable under test, or null for in-process runs.</summary>
    public static string? Binary { get; } = Environment.GetEnvironmentVariable("SSHDOCTOR_BIN") is { Length: > 0 } bin ? Path.GetFullPath(bin) : null;

    public static (int Exit, string Out, string Err) Run(string[] args, byte[]? stdin = null)
    {
        if (Binary is { } bin) return RunProcess(bin, args, stdin ?? []);
        var o = new StringWriter();
        var e = new StringWriter();
        if (stdin is null) return (CliApp.Run(args, o, e), o.ToString(), e.ToString());
        lock (CliInputLock)
        {
            var saved = CliInput.OpenStdin;
            CliInput.OpenStdin = () => new MemoryStream(stdin);
            try { return (CliApp.Run(args, o, e), o.ToString(), e.ToString()); }
            finally { CliInput.OpenStdin = saved; }
        }
    }

    private static readonly object CliInputLock = new();

    /// <summary>The executable itself: SSHDOCTOR_BIN, else the JIT build's apphost next to the tests.</summary>
    public static string Executable => Binary ?? Path.Combine(AppContext.BaseDirectory, "sshdoctor");

    /// <summary>Runs a command line (program first) as a child process; for what only a real process shows.</summary>
    public static (int Exit, string Out, string Err) RunProcess(string program, string[] args, byte[] stdin)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SSHDOCTOR_NO_PROMPT"] = "1";
        using var p = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + program);
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        try
        {
            p.StandardInput.BaseStream.Write(stdin);
            p.StandardInput.Close();
        }
        catch (IOException) { } // the command did not read its input
        if (!p.WaitForExit(Timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', args)} did not finish in {Timeout}");
        }
        p.WaitForExit();
        return (p.ExitCode, stdout.Result, stderr.Result);
    }
}
