namespace SshDoctor.Ec2Emulator.Ssm;

/// <summary>One command on one instance, as GetCommandInvocation shows it. Status moves Pending → InProgress → Success|Failed|TimedOut.</summary>
internal sealed class CommandInvocation(string commandId, string instanceId, string documentName, string comment, IReadOnlyList<string> commands, int timeoutSeconds,
    string pluginName)
{
    private readonly Lock _gate = new();
    public string CommandId { get; } = commandId;
    public string InstanceId { get; } = instanceId;
    public string DocumentName { get; } = documentName;
    public string Comment { get; } = comment;
    public IReadOnlyList<string> Commands { get; } = commands;
    public int TimeoutSeconds { get; } = timeoutSeconds;
    /// <summary>aws:runShellScript for AWS-RunShellScript; a document's step name otherwise.</summary>
    public string PluginName { get; } = pluginName;
    public DateTime Requested { get; } = DateTime.UtcNow;
    public DateTime? Started { get; private set; }
    public DateTime? Ended { get; private set; }
    public string Status { get { lock (_gate) return _status; } }
    public string StatusDetails { get { lock (_gate) return _details; } }
    public int ResponseCode { get; private set; } = -1;
    public string Stdout { get; private set; } = "";
    public string Stderr { get; private set; } = "";
    private string _status = "Pending", _details = "Pending";

    public void MarkInProgress() { lock (_gate) { _status = _details = "InProgress"; Started = DateTime.UtcNow; } }

    public void Complete(int exitCode, string stdout, string stderr, bool timedOut, bool lost)
    {
        lock (_gate)
        {
            Ended = DateTime.UtcNow;
            Started ??= Ended;
            ResponseCode = exitCode;
            Stdout = stdout;
            Stderr = stderr;
            (_status, _details) = timedOut ? ("TimedOut", "ExecutionTimedOut") : lost ? ("Failed", "Undeliverable")
                : exitCode == 0 ? ("Success", "Success") : ("Failed", "Failed");
        }
    }
}
