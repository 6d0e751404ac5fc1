using System.Text;
using SshDoctor.Ec2Emulator.Model;

namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>
/// One emulated instance: its state machine (pending → running → stopping → stopped → pending …, each transition
/// after the configured delay), its network namespace and addresses, and while it runs, one boot
/// (<see cref="InstanceAgent"/>) with the real sshd and cloud-init's final stage. The lab tree is its disk.
/// </summary>
public sealed class EmulatedInstance : IDisposable
{
    private readonly Lock _gate = new();
    private readonly EmulatorOptions _options;
    private readonly Faults.FaultPlan _faults;
    private readonly InstanceNetwork _network;
    private InstanceAgent? _agent;
    private int _commandSeq;
    private byte[] _userData;
    private Task _transition = Task.CompletedTask;

    public string InstanceId { get; }
    public InstanceSpec Spec { get; }
    public ImageSpec Image { get; }
    public string DefaultUser { get; }
    /// <summary>The emulator's files for this instance (console log, sshd log, overlay work dir): not on the instance's disk.</summary>
    public string RunDir { get; }
    public string ConsoleLogPath => Path.Combine(RunDir, "console.log");
    public string SshdLogPath => Path.Combine(RunDir, "sshd.log");
    public DateTime LaunchTime { get; private set; }
    public InstanceState State { get { lock (_gate) return _state; } }
    private InstanceState _state = InstanceState.Stopped;
    public string StateTransitionReason { get; private set; } = "";
    public int Boots { get; private set; }
    /// <summary>cloud-init's final stage of the current boot finished (instance status "ok").</summary>
    public bool BootFinished => _agent is { } a && a.Booted.IsCompletedSuccessfully && a.Booted.Result >= 0;
    public string PrivateIpAddress => _network.PrivateAddress;
    public string? PublicIpAddress => _network.PublicAddress;
    public string NetworkNamespace => _network.Namespace;
    /// <summary>The host's end of the instance's veth pair.</summary>
    public string HostVeth => _network.HostVeth;
    public string VolumeId { get; } = Ids.New("vol");
    public string NetworkInterfaceId { get; } = Ids.New("eni");

    internal EmulatedInstance(InstanceSpec spec, ImageSpec image, EmulatorOptions options, Faults.FaultPlan faults, string runDir, int sequence)
    {
        Spec = spec;
        Image = image;
        InstanceId = spec.InstanceId ?? Ids.New("i");
        DefaultUser = spec.DefaultUser ?? image.DefaultUser;
        _options = options;
        _faults = faults;
        _userData = [.. spec.UserData];
        RunDir = Path.Combine(runDir, InstanceId);
        Directory.CreateDirectory(Path.Combine(RunDir, "io"));
        File.WriteAllBytes(ConsoleLogPath, []);
        LaunchTime = DateTime.UtcNow;
        _network = InstanceNetwork.Create(sequence);
    }

    /// <summary>The user data as EC2 stores it (raw bytes; the API shows them base64).</summary>
    public byte[] UserData { get { lock (_gate) return [.. _userData]; } }

    /// <summary>Everything written to the instance's serial console during the current boot.</summary>
    public string ConsoleLog => File.Exists(ConsoleLogPath) ? Encoding.UTF8.GetString(ReadShared(ConsoleLogPath)) : "";
    public byte[] ConsoleBytes => File.Exists(ConsoleLogPath) ? ReadShared(ConsoleLogPath) : [];
    public string SshdLog => File.Exists(SshdLogPath) ? Encoding.UTF8.GetString(ReadShared(SshdLogPath)) : "";

    private static byte[] ReadShared(string path)
    {
        using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var ms = new MemoryStream();
        fs.CopyTo(ms);
        return ms.ToArray();
    }

    internal bool HasPublicAddressAtLaunch(SubnetSpec subnet) => Spec.AssociatePublicIp ?? subnet.MapPublicIpOnLaunch;
    private bool _wantsPublic;

    /// <summary>Launch: the first start (boots unless the spec says stopped).</summary>
    internal void Launch(SubnetSpec subnet)
    {
        _wantsPublic = HasPublicAddressAtLaunch(subnet) || Spec.ElasticIp;
        if (Spec.ElasticIp) _network.AttachPublicAddress();
        if (!Spec.StartStopped) Start(wait: false);
    }

    /// <summary>StartInstances: stopped → pending → running. Returns (previous, current).</summary>
    internal (InstanceState Previous, InstanceState Current) Start(bool wait = false)
    {
        lock (_gate)
        {
            var previous = _state;
            if (previous is InstanceState.Pending or InstanceState.Running) return (previous, previous);
            if (previous != InstanceState.Stopped)
                throw Http.ApiError.Ec2("IncorrectInstanceState", $"The instance '{InstanceId}' is not in a state from which it can be started.");
            _state = InstanceState.Pending;
            StateTransitionReason = "";
            _transition = Task.Run(Boot);
            if (wait) _transition.Wait();
            return (previous, InstanceState.Pending);
        }
    }

    private async Task Boot()
    {
        if (_wantsPublic) _network.AttachPublicAddress();
        if (_faults.IsNeverRunning(InstanceId)) return; // stays pending: the host never brings it up
        File.WriteAllBytes(ConsoleLogPath, []); // a new boot, a new console buffer
        var io = Path.Combine(RunDir, "io");
        File.WriteAllBytes(Path.Combine(io, "user-data"), UserData);
        var keyFile = Path.Combine(io, "key-pair.pub");
        if (Boots == 0 && Spec.InstallKeyPairAtFirstBoot && KeyPairPublicKey is { } key) File.WriteAllText(keyFile, key.Trim() + "\n");
        else File.Delete(keyFile);
        Boots++;
        var agent = new InstanceAgent(_network.Namespace, Spec.Root, RunDir, InstanceId, DefaultUser);
        lock (_gate) _agent = agent;
        // The machine runs whether or not sshd came up (a broken sshd_config is a case to diagnose, not a failed start).
        try { await Task.WhenAll(Task.Delay(_options.StartDelay), agent.SshdStarted.WaitAsync(TimeSpan.FromSeconds(20))); }
        catch (TimeoutException) { }
        lock (_gate) if (_state == InstanceState.Pending && !_faults.IsNeverRunning(InstanceId)) _state = InstanceState.Running;
    }

    /// <summary>The key pair's public key line (set by the emulator from the key pair named by the spec).</summary>
    internal string? KeyPairPublicKey { get; set; }

    /// <summary>StopInstances: running → stopping → stopped; without an Elastic IP the public address is released.</summary>
    internal (InstanceState Previous, InstanceState Current) Stop(bool force)
    {
        lock (_gate)
        {
            var previous = _state;
            if (previous is InstanceState.Stopping or InstanceState.Stopped) return (previous, previous);
            if (previous == InstanceState.Pending && !force && _agent is not null)
                throw Http.ApiError.Ec2("IncorrectInstanceState", $"The instance '{InstanceId}' is not in a state from which it can be stopped.");
            _state = InstanceState.Stopping;
            StateTransitionReason = $"User initiated ({DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} GMT)";
            var boot = _transition;
            _transition = Task.Run(async () =>
            {
                try { await boot; } catch (Exception) { }
                InstanceAgent? agent;
                lock (_gate) { agent = _agent; _agent = null; }
                var clock = System.Diagnostics.Stopwatch.StartNew();
                agent?.Stop(force ? TimeSpan.FromSeconds(1) : TimeSpan.FromSeconds(10));
                agent?.Dispose();
                var left = _options.StopDelay - clock.Elapsed;
                if (left > TimeSpan.Zero) await Task.Delay(left);
                if (!Spec.ElasticIp) _network.DetachPublicAddress();
                lock (_gate) _state = InstanceState.Stopped;
            });
            return (previous, InstanceState.Stopping);
        }
    }

    /// <summary>ModifyInstanceAttribute UserData: only when stopped, as EC2 requires.</summary>
    internal void SetUserData(byte[] data)
    {
        lock (_gate)
        {
            if (_state != InstanceState.Stopped)
                throw Http.ApiError.Ec2("IncorrectInstanceState", $"The instance '{InstanceId}' is not in the 'stopped' state.");
            _userData = [.. data];
        }
    }

    /// <summary>Waits until the instance reaches <paramref name="state"/> (tests; the API never blocks).</summary>
    public bool WaitFor(InstanceState state, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (State == state) return true;
            Thread.Sleep(20);
        }
        return State == state;
    }

    /// <summary>Waits until cloud-init's final stage of the current boot finished.</summary>
    public bool WaitForBoot(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (BootFinished) return true;
            Thread.Sleep(20);
        }
        return BootFinished;
    }

    /// <summary>The SSM agent is online: installed, not faulted offline, and the instance runs.</summary>
    internal bool SsmOnline => Spec.SsmAgent && !_faults.IsAgentOffline(InstanceId) && State == InstanceState.Running && _agent is { Alive: true };

    /// <summary>
    /// The emulator's endpoint as the instance reaches it: its port on the host's end of the instance's veth pair
    /// (http://10.215.x.1:PORT/), served only on that address and 127.0.0.1.
    /// </summary>
    public string EmulatorUrl { get; internal set; } = "";

    internal string HostAddress => _network.HostAddress;

    /// <summary>
    /// What the SSM agent puts in a command's environment besides its service's PATH and LANG: AWS_SSM_INSTANCE_ID and
    /// AWS_SSM_REGION_NAME as the real agent does; then, only when the spec asks, AWS_ENDPOINT_URL (the emulator, the one
    /// emulator artifact) and <see cref="InstanceSpec.CommandEnvironment"/> (e.g. credentials: the emulator has no IMDS).
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> CommandEnvironment
    {
        get
        {
            var env = new List<KeyValuePair<string, string>>
            {
                new("AWS_SSM_INSTANCE_ID", InstanceId),
                new("AWS_SSM_REGION_NAME", _options.Region),
            };
            if (Spec.EndpointInCommandEnvironment) env.Add(new("AWS_ENDPOINT_URL", EmulatorUrl));
            env.AddRange(Spec.CommandEnvironment);
            return env;
        }
    }

    /// <summary>Runs a script as root in the instance from WORKDIR (the SSM agent's job); stdout and stderr come back whole.</summary>
    internal async Task<(int ExitCode, string Stdout, string Stderr)> RunScript(string script, int timeoutSeconds, string workDir)
    {
        InstanceAgent? agent;
        int id;
        lock (_gate) { agent = _agent; id = ++_commandSeq; }
        if (agent is null) return (-1, "", "the instance is not running");
        var io = Path.Combine(RunDir, "io");
        var path = Path.Combine(io, $"cmd-{id}.sh");
        File.WriteAllText(path, script);
        // NAME=VALUE entries, NUL-separated: the agent passes them to env(1), no shell ever parses them.
        File.WriteAllText(Path.Combine(io, $"cmd-{id}.env"), string.Concat(CommandEnvironment.Select(e => e.Key + "=" + e.Value + "\0")));
        var rc = await agent.RunCommand(id, timeoutSeconds, workDir);
        string Read(string ext) => File.Exists(Path.Combine(io, $"cmd-{id}.{ext}")) ? File.ReadAllText(Path.Combine(io, $"cmd-{id}.{ext}")) : "";
        return (rc, Read("out"), Read("err"));
    }

    internal string AgentErrors => _agent?.Errors ?? "";

    private string? _appliedFilter;
    private readonly Lock _filterGate = new();

    /// <summary>Loads the VPC's rules into the instance's namespace when they changed (nft replaces the table atomically).</summary>
    internal void ApplyPacketFilter(string ruleset)
    {
        lock (_filterGate)
        {
            if (ruleset == _appliedFilter) return;
            var file = Path.Combine(RunDir, "vpc.nft");
            File.WriteAllText(file, ruleset);
            HostCommand.Must("ip", "netns", "exec", _network.Namespace, "nft", "-f", file);
            _appliedFilter = ruleset;
        }
    }

    /// <summary>The nftables ruleset now in force (the VPC's security groups, network ACL and internet route).</summary>
    public string? PacketFilter { get { lock (_filterGate) return _appliedFilter; } }

    public void Dispose()
    {
        InstanceAgent? agent;
        lock (_gate) { agent = _agent; _agent = null; }
        try { _transition.Wait(TimeSpan.FromSeconds(30)); } catch (AggregateException) { }
        lock (_gate) { agent ??= _agent; _agent = null; }
        agent?.Dispose();
        _network.Dispose();
    }
}
