using System.Diagnostics;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Core.Model;

/// <summary>
/// On a live system with sshd installed, `sshd -T -C …` is an oracle for the effective settings. A
/// disagreement with the model is reported as a warning, never trusted as a text contract.
/// </summary>
public static class SshdCrossCheck
{
    private const string Sshd = "/usr/sbin/sshd";

    public static void Run(TargetContext ctx, EffectiveConfig cfg, string user, string? from, Evidence ev)
    {
        if (!ctx.Root.IsLive || !File.Exists(Sshd) || Environment.UserName != "root" || ctx.Config.Errors.Count > 0) return;
        // Without an address the model leaves Address blocks aside; sshd -T would need one: skip the comparison.
        if (from is null && cfg.AddressConditions.Count > 0) return;
        var addr = from ?? "127.0.0.1";
        var output = RunSshdT($"user={user},host={addr},addr={addr},laddr=127.0.0.1,lport={ctx.MainPort}", ctx.Service);
        if (output is null) return;
        var reported = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Trim().Split(' ', 2);
            if (parts.Length == 2) reported.TryAdd(parts[0], parts[1].Trim());
        }
        Compare(ev, reported, "pubkeyauthentication", cfg.PubkeyAuthentication.Value ? "yes" : "no");
        Compare(ev, reported, "strictmodes", cfg.StrictModes.Value ? "yes" : "no");
        Compare(ev, reported, "usepam", cfg.UsePam.Value ? "yes" : "no");
        Compare(ev, reported, "permitrootlogin", cfg.PermitRootLogin.Value);
        Compare(ev, reported, "authorizedkeysfile", string.Join(' ', cfg.AuthorizedKeysFiles.Value));
        Compare(ev, reported, "authenticationmethods", cfg.AuthenticationMethods.Value);
        Compare(ev, reported, "pubkeyacceptedalgorithms", string.Join(',', Algorithms.Effective(cfg.PubkeyAcceptedAlgorithms.Value, ctx.Version)));
    }

    private static void Compare(Evidence ev, Dictionary<string, string> reported, string keyword, string model)
    {
        if (!reported.TryGetValue(keyword, out var actual)) return;
        if (Normalize(keyword, actual) == Normalize(keyword, model)) return;
        ev.Add(FindingId.SSHD_EFFECTIVE_MISMATCH, Severity.Warning, null, [$"sshd -T | grep -i {keyword}"],
            ("keyword", keyword), ("model", model), ("sshd", actual));
    }

    private static string Normalize(string keyword, string value)
    {
        var v = value.Trim().ToLowerInvariant();
        if (keyword == "permitrootlogin" && v == "without-password") return "prohibit-password";
        return v;
    }

    /// <summary>sshd -T with the same -f and -o options the service manager starts sshd with.</summary>
    private static string? RunSshdT(string spec, ServiceOptions service)
    {
        try
        {
            var psi = new ProcessStartInfo(Sshd) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-T");
            psi.ArgumentList.Add("-C");
            psi.ArgumentList.Add(spec);
            if (service.ConfigFile is { } file)
            {
                psi.ArgumentList.Add("-f");
                psi.ArgumentList.Add(file);
            }
            foreach (var option in service.Options)
            {
                psi.ArgumentList.Add("-o");
                psi.ArgumentList.Add(option.Line);
            }
            using var process = Process.Start(psi);
            if (process is null) return null;
            var stdout = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(5000))
            {
                process.Kill();
                return null;
            }
            return process.ExitCode == 0 ? stdout.Result : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
        {
            return null;
        }
    }
}
