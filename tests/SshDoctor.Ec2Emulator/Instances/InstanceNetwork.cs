using System.Net;

namespace SshDoctor.Ec2Emulator.Instances;

/// <summary>
/// The instance's network: its own network namespace joined to the host by a veth pair on a private /30 in
/// 10.215.0.0/16 (the instance's side is its private address), plus, while it has one, a public address from
/// 10.216.0.0/16 on the instance's interface with a host route to it. Both are reachable from the host like a real
/// host's, on port 22. Addresses are allocated under a host-wide lock against every address already configured,
/// so several emulators (and other test processes) never collide. Dispose deletes the namespace (the veth pair
/// and the host route go with it).
/// </summary>
internal sealed class InstanceNetwork : IDisposable
{
    public const string NamespacePrefix = "sdemu-";
    private const string LockPath = "/run/lock/sshdoctor-ec2emu.lock";

    public string Namespace { get; }
    public string HostVeth { get; }
    public string InstanceVeth { get; }
    public string HostAddress { get; }
    public string PrivateAddress { get; }
    public string? PublicAddress { get; private set; }
    private bool _disposed;

    private InstanceNetwork(string ns, string veth, string hostAddress, string privateAddress)
    {
        Namespace = ns;
        HostVeth = veth + "h";
        InstanceVeth = veth + "i";
        HostAddress = hostAddress;
        PrivateAddress = privateAddress;
    }

    public static InstanceNetwork Create(int sequence)
    {
        using var hostLock = HostLock();
        var used = UsedAddresses();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var third = Random.Shared.Next(0, 256);
            var fourth = Random.Shared.Next(0, 64) * 4;
            var host = $"10.215.{third}.{fourth + 1}";
            var inst = $"10.215.{third}.{fourth + 2}";
            if (used.Contains(host) || used.Contains(inst)) continue;
            var tag = Model.Ids.Hex(8);
            var net = new InstanceNetwork($"{NamespacePrefix}{Environment.ProcessId}-{sequence}-{tag[..4]}", "sde" + tag, host, inst);
            try
            {
                net.Configure();
                return net;
            }
            catch
            {
                net.Dispose();
                throw;
            }
        }
        throw new InvalidOperationException("no free /30 left in 10.215.0.0/16");
    }

    private void Configure()
    {
        HostCommand.Must("ip", "netns", "add", Namespace);
        HostCommand.Must("ip", "link", "add", HostVeth, "type", "veth", "peer", "name", InstanceVeth, "netns", Namespace);
        HostCommand.Must("ip", "addr", "add", HostAddress + "/30", "dev", HostVeth);
        HostCommand.Must("ip", "link", "set", HostVeth, "up");
        HostCommand.Must("ip", "-n", Namespace, "addr", "add", PrivateAddress + "/30", "dev", InstanceVeth);
        HostCommand.Must("ip", "-n", Namespace, "link", "set", InstanceVeth, "up");
        HostCommand.Must("ip", "-n", Namespace, "link", "set", "lo", "up");
        HostCommand.Must("ip", "-n", Namespace, "route", "add", "default", "via", HostAddress);
    }

    /// <summary>Gives the instance a (new) public address.</summary>
    public string AttachPublicAddress()
    {
        if (PublicAddress is { } existing) return existing;
        using var hostLock = HostLock();
        var used = UsedAddresses();
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var address = $"10.216.{Random.Shared.Next(0, 256)}.{Random.Shared.Next(1, 255)}";
            if (used.Contains(address) || address == _lastPublic) continue;
            HostCommand.Must("ip", "-n", Namespace, "addr", "add", address + "/32", "dev", InstanceVeth);
            HostCommand.Must("ip", "route", "add", address + "/32", "dev", HostVeth);
            _lastPublic = PublicAddress = address;
            return address;
        }
        throw new InvalidOperationException("no free address left in 10.216.0.0/16");
    }

    private string? _lastPublic;

    /// <summary>Releases the public address (a stop without Elastic IP).</summary>
    public void DetachPublicAddress()
    {
        if (PublicAddress is not { } address) return;
        HostCommand.Run("ip", "route", "del", address + "/32", "dev", HostVeth);
        HostCommand.Run("ip", "-n", Namespace, "addr", "del", address + "/32", "dev", InstanceVeth);
        PublicAddress = null;
    }

    private static HashSet<string> UsedAddresses()
    {
        var used = new HashSet<string>();
        var text = HostCommand.Must("ip", "-4", "-o", "addr", "show") + HostCommand.Must("ip", "-4", "route", "show");
        foreach (var netns in NamespacesOnHost())
        {
            var (exit, output, _) = HostCommand.Run("ip", "-n", netns, "-4", "-o", "addr", "show");
            if (exit == 0) text += output;
        }
        foreach (var word in text.Split([' ', '\n', '\t', '/'], StringSplitOptions.RemoveEmptyEntries))
            if (IPAddress.TryParse(word, out _) && word.StartsWith("10.21", StringComparison.Ordinal)) used.Add(word);
        return used;
    }

    public static IEnumerable<string> NamespacesOnHost() =>
        Directory.Exists("/run/netns") ? Directory.GetFiles("/run/netns").Select(Path.GetFileName).OfType<string>() : [];

    /// <summary>A host-wide lock (flock-like: an exclusive open) around allocation and configuration.</summary>
    private static FileStream HostLock()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(LockPath)!);
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            try { return new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None); }
            catch (IOException) when (DateTime.UtcNow < deadline) { Thread.Sleep(20); }
        }
    }

    /// <summary>Namespaces left by an emulator process that died (its PID is gone): their processes are killed, they are deleted.</summary>
    public static void RemoveStale()
    {
        foreach (var ns in NamespacesOnHost().Where(n => n.StartsWith(NamespacePrefix, StringComparison.Ordinal)).ToArray())
        {
            var pidText = ns[NamespacePrefix.Length..].Split('-')[0];
            if (!int.TryParse(pidText, out var pid) || Directory.Exists("/proc/" + pid)) continue;
            KillProcessesIn(ns);
            HostCommand.Run("ip", "netns", "del", ns);
        }
    }

    private static void KillProcessesIn(string ns)
    {
        var (_, pids, _) = HostCommand.Run("ip", "netns", "pids", ns);
        foreach (var p in pids.Split('\n', StringSplitOptions.RemoveEmptyEntries))
            if (int.TryParse(p.Trim(), out var pid)) HostCommand.Run("kill", "-KILL", pid.ToString());
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        KillProcessesIn(Namespace);
        DetachPublicAddress();
        HostCommand.Run("ip", "netns", "del", Namespace);
        HostCommand.Run("ip", "link", "del", HostVeth); // gone with the namespace already; this covers a half-made one
    }
}
