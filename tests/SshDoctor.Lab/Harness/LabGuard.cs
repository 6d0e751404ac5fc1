namespace SshDoctor.Lab.Harness;

/// <summary>
/// The lab needs root (mount namespaces, chown) and OpenSSH's sshd, ssh, ssh-keygen. When they are missing,
/// lab tests FAIL saying so: they never skip silently. Only SSHDOCTOR_LAB_SKIP=1 (never set by CI) skips them,
/// visibly, through <see cref="LabFactAttribute"/> / <see cref="LabTheoryAttribute"/>.
/// </summary>
public static class LabGuard
{
    public const string SkipVariable = "SSHDOCTOR_LAB_SKIP";
    public static readonly string[] Tools = ["/usr/sbin/sshd", "/usr/bin/ssh", "/usr/bin/ssh-keygen", "/usr/bin/unshare"];

    public static string? SkipReason =>
        Environment.GetEnvironmentVariable(SkipVariable) == "1"
            ? $"{SkipVariable}=1: lab tests against the real sshd were explicitly skipped"
            : null;

    private static readonly Lazy<string?> Problem = new(FindProblem);

    /// <summary>Throws (fails the test) with a clear message when the lab cannot run here.</summary>
    public static void Require()
    {
        if (Problem.Value is { } problem)
            throw new InvalidOperationException(
                $"sshdoctor lab cannot run: {problem}. The lab needs root and OpenSSH (apt-get install openssh-server " +
                $"openssh-client); set {SkipVariable}=1 to skip it explicitly.");
    }

    private static string? FindProblem()
    {
        if (!OperatingSystem.IsLinux()) return "not Linux";
        if (!IsRoot()) return "not running as root";
        var missing = Tools.Where(t => !File.Exists(t)).ToArray();
        return missing.Length > 0 ? "missing " + string.Join(", ", missing) : null;
    }

    private static bool IsRoot()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
                return line.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0"; // effective uid
        return false;
    }
}

/// <summary>A fact that runs the real sshd; skipped (visibly) only when SSHDOCTOR_LAB_SKIP=1.</summary>
public sealed class LabFactAttribute : FactAttribute
{
    public LabFactAttribute() { if (LabGuard.SkipReason is { } r) Skip = r; }
}

/// <summary>A theory that runs the real sshd; skipped (visibly) only when SSHDOCTOR_LAB_SKIP=1.</summary>
public sealed class LabTheoryAttribute : TheoryAttribute
{
    public LabTheoryAttribute() { if (LabGuard.SkipReason is { } r) Skip = r; }
}
