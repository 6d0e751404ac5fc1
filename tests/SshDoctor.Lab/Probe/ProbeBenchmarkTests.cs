using System.Diagnostics;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Probe;

/// <summary>
/// The issue's benchmark: `sshdoctor probe` over 10 candidate names vs a loop of `ssh` over the same names,
/// against the same lab sshd, in the same run. Goal: at most 0.5x the loop's wall time.
/// </summary>
public sealed class ProbeBenchmarkTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Fact]
    public async Task Probe_over_ten_names_vs_an_ssh_loop()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("bench", "ed25519");
        var line = _keys.PublicLine(key) + "\n";
        await using var lab = await ProbeLabServer.StartAsync(
        [
            new ProbeLabUser("ubuntu", 45101, line),
            new ProbeLabUser("admin", 45102, null),
            new ProbeLabUser("ec2-user", 45103, _keys.PublicLine(_keys.Make("bench-other", "ed25519")) + "\n"),
        ]);
        string[] names = ["ec2-user", "ubuntu", "admin", "centos", "fedora", "rocky", "bitnami", "root", "debian", "opc"];
        // SSHDOCTOR_BIN (or the older SSHDOCTOR_EXE): the published executable; else the built dll through `dotnet`.
        var exe = SshDoctor.TestSupport.CliRunner.Binary ?? Environment.GetEnvironmentVariable("SSHDOCTOR_EXE");
        var (file, prefix) = exe is { Length: > 0 } ? (exe, Array.Empty<string>()) : ("dotnet", new[] { typeof(SshDoctor.Cli.CliApp).Assembly.Location });
        string[] Cmd(params string[] a) => [.. prefix, .. a];

        // Warm-up: page cache for dotnet and ssh; not measured.
        await ProbeLabServer.Run(file, Cmd("probe", $"127.0.0.1:{lab.Port}", "-i", key, "--users", "ubuntu", "--known-hosts", "/dev/null"));
        await ProbeLabServer.Run("ssh", SshArgs(lab.Port, key, "ubuntu"));

        var probeTimes = new List<double>();
        var loopTimes = new List<double>();
        for (var round = 0; round < 5; round++)
        {
            var clock = Stopwatch.StartNew();
            var (exit, stdout, _) = await ProbeLabServer.Run(file, Cmd("probe", $"127.0.0.1:{lab.Port}", "-i", key,
                "--users", string.Join(",", names), "--known-hosts", "/dev/null", "--json"));
            probeTimes.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(0, exit);
            Assert.Contains("\"pk_ok\"", stdout);

            clock.Restart();
            var accepted = 0;
            foreach (var n in names)
                if ((await ProbeLabServer.Run("ssh", SshArgs(lab.Port, key, n))).Exit == 0) accepted++;
            loopTimes.Add(clock.Elapsed.TotalMilliseconds);
            Assert.Equal(1, accepted);
        }
        probeTimes.Sort();
        loopTimes.Sort();
        var ratio = probeTimes[2] / loopTimes[2];
        output.WriteLine($"probe (10 names, {file}): {string.Join(" / ", probeTimes.Select(t => $"{t:0} ms"))}");
        output.WriteLine($"ssh loop (10 names):                     {string.Join(" / ", loopTimes.Select(t => $"{t:0} ms"))}");
        output.WriteLine($"median ratio probe/loop: {ratio:0.00} (goal <= 0.50)");
        Assert.True(ratio <= 0.5, $"probe {probeTimes[2]:0} ms vs ssh loop {loopTimes[2]:0} ms: ratio {ratio:0.00} > 0.5");
    }

    private static string[] SshArgs(int port, string key, string user) =>
    [
        "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes", "-o", "StrictHostKeyChecking=no",
        "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR", "-i", key, "-p", port.ToString(), $"{user}@127.0.0.1", "true",
    ];
}

/// <summary>The bound on connections in flight, measured from sshd's own log.</summary>
public sealed class ProbeParallelismTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Fact]
    public async Task At_most_four_connections_in_flight_and_one_per_candidate()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("par", "ed25519");
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45201, _keys.PublicLine(key) + "\n")]);
        string[] names = ["u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9", "u10", "u11", "u12"];
        var r = ProbeCli.Run("probe", $"127.0.0.1:{lab.Port}", "-i", key, "--users", string.Join(",", names), "--known-hosts", "/dev/null");
        Assert.Equal(1, r.Exit);
        await Task.Delay(300);
        var open = new HashSet<string>();
        var max = 0;
        var total = 0;
        foreach (var line in lab.Log.Split('\n'))
        {
            var m = System.Text.RegularExpressions.Regex.Match(line, @"^Connection from 127\.0\.0\.1 port (\d+)");
            if (m.Success)
            {
                open.Add(m.Groups[1].Value);
                total++;
                max = Math.Max(max, open.Count);
                continue;
            }
            m = System.Text.RegularExpressions.Regex.Match(line, @"(?:Disconnected from|Connection closed by|Received disconnect from) .*127\.0\.0\.1 port (\d+)");
            if (m.Success) open.Remove(m.Groups[1].Value);
        }
        output.WriteLine($"connections: {total}, most in flight: {max}");
        Assert.Equal(names.Length, total);
        Assert.InRange(max, 1, 4);
    }
}
