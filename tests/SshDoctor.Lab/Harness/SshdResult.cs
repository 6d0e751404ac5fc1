namespace SshDoctor.Lab.Harness;

/// <summary>What the real sshd did with one login attempt.</summary>
public sealed record SshdResult(bool Started, int SshExitCode, IReadOnlyList<string> Log, string ClientOutput, TimeSpan Elapsed)
{
    /// <summary>sshd logged "Accepted publickey for USER": the key was accepted (the session may still fail, e.g. nologin shell).</summary>
    public bool Authenticated => Log.Any(l => l.Contains("Accepted publickey for ", StringComparison.Ordinal));

    public string Verdict => Authenticated ? "accepted" : "refused";

    public string Transcript =>
        $"sshd started: {Started}, ssh exit code: {SshExitCode}, authenticated: {Authenticated}, {Elapsed.TotalMilliseconds:F0} ms\n" +
        "---- sshd log ----\n" + string.Join('\n', Log) + "\n---- ssh client ----\n" + ClientOutput.TrimEnd();
}

/// <summary>What a script run by <see cref="RealSshd.RunScript"/> did: its exit code and its stdout+stderr.</summary>
public sealed record ScriptResult(int ExitCode, string Output);
