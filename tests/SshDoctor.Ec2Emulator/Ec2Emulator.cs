using SshDoctor.Ec2Emulator.Ec2;
using SshDoctor.Ec2Emulator.Faults;
using SshDoctor.Ec2Emulator.Http;
using SshDoctor.Ec2Emulator.Instances;
using SshDoctor.Ec2Emulator.Keys;
using SshDoctor.Ec2Emulator.Model;
using SshDoctor.Ec2Emulator.Ssm;

namespace SshDoctor.Ec2Emulator;

/// <summary>
/// A local EMULATOR of the EC2 and SSM endpoints sshdoctor's ec2 command uses, built from the EC2 and SSM API
/// references (it is not AWS and never talks to AWS). One HTTP endpoint on 127.0.0.1 speaks EC2's Query protocol and
/// SSM's JSON 1.1, so the AWS SDK clients work unchanged with ServiceURL = <see cref="Url"/>. Each instance is a lab
/// tree served by the real sshd in its own network, mount and PID namespaces. Needs root. Dispose stops every
/// instance and removes every namespace and veth it made.
/// </summary>
public sealed class Ec2Emulator : IDisposable
{
    private readonly EmulatorState _state;
    private readonly EmulatorHttpServer _server;
    private readonly SsmApi _ssm;
    private readonly Ec2Api _ec2;
    private readonly string _runDir;
    private int _sequence;
    private bool _disposed;

    /// <summary>Where the emulator keeps per-instance files: /tmp/sshdoctor-ec2emu/run-PID-N.</summary>
    public const string BaseDir = "/tmp/sshdoctor-ec2emu";
    private static int _emulators;

    public string Url => _server.Url;
    public string Ec2Url => Url;
    public string SsmUrl => Url;
    public EmulatorOptions Options => _state.Options;
    public FaultPlan Faults => _state.Faults;
    public NetworkModel Network => _state.Network;
    public IReadOnlyCollection<EmulatedInstance> Instances => [.. _state.OrderedInstances];

    private Ec2Emulator(EmulatorOptions options)
    {
        if (Environment.UserName != "root" && !IsRoot())
            throw new InvalidOperationException("the EC2 emulator needs root (network and mount namespaces, the real sshd)");
        InstanceNetwork.RemoveStale();
        _state = new EmulatorState(options);
        _runDir = Path.Combine(BaseDir, $"run-{Environment.ProcessId}-{Interlocked.Increment(ref _emulators)}");
        if (Directory.Exists(_runDir)) Directory.Delete(_runDir, recursive: true);
        Directory.CreateDirectory(_runDir);
        _ec2 = new Ec2Api(_state);
        _ssm = new SsmApi(_state);
        _server = new EmulatorHttpServer(Route);
        _filterTimer = new Timer(_ => RefreshInBackground(), null, FilterPeriod, FilterPeriod);
    }

    private readonly Timer _filterTimer;
    private static readonly TimeSpan FilterPeriod = TimeSpan.FromMilliseconds(200);
    private int _refreshing;

    /// <summary>
    /// Loads the VPC's security groups, network ACLs and routes (<see cref="Network"/>, live lists) into every instance's
    /// packet filter now. The emulator also does it by itself every 200 ms; a test that changed a rule calls this to
    /// have it in force before its next step.
    /// </summary>
    public void RefreshNetwork()
    {
        foreach (var i in _state.OrderedInstances)
        {
            string ruleset;
            lock (_state.Network) ruleset = PacketFilter.Build(i, _state.Network, _state.SubnetOf(i), _state.GroupsOf(i).ToList());
            i.ApplyPacketFilter(ruleset);
        }
    }

    private void RefreshInBackground()
    {
        if (_disposed || Interlocked.Exchange(ref _refreshing, 1) == 1) return;
        try { RefreshNetwork(); }
        catch (InvalidOperationException) { } // a list changed while read, or an instance went away: next tick
        catch (IOException) { }
        finally { Volatile.Write(ref _refreshing, 0); }
    }

    private static bool IsRoot() =>
        File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("Uid:", StringComparison.Ordinal))
            ?.Split((char[])['\t', ' '], StringSplitOptions.RemoveEmptyEntries)[2] == "0";

    public static Ec2Emulator Start(EmulatorOptions? options = null) => new(options ?? new EmulatorOptions());

    private HttpResponseData Route(HttpRequestData request) =>
        request.Header("X-Amz-Target") is { } target && target.StartsWith("AmazonSSM.", StringComparison.Ordinal)
            ? _ssm.Handle(request)
            : _ec2.Handle(request);

    public ImageSpec AddImage(ImageSpec image)
    {
        _state.Images[image.ImageId] = image;
        return image;
    }

    /// <summary>Registers a key pair (imported unless the spec says EC2 created it); its fingerprint is computed as the console shows it.</summary>
    public KeyPairSpec AddKeyPair(KeyPairSpec spec)
    {
        var line = File.ReadAllText(spec.PublicKeyPath).Trim();
        var type = line.Split(' ')[0] == "ssh-ed25519" ? "ed25519" : "rsa";
        var fingerprint = KeyFingerprint.Compute(spec.PublicKeyPath, spec.Imported, spec.PrivateKeyPath);
        // EC2 shows the public key line with the key pair's name as its comment.
        var publicKey = string.Join(' ', line.Split(' ').Take(2)) + " " + spec.KeyName;
        _state.KeyPairs[spec.KeyName] = new KeyPairRecord(spec, type, fingerprint, publicKey);
        return spec;
    }

    /// <summary>
    /// Launches an instance backed by the tree at <see cref="InstanceSpec.Root"/> (which must hold /etc/ssh/sshd_config
    /// listening on port 22, e.g. a LabTree finished for the emulator). Unless the spec says stopped it boots:
    /// returns once it is pending; <see cref="EmulatedInstance.WaitFor"/> waits for running.
    /// </summary>
    public EmulatedInstance AddInstance(InstanceSpec spec)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!Directory.Exists(spec.Root)) throw new ArgumentException($"no tree at {spec.Root}");
        var imageId = spec.ImageId ?? _state.Images.Keys.Order().FirstOrDefault() ?? AddImage(new ImageSpec()).ImageId;
        if (!_state.Images.TryGetValue(imageId, out var image)) throw new ArgumentException($"image {imageId} was not added");
        if (spec.KeyName is { } k && !_state.KeyPairs.ContainsKey(k)) throw new ArgumentException($"key pair {k} was not added");
        _ = InstanceTypeInfo.Get(spec.InstanceType);
        var subnet = _state.Network.Subnets.FirstOrDefault(s => s.SubnetId == spec.SubnetId) ?? _state.Network.DefaultSubnet;
        var instance = new EmulatedInstance(spec with { ImageId = imageId }, image, _state.Options, _state.Faults, _runDir, Interlocked.Increment(ref _sequence));
        if (spec.KeyName is { } keyName) instance.KeyPairPublicKey = _state.KeyPairs[keyName].PublicKey;
        if (!_state.Instances.TryAdd(instance.InstanceId, instance))
        {
            instance.Dispose();
            throw new ArgumentException($"instance {instance.InstanceId} exists already");
        }
        lock (_state.InstanceOrder) _state.InstanceOrder.Add(instance.InstanceId);
        instance.EmulatorUrl = _server.AddAddress(instance.HostAddress);
        instance.ApplyPacketFilter(PacketFilter.Build(instance, _state.Network, subnet, _state.GroupsOf(instance).ToList()));
        instance.Launch(subnet);
        return instance;
    }

    public EmulatedInstance Instance(string instanceId) => _state.Instances[instanceId];

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _filterTimer.Dispose();
        while (Volatile.Read(ref _refreshing) == 1) Thread.Sleep(5);
        _server.Dispose();
        foreach (var i in _state.OrderedInstances) i.Dispose();
        try { Directory.Delete(_runDir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
