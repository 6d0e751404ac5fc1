namespace SshDoctor.Ec2Emulator.Faults;

/// <summary>
/// Faults a test asks for: an IAM deny of an action ("ec2:DescribeKeyPairs", "ssm:SendCommand"), throttling of an
/// action (or "*") for the next N calls, an instance that never reaches running after a start, an SSM agent that
/// went offline. Thread-safe; changes apply to the next request.
/// </summary>
public sealed class FaultPlan
{
    private readonly Lock _gate = new();
    private readonly HashSet<string> _denied = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _throttled = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _neverRunning = [];
    private readonly HashSet<string> _agentOffline = [];

    /// <summary>The identity the emulator says was denied.</summary>
    public string CallerArn { get; set; } = "arn:aws:iam::123456789012:user/sshdoctor-lab";

    public void Deny(string action) { lock (_gate) _denied.Add(action); }
    public void Allow(string action) { lock (_gate) _denied.Remove(action); }
    public bool IsDenied(string action) { lock (_gate) return _denied.Contains(action); }

    /// <summary>The next <paramref name="calls"/> calls of <paramref name="action"/> ("*" = any) are throttled.</summary>
    public void Throttle(string action, int calls) { lock (_gate) _throttled[action] = calls; }

    /// <summary>True (and counts the call) when this call of <paramref name="action"/> is to be throttled.</summary>
    public bool TakeThrottle(string action)
    {
        lock (_gate)
        {
            foreach (var key in new[] { action, "*" })
                if (_throttled.TryGetValue(key, out var left) && left > 0)
                {
                    _throttled[key] = left - 1;
                    return true;
                }
            return false;
        }
    }

    public int ThrottledCallsLeft(string action) { lock (_gate) return _throttled.GetValueOrDefault(action); }

    /// <summary>After a start the instance stays pending (its boot never completes).</summary>
    public void NeverRunning(string instanceId, bool on = true) { lock (_gate) { if (on) _neverRunning.Add(instanceId); else _neverRunning.Remove(instanceId); } }
    public bool IsNeverRunning(string instanceId) { lock (_gate) return _neverRunning.Contains(instanceId); }

    /// <summary>The instance's SSM agent stops pinging: ConnectionLost, SendCommand refused.</summary>
    public void AgentOffline(string instanceId, bool on = true) { lock (_gate) { if (on) _agentOffline.Add(instanceId); else _agentOffline.Remove(instanceId); } }
    public bool IsAgentOffline(string instanceId) { lock (_gate) return _agentOffline.Contains(instanceId); }
}
