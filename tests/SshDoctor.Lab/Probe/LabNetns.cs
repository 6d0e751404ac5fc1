namespace SshDoctor.Lab.Probe;

/// <summary>
/// A network namespace of the test's own, joined to this one by a veth pair on a private /30, with an
/// nft rule inside that drops TCP to port 22: packets to <see cref="Address"/>:22 vanish, as behind a
/// security group. Only this test's namespace and veth pair are created and deleted; nothing else changes.
/// </summary>
public sealed class LabNetns : IAsyncDisposable
{
    public string Name { get; }
    public string Address { get; }
    private readonly string _veth;

    private LabNetns(string name, string veth, string address)
    {
        Name = name;
        _veth = veth;
        Address = address;
    }

    public static async Task<LabNetns> CreateDroppingAsync(int port = 22)
    {
        foreach (var tool in new[] { "/usr/sbin/ip", "/usr/sbin/nft" })
            if (!File.Exists(tool)) throw new InvalidOperationException($"{tool} is missing (scripts/install-lab-tools.sh installs iproute2 and nftables)");
        var id = Random.Shared.Next(0x1000, 0xffff);
        var name = $"sdoc-{Environment.ProcessId}-{id:x}";
        var veth = $"sdv{id:x}";
        var third = Random.Shared.Next(1, 254);
        var fourth = Random.Shared.Next(0, 63) * 4;
        var net = new LabNetns(name, veth, $"10.213.{third}.{fourth + 2}");
        try
        {
            await Must("ip", "netns", "add", name);
            await Must("ip", "link", "add", veth + "a", "type", "veth", "peer", "name", veth + "b");
            await Must("ip", "link", "set", veth + "b", "netns", name);
            await Must("ip", "addr", "add", $"10.213.{third}.{fourth + 1}/30", "dev", veth + "a");
            await Must("ip", "link", "set", veth + "a", "up");
            await Must("ip", "-n", name, "addr", "add", $"{net.Address}/30", "dev", veth + "b");
            await Must("ip", "-n", name, "link", "set", veth + "b", "up");
            await Must("ip", "-n", name, "link", "set", "lo", "up");
            await Must("ip", "netns", "exec", name, "nft", "add table inet sdoc");
            await Must("ip", "netns", "exec", name, "nft", "add chain inet sdoc in { type filter hook input priority 0 ; policy accept ; }");
            await Must("ip", "netns", "exec", name, "nft", $"add rule inet sdoc in tcp dport {port} drop");
            return net;
        }
        catch
        {
            await net.DisposeAsync();
            throw;
        }
    }

    private static async Task Must(string file, params string[] args)
    {
        var (exit, _, err) = await ProbeLabServer.Run(file, args);
        if (exit != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)}: {err.Trim()}");
    }

    public async ValueTask DisposeAsync()
    {
        await ProbeLabServer.Run("ip", "netns", "del", Name);
        await ProbeLabServer.Run("ip", "link", "del", _veth + "a");
    }
}
