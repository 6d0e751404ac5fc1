using System.Text.Json;
using SshDoctor.TestSupport;

namespace SshDoctor.Lab.Claim;

/// <summary>sshdoctor's claim about a tree, from `check --root T --user U --key K.pub --from 127.0.0.1 --json` run in-process.</summary>
public sealed record CheckResult(bool Available, int ExitCode, string Verdict, IReadOnlyList<string> BlockingIds, string Json, string Stderr)
{
    public string Transcript => $"check exit code {ExitCode}, verdict {Verdict}, blocking [{string.Join(", ", BlockingIds)}]\n" +
                                $"---- check --json ----\n{Json.TrimEnd()}\n---- check stderr ----\n{Stderr.TrimEnd()}";
}

public static class CheckClaim
{
    public static string[] Args(string root, string user, string publicKeyPath, string client = LabClient) =>
        ["check", "--root", root, "--user", user, "--key", publicKeyPath, "--from", "127.0.0.1", "--client", client, "--json"];

    /// <summary>The lab logs in with the machine's ssh (Debian 12: OpenSSH 9.2p1), which signs RSA with rsa-sha2.</summary>
    public const string LabClient = "openssh-9.2";

    public static CheckResult Run(string root, string user, string publicKeyPath, string client = LabClient)
    {
        int exit;
        string json, err;
        try { (exit, json, err) = CliRunner.Run(Args(root, user, publicKeyPath, client)); }
        catch (Exception e) { return new CheckResult(true, -1, "crash", [], "", e.ToString()); }
        if (exit == 2 && err.Contains("'check'", StringComparison.Ordinal) && err.Contains("nrecognized", StringComparison.Ordinal))
            return new CheckResult(false, exit, "n/a", [], "", err); // the command has not landed in this branch yet

        try
        {
            using var doc = JsonDocument.Parse(json);
            var verdict = doc.RootElement.GetProperty("verdict").GetString() ?? "";
            var blocking = doc.RootElement.TryGetProperty("findings", out var findings)
                ? findings.EnumerateArray()
                    .Where(f => f.GetProperty("severity").GetString() == "blocking")
                    .Select(f => f.GetProperty("id").GetString() ?? "")
                    .Distinct().Order(StringComparer.Ordinal).ToArray()
                : [];
            return new CheckResult(true, exit, verdict, blocking, json, err);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            return new CheckResult(true, exit, "unparseable", [], json, err + "\n(JSON: " + e.Message + ")");
        }
    }
}
