using System.Diagnostics;

namespace SshDoctor.Tests.Keys;

/// <summary>
/// Runs ssh-keygen, puttygen and openssl for tests. A missing tool is a test failure with a message
/// saying what to install, never a silent skip (CI installs openssh-client, putty-tools, openssl).
/// </summary>
internal static class ExternalTools
{
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["ssh-keygen"] = "openssh-client",
        ["puttygen"] = "putty-tools",
        ["openssl"] = "openssl",
    };

    public static string Find(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (dir.Length == 0) continue;
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"'{tool}' is not installed but these tests need it to make real keys: apt-get install -y {Packages.GetValueOrDefault(tool, tool)}");
    }

    /// <summary>Runs the tool; a non-zero exit fails with its stderr.</summary>
    public static string Run(string tool, params string[] args) => RunIn(null, null, tool, args);

    public static string RunIn(string? workDir, string? stdin, string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        if (stdin is not null) p.StandardInput.Write(stdin);
        p.StandardInput.Close();
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        var stdout = stdoutTask.Result;
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} timed out");
        }
        if (p.ExitCode != 0)
            throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed ({p.ExitCode}): {stderr.Trim()}");
        return stdout;
    }

    /// <summary>Like <see cref="RunIn"/> but returns the exit code and output instead of failing.</summary>
    public static (int Code, string Out, string Err) TryRun(string tool, params string[] args)
    {
        var psi = new ProcessStartInfo(Find(tool))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["LC_ALL"] = "C";
        using var p = Process.Start(psi)!;
        p.StandardInput.Close();
        var stdoutTask = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        var stdout = stdoutTask.Result;
        p.WaitForExit();
        return (p.ExitCode, stdout, stderr);
    }

    /// <summary>`ssh-keygen -l [-E md5] -f FILE`: (bits, fingerprint).</summary>
    public static (int Bits, string Fingerprint) KeygenFingerprint(string file, bool md5 = false)
    {
        var output = md5 ? Run("ssh-keygen", "-l", "-E", "md5", "-f", file) : Run("ssh-keygen", "-l", "-f", file);
        var words = output.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (int.Parse(words[0]), words[1]);
    }
}
