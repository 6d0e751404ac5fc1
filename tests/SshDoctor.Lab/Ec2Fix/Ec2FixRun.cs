using System.Diagnostics;
using SshDoctor.Lab.Ec2;
using SshDoctor.Lab.Hostile;
using Emulator = SshDoctor.Ec2Emulator.Ec2Emulator;

namespace SshDoctor.Lab.Ec2Fix;

/// <summary>
/// Runs the built sshdoctor (sshdoctor.dll, a real child process) against the EC2 EMULATOR the way a user runs it
/// against AWS: credentials and region in the environment, the endpoints through AWS_ENDPOINT_URL, a private state
/// directory for the journal. <see cref="Start"/> gives the process to a test that kills it mid-run.
/// </summary>
public sealed class Ec2FixRun(Emulator emulator, string stateDir)
{
    public string StateDir { get; } = stateDir;

    public static Ec2FixRun For(Emulator emulator)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"sshdoctor-ec2fix-state-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return new Ec2FixRun(emulator, dir);
    }

    public Process Start(params string[] args)
    {
        var psi = new ProcessStartInfo("/usr/bin/dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        psi.ArgumentList.Add(Jail.Dll);
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["AWS_ACCESS_KEY_ID"] = EmulatorLab.Credentials.GetCredentials().AccessKey;
        psi.Environment["AWS_SECRET_ACCESS_KEY"] = EmulatorLab.Credentials.GetCredentials().SecretKey;
        psi.Environment["AWS_REGION"] = emulator.Options.Region;
        psi.Environment["AWS_ENDPOINT_URL"] = emulator.Url;
        psi.Environment["AWS_MAX_ATTEMPTS"] = "1";
        psi.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        psi.Environment["AWS_CONFIG_FILE"] = "/dev/null";
        psi.Environment["AWS_SHARED_CREDENTIALS_FILE"] = "/dev/null";
        psi.Environment["SSHDOCTOR_STATE_DIR"] = StateDir;
        psi.Environment["SSHDOCTOR_EC2_POLL"] = "0.2";
        psi.Environment["SSHDOCTOR_EC2_STATE_TIMEOUT"] = "60";
        psi.Environment["SSHDOCTOR_EC2_REPORT_TIMEOUT"] = "90";
        psi.Environment["LANG"] = "C.UTF-8";
        var p = Process.Start(psi)!;
        p.StandardInput.Close();
        return p;
    }

    public (int Exit, string Out, string Err) Run(params string[] args) => Finish(Start(args), TimeSpan.FromMinutes(5));

    public static (int Exit, string Out, string Err) Finish(Process p, TimeSpan timeout)
    {
        var o = p.StandardOutput.ReadToEndAsync();
        var e = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout)) { p.Kill(true); return (-1, o.Result, e.Result + "\n(timed out)"); }
        p.WaitForExit();
        return (p.ExitCode, o.Result, e.Result);
    }
}
