namespace SshDoctor.Core.Logs;

public enum LogInputProblem { NotFound, IsDirectory, Unreadable, Binary, Corrupt, NoLogs }

/// <summary>A log source that cannot be read: the CLI prints one line and exits 2 (3 for NoLogs).</summary>
public sealed class LogInputException(LogInputProblem problem, string path, Exception? inner = null)
    : Exception($"{problem}: {path}", inner)
{
    public LogInputProblem Problem { get; } = problem;
    public string Path { get; } = path;
}
