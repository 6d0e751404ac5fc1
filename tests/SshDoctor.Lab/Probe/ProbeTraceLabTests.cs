using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using SshDoctor.Core.Explain;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Probe;

/// <summary>
/// `probe --trace` against a real failure at each layer (real sshd, a closed port, a namespace that drops
/// packets, listeners that are not SSH). Each trace must stop at the right layer with the right finding,
/// and `explain` on the `ssh -v` output of the same failure must rank that cause first.
/// </summary>
public sealed class ProbeTraceLabTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    private static IEnumerable<JsonElement> Steps(ProbeCli.Result r) => r.Json.GetProperty("trace").EnumerateArray();

    private static JsonElement Failed(ProbeCli.Result r) =>
        Steps(r).First(s => s.GetProperty("status").GetString() == "failed");

    private static void AssertStopsAt(ProbeCli.Result r, string layer, string finding)
    {
        var f = Failed(r);
        Assert.Equal(layer, f.GetProperty("layer").GetString());
        Assert.Equal(finding, f.GetProperty("finding").GetString());
        Assert.NotNull(r.Finding(finding));
        Assert.Equal("conclusion", Steps(r).Last().GetProperty("layer").GetString());
    }

    private ProbeCli.Result Trace(params string[] args)
    {
        var r = ProbeCli.Run(["probe", .. args, "--trace", "--known-hosts", "/dev/null", "-F", "none"]);
        output.WriteLine(string.Join("\n", Steps(r).Select(s => $"{s.GetProperty("layer").GetString()} {s.GetProperty("status").GetString()} {s.GetProperty("message").GetString()}")));
        return r;
    }

    /// <summary>OpenSSH's own client, verbose, for the explain half of each case.</summary>
    private async Task<string> SshV(int port, string user, string key, string host = "127.0.0.1", string knownHosts = "/dev/null", params string[] extra)
    {
        var strict = knownHosts == "/dev/null" ? "no" : "yes";
        var (_, _, err) = await ProbeLabServer.Run("ssh", ["-v", "-F", "/dev/null", "-o", "BatchMode=yes", "-o", "IdentitiesOnly=yes",
            "-o", $"StrictHostKeyChecking={strict}", "-o", $"UserKnownHostsFile={knownHosts}", "-o", "ConnectTimeout=3", .. extra,
            "-i", key, "-p", port.ToString(), $"{user}@{host}", "true"]);
        return err;
    }

    private void AssertExplainRanksFirst(string sshOutput, string id)
    {
        var e = Explainer.Explain(sshOutput);
        output.WriteLine($"explain: {string.Join(", ", e.Candidates.Take(5).Select(c => $"{c.Id}={c.Score}"))}");
        Assert.True(e.Candidates.Count > 0 && e.Candidates[0].Id.ToString() == id,
            $"expected {id} first, got {string.Join(", ", e.Candidates.Take(5).Select(c => c.Id))}\n{sshOutput}");
    }

    [Fact]
    public async Task Closed_port_stops_at_tcp_refused()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        var port = ProbeLabServer.FreePort();
        var r = Trace($"ubuntu@127.0.0.1:{port}", "-i", key);
        Assert.Equal(3, r.Exit);
        AssertStopsAt(r, "tcp", "NET_REFUSED");
        AssertExplainRanksFirst(await SshV(port, "ubuntu", key), "NET_REFUSED");
    }

    [Fact]
    public async Task Dropped_packets_stop_at_tcp_timeout_with_progress()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        await using var ns = await LabNetns.CreateDroppingAsync();
        var r = Trace($"ubuntu@{ns.Address}", "-i", key, "--timeout", "2.5");
        output.WriteLine(r.Err);
        Assert.Equal(3, r.Exit);
        AssertStopsAt(r, "tcp", "NET_TIMEOUT");
        // No silent seconds: the wait is reported on stderr while it lasts.
        Assert.Contains("still waiting", r.Err, StringComparison.Ordinal);
        AssertExplainRanksFirst(await SshV(22, "ubuntu", key, ns.Address), "NET_TIMEOUT");
    }

    private sealed class Listener : IDisposable
    {
        private readonly TcpListener _l = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        public int Port { get; }

        public Listener(Func<NetworkStream, Task> behave)
        {
            _l.Start();
            Port = ((IPEndPoint)_l.LocalEndpoint).Port;
            _ = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    TcpClient c;
                    try { c = await _l.AcceptTcpClientAsync(_stop.Token); } catch (Exception) { return; }
                    _ = Task.Run(async () => { using (c) { try { await behave(c.GetStream()); } catch (Exception) { } } });
                }
            });
        }

        public void Dispose()
        {
            _stop.Cancel();
            _l.Stop();
        }
    }

    [Fact]
    public async Task Http_listener_stops_at_banner_not_ssh()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        using var http = new Listener(async s =>
        {
            await s.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"));
            await Task.Delay(200);
        });
        var r = Trace($"ubuntu@127.0.0.1:{http.Port}", "-i", key, "--timeout", "3");
        Assert.Equal(3, r.Exit);
        AssertStopsAt(r, "banner", "NET_NOT_SSH");
        AssertExplainRanksFirst(await SshV(http.Port, "ubuntu", key), "NET_NOT_SSH");
    }

    [Fact]
    public async Task Closed_before_banner_stops_at_banner_reset()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        using var closer = new Listener(_ => Task.CompletedTask);
        var r = Trace($"ubuntu@127.0.0.1:{closer.Port}", "-i", key, "--timeout", "3");
        Assert.Equal(3, r.Exit);
        AssertStopsAt(r, "banner", "NET_RESET");
        AssertExplainRanksFirst(await SshV(closer.Port, "ubuntu", key), "NET_RESET");
    }

    [Fact]
    public async Task Changed_host_key_is_named_at_the_host_key_layer()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45101, _keys.PublicLine(key) + "\n")]);
        var other = _keys.Make("old-host-key", "ed25519");
        var kh = Path.Combine(_keys.Dir, "known_hosts_changed");
        await File.WriteAllTextAsync(kh, $"[127.0.0.1]:{lab.Port} {_keys.PublicLine(other)}\n");
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", key, "--trace", "--known-hosts", kh, "-F", "none");
        var hk = Steps(r).First(s => s.GetProperty("layer").GetString() == "hostkey");
        Assert.Equal("failed", hk.GetProperty("status").GetString());
        Assert.Equal("HOST_KEY_CHANGED", hk.GetProperty("finding").GetString());
        Assert.Equal("hostkey.changed", hk.GetProperty("code").GetString());
        Assert.NotNull(r.Finding("HOST_KEY_CHANGED"));
        Assert.Equal("conclusion.host_key", Steps(r).Last().GetProperty("code").GetString());
        AssertExplainRanksFirst(await SshV(lab.Port, "ubuntu", key, knownHosts: kh), "HOST_KEY_CHANGED");
    }

    [Theory]
    [InlineData("KexAlgorithms diffie-hellman-group1-sha1", "KexAlgorithms", false)]
    [InlineData("HostKeyAlgorithms ssh-rsa", "HostKeyAlgorithms", true)]
    public async Task Server_restricted_to_algorithms_the_client_lacks_stops_at_kex(string serverLine, string keyword, bool rsaHostKey)
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45102, _keys.PublicLine(key) + "\n")], serverLine,
            allHostKeyTypes: rsaHostKey);
        var r = Trace($"ubuntu@127.0.0.1:{lab.Port}", "-i", key);
        Assert.Equal(3, r.Exit);
        AssertStopsAt(r, "kex", "KEX_NO_COMMON");
        Assert.Equal(keyword, Failed(r).GetProperty("facts").GetProperty("keyword").GetString());
        AssertExplainRanksFirst(await SshV(lab.Port, "ubuntu", key), "KEX_NO_COMMON");
    }

    [Fact]
    public async Task Refused_key_and_wrong_user_are_told_per_user()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, other) = (_keys.Make("good", "ed25519"), _keys.Make("other", "ed25519"));
        await using var lab = await ProbeLabServer.StartAsync(
            [new ProbeLabUser("ubuntu", 45103, _keys.PublicLine(good) + "\n"), new ProbeLabUser("admin", 45104, _keys.PublicLine(other) + "\n")]);

        var refused = Trace($"admin@127.0.0.1:{lab.Port}", "-i", good, "--users", "admin");
        Assert.Equal(1, refused.Exit);
        var auth = Steps(refused).Where(s => s.GetProperty("layer").GetString() == "auth").ToList();
        Assert.Single(auth);
        Assert.Equal("auth.refused", auth[0].GetProperty("code").GetString());
        Assert.Equal("conclusion.server_side", Steps(refused).Last().GetProperty("code").GetString());
        Assert.Contains(Steps(refused), s => s.GetProperty("code").GetString() == "methods.ok");

        // ec2-user was named and only ubuntu accepts: WRONG_USERNAME is blocking, so probe exits 1 (design.md).
        var wrong = Trace($"ec2-user@127.0.0.1:{lab.Port}", "-i", good);
        Assert.Equal(1, wrong.Exit);
        Assert.NotNull(wrong.Finding("WRONG_USERNAME"));
        Assert.Contains(Steps(wrong), s => s.GetProperty("code").GetString() == "auth.pk_ok" && s.GetProperty("facts").GetProperty("user").GetString() == "ubuntu");
        Assert.Contains(Steps(wrong), s => s.GetProperty("code").GetString() == "auth.refused" && s.GetProperty("facts").GetProperty("user").GetString() == "ec2-user");
        var end = Steps(wrong).Last();
        Assert.Equal("conclusion.accepted", end.GetProperty("code").GetString());
        Assert.Equal("ubuntu", end.GetProperty("facts").GetProperty("user").GetString());
    }

    [Fact]
    public async Task Root_refused_and_expired_account_are_told_after_the_signature()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var good = _keys.Make("good", "ed25519");
        var line = _keys.PublicLine(good) + "\n";
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("fedora", 45105, line, ShadowExpire: "1")],
            "PermitRootLogin no", usePam: true, rootAuthorizedKeys: line);

        var root = Trace($"root@127.0.0.1:{lab.Port}", "-i", good, "--users", "root", "--login");
        Assert.Equal(1, root.Exit);
        AssertStopsAt(root, "login", "ROOT_LOGIN_REFUSED");
        Assert.Equal("conclusion.root", Steps(root).Last().GetProperty("code").GetString());
        AssertExplainRanksFirst(await SshV(lab.Port, "root", good), "ROOT_LOGIN_REFUSED");

        var expired = Trace($"fedora@127.0.0.1:{lab.Port}", "-i", good, "--users", "fedora", "--login");
        Assert.Equal(1, expired.Exit);
        AssertStopsAt(expired, "login", "USER_EXPIRED");
        Assert.Equal("conclusion.expired", Steps(expired).Last().GetProperty("code").GetString());
        AssertExplainRanksFirst(await SshV(lab.Port, "fedora", good), "USER_EXPIRED");
    }

    [Fact]
    public async Task Trace_text_is_localized_in_five_languages()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("good", "ed25519");
        var port = ProbeLabServer.FreePort();
        var seen = new HashSet<string>();
        foreach (var lang in new[] { "en", "fr", "pt", "ko", "ja" })
        {
            var o = new StringWriter();
            var exit = SshDoctor.Cli.CliApp.Run(["probe", $"ubuntu@127.0.0.1:{port}", "-i", key, "--trace", "--lang", lang, "-F", "none"], o, new StringWriter());
            Assert.Equal(3, exit);
            var text = o.ToString();
            Assert.Contains("[NET_REFUSED]", text, StringComparison.Ordinal);
            Assert.True(seen.Add(text), lang + " is a copy of another language");
        }
    }

    [Fact]
    public async Task Explain_uses_what_ssh_v_proves_about_the_key()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, other) = (_keys.Make("good", "ed25519"), _keys.Make("other", "ed25519"));
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45106, _keys.PublicLine(other) + "\n"),
            new ProbeLabUser("admin", 45107, _keys.PublicLine(good) + "\n")]);

        // An ed25519 key refused: no RSA cause survives.
        var refused = await SshV(lab.Port, "ubuntu", good);
        Assert.Contains("Permission denied (publickey", refused, StringComparison.Ordinal);
        var e = Explainer.Explain(refused);
        Assert.DoesNotContain(e.Candidates, c => c.Id.ToString() is "RSA_SHA1_REFUSED" or "KEY_RSA_TOO_SMALL");
        Assert.NotEmpty(e.Candidates);

        // A private key readable by others: once the server accepts its public half, ssh refuses to use it, and says so.
        var open = Path.Combine(_keys.Dir, "open-key");
        File.Copy(good, open, overwrite: true);
        File.SetUnixFileMode(open, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var unprotected = await SshV(lab.Port, "admin", open);
        Assert.Contains("UNPROTECTED PRIVATE KEY FILE", unprotected, StringComparison.Ordinal);
        AssertExplainRanksFirst(unprotected, "CLIENT_KEY_PERMISSIONS");
    }
}
