using System.Text.Json;
using SshDoctor.TestSupport;

namespace SshDoctor.Lab.Probe;

/// <summary>Runs the CLI (in-process, or SSHDOCTOR_BIN) and reads its JSON; asks `ssh -v` for the truth.</summary>
public static class ProbeCli
{
    public sealed record Result(int Exit, JsonElement Json, string Out, string Err)
    {
        public IEnumerable<JsonElement> Candidates => Json.GetProperty("candidates").EnumerateArray();
        public string ResultOf(string user) => Candidates.First(c => c.GetProperty("user").GetString() == user).GetProperty("result").GetString()!;
        public HashSet<string> PkOk => Candidates.Where(c => c.GetProperty("result").GetString() == "pk_ok")
            .Select(c => c.GetProperty("user").GetString()!).ToHashSet();
        public IEnumerable<JsonElement> Findings => Json.GetProperty("findings").EnumerateArray();
        public JsonElement? Finding(string id) => Findings.Where(f => f.GetProperty("id").GetString() == id).Cast<JsonElement?>().FirstOrDefault();
        public string? Error => Json.GetProperty("target").TryGetProperty("error", out var e) ? e.GetString() : null;
    }

    public static Result Run(params string[] args)
    {
        var (exit, text, err) = CliRunner.Run([.. args, "--json"]);
        JsonElement json = default;
        if (text.Length > 0) json = JsonDocument.Parse(text).RootElement.Clone();
        return new Result(exit, json, text, err);
    }

    /// <summary>The truth: does OpenSSH's client see "Server accepts key" for this user?</summary>
    public static async Task<bool> SshAcceptsKey(int port, string user, string key)
    {
        var (_, _, err) = await ProbeLabServer.Run("ssh", "-v", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "PreferredAuthentications=publickey",
            "-o", "ConnectTimeout=5", "-i", key, "-p", port.ToString(), $"{user}@127.0.0.1", "true");
        return err.Contains("Server accepts key", StringComparison.Ordinal);
    }
}
