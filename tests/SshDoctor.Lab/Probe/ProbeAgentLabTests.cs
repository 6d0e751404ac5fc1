using System.Diagnostics;
using System.Text.Json;
using SshDoctor.Core.Agent;
using SshDoctor.Core.Explain;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Probe;

/// <summary>
/// A real ssh-agent with ssh-add-ed keys: probe lists them in the agent's order (the order ssh offers
/// them), and when the accepted key comes after MaxAuthTries others, reports TOO_MANY_AUTH_TRIES — which
/// OpenSSH's own client confirms ("Too many authentication failures").
/// </summary>
public sealed class ProbeAgentLabTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    /// <summary>ssh-agent on a socket of the test's own; killed by its pid at the end.</summary>
    private sealed class Agent : IAsyncDisposable
    {
        public string Socket { get; }
        private readonly int _pid;

        private Agent(string socket, int pid)
        {
            Socket = socket;
            _pid = pid;
        }

        public static async Task<Agent> StartAsync(string dir)
        {
            var socket = Path.Combine(dir, $"agent-{Guid.NewGuid():N}.sock");
            var (exit, stdout, err) = await ProbeLabServer.Run("ssh-agent", "-s", "-a", socket);
            if (exit != 0) throw new InvalidOperationException("ssh-agent failed: " + err);
            var pidText = stdout.Split(';').First(p => p.Contains("SSH_AGENT_PID=", StringComparison.Ordinal)).Split('=')[1];
            return new Agent(socket, int.Parse(pidText.Trim()));
        }

        public async Task AddAsync(string key)
        {
            var (exit, _, err) = await ProbeLabServer.RunWithEnv("ssh-add", new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = Socket }, key);
            if (exit != 0) throw new InvalidOperationException("ssh-add failed: " + err);
        }

        public async ValueTask DisposeAsync()
        {
            try
            {
                using var p = Process.GetProcessById(_pid);
                p.Kill();
                await p.WaitForExitAsync();
            }
            catch (ArgumentException) { }
            File.Delete(Socket);
        }
    }

    [Fact]
    public async Task Agent_keys_are_offered_in_ssh_order_and_too_many_before_the_right_one_is_found()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var decoys = Enumerable.Range(1, 6).Select(i => _keys.Make($"decoy{i}", "ed25519")).ToList();
        var right = _keys.Make("agent-right", "ed25519");
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45201, _keys.PublicLine(right) + "\n")]);
        await using var agent = await Agent.StartAsync(_keys.Dir);
        foreach (var k in decoys) await agent.AddAsync(k);
        await agent.AddAsync(right);
        var home = Directory.CreateTempSubdirectory("sshdoctor-agent-home-").FullName;
        try
        {
            // The agent protocol's own answer, and ssh-add -L: the same keys in the same order.
            var listing = SshAgentClient.List(agent.Socket);
            Assert.Null(listing.Error);
            var (_, addList, _) = await ProbeLabServer.RunWithEnv("ssh-add", new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = agent.Socket }, "-L");
            var expected = addList.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ')[1]).ToList();
            Assert.Equal(expected, listing.Identities.Select(i => Convert.ToBase64String(i.Blob)).ToList());

            // The agent comes from ssh_config (IdentityAgent), not from the environment other tests share.
            var all = Path.Combine(home, "all");
            await File.WriteAllTextAsync(all, $"Host lab\n  HostName 127.0.0.1\n  Port {lab.Port}\n  User ubuntu\n  IdentityAgent {agent.Socket}\n  IdentityFile {home}/no-such-key\n");
            var r = ProbeCli.Run("probe", "lab", "--known-hosts", "/dev/null", "-F", all, "--trace");
            output.WriteLine(r.Out);
            var offered = r.Json.GetProperty("offered").EnumerateArray().ToList();
            Assert.Equal(7, offered.Count);
            Assert.All(offered, o => Assert.Equal("agent", o.GetProperty("source").GetString()));
            Assert.Equal(listing.Identities.Select(i => i.Key!.Sha256Fingerprint), offered.Select(o => o.GetProperty("sha256").GetString()));
            var tooMany = r.Finding("TOO_MANY_AUTH_TRIES");
            Assert.NotNull(tooMany);
            Assert.Contains("IdentitiesOnly=yes", tooMany.Value.GetProperty("fix").GetProperty("commands")[0].GetString(), StringComparison.Ordinal);
            Assert.Contains(r.Json.GetProperty("trace").EnumerateArray(), s => s.GetProperty("code").GetString() == "keys.too_many");
            // The probe only asked the agent for its list: sshd logged no signed attempt.
            Assert.DoesNotContain("Accepted publickey", lab.Log, StringComparison.Ordinal);

            // The truth: ssh with this agent is cut off before it reaches the right key.
            var (_, _, err) = await ProbeLabServer.RunWithEnv("ssh", new Dictionary<string, string> { ["SSH_AUTH_SOCK"] = agent.Socket },
                "-v", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
                "-p", lab.Port.ToString(), "ubuntu@127.0.0.1", "true");
            Assert.Contains("Too many authentication failures", err, StringComparison.Ordinal);
            var e = Explainer.Explain(err);
            Assert.Equal("TOO_MANY_AUTH_TRIES", e.Candidates[0].Id.ToString());

            // IdentitiesOnly with the right key's file: only that key is offered, and it is accepted.
            var config = Path.Combine(home, "only");
            await File.WriteAllTextAsync(config, $"Host lab\n  HostName 127.0.0.1\n  Port {lab.Port}\n  User ubuntu\n  IdentitiesOnly yes\n  IdentityAgent {agent.Socket}\n  IdentityFile {right}\n");
            var only = ProbeCli.Run("probe", "lab", "--known-hosts", "/dev/null", "-F", config);
            Assert.Equal(0, only.Exit);
            var one = Assert.Single(only.Json.GetProperty("offered").EnumerateArray());
            Assert.Equal("file+agent", one.GetProperty("source").GetString());
            Assert.Null(only.Finding("TOO_MANY_AUTH_TRIES"));
            Assert.Equal("pk_ok", only.ResultOf("ubuntu"));

            // --login with only the public half on disk: the agent signs, and sshd logs the accepted key.
            var pubOnly = Path.Combine(home, "right.pub");
            File.Copy(right + ".pub", pubOnly);
            var agentConfig = Path.Combine(home, "agent-login");
            await File.WriteAllTextAsync(agentConfig, $"Host lab\n  HostName 127.0.0.1\n  Port {lab.Port}\n  User ubuntu\n  IdentitiesOnly yes\n  IdentityAgent {agent.Socket}\n  IdentityFile {pubOnly}\n");
            var login = ProbeCli.Run("probe", "lab", "--known-hosts", "/dev/null", "-F", agentConfig, "--login");
            output.WriteLine(login.Out + login.Err);
            Assert.Equal(0, login.Exit);
            Assert.Contains("Accepted publickey for ubuntu", lab.Log, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(home, true);
        }
    }
}
