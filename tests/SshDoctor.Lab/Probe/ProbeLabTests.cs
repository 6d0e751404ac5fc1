using System.Diagnostics;
using Xunit.Abstractions;

namespace SshDoctor.Lab.Probe;

/// <summary>sshdoctor probe against a real OpenSSH sshd (9.2p1 here) with test accounts.</summary>
public sealed class ProbeLabTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    private (string Good, string Other, string Rsa) Keys() =>
        (_keys.Make("good", "ed25519"), _keys.Make("other", "ed25519"), _keys.Make("rsa", "rsa", 3072));

    [Fact]
    public async Task Finds_the_account_that_accepts_the_key_and_agrees_with_ssh()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, other, _) = Keys();
        await using var lab = await ProbeLabServer.StartAsync(
        [
            new ProbeLabUser("ubuntu", 45001, _keys.PublicLine(good) + "\n"),
            new ProbeLabUser("admin", 45002, _keys.PublicLine(other) + "\n"),
            new ProbeLabUser("ec2-user", 45003, null),
        ]);

        // The user asked for ec2-user (no keys): refused, then the image defaults are tried.
        var r = ProbeCli.Run("probe", $"ec2-user@127.0.0.1:{lab.Port}", "-i", good + ".pub", "--timeout", "10",
            "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        // design.md: a command whose own findings block exits 1 — the named user is refused (WRONG_USERNAME, blocking).
        Assert.Equal(1, r.Exit);
        Assert.Equal("refused", r.ResultOf("ec2-user"));
        Assert.Equal("pk_ok", r.ResultOf("ubuntu"));
        Assert.Equal("refused", r.ResultOf("admin"));
        Assert.Equal("refused", r.ResultOf("root"));
        Assert.Equal(new HashSet<string> { "ubuntu" }, r.PkOk);
        var wrong = r.Finding("WRONG_USERNAME");
        Assert.NotNull(wrong);
        Assert.Equal("ubuntu", wrong.Value.GetProperty("user").GetString());
        Assert.Equal("blocking", wrong.Value.GetProperty("severity").GetString());
        Assert.Equal("ec2-user", r.Candidates.First().GetProperty("user").GetString());
        Assert.Equal("9.2p1", r.Json.GetProperty("target").GetProperty("version").GetString());
        Assert.True(r.Json.GetProperty("target").GetProperty("publickey_offered").GetBoolean());

        // Cross-check: the same key and users, OpenSSH's own client decides.
        string[] users = ["ubuntu", "admin", "ec2-user", "root", "nosuchuser"];
        var mine = ProbeCli.Run("probe", $"127.0.0.1:{lab.Port}", "-i", good, "--users", string.Join(",", users), "--known-hosts", "/dev/null");
        var truth = new HashSet<string>();
        foreach (var u in users)
            if (await ProbeCli.SshAcceptsKey(lab.Port, u, good)) truth.Add(u);
        output.WriteLine($"ssh -v accepts: {string.Join(",", truth)}; probe pk_ok: {string.Join(",", mine.PkOk)}");
        Assert.Equal(truth, mine.PkOk);
        Assert.Equal(users.Length, mine.Candidates.Count());
    }

    [Fact]
    public async Task No_candidate_accepts_concludes_server_side()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, other, _) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45001, _keys.PublicLine(other) + "\n")]);
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", good, "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        Assert.Equal(1, r.Exit);
        Assert.Empty(r.PkOk);
        Assert.Equal("server_side", r.Json.GetProperty("conclusion").GetProperty("code").GetString());
        var next = r.Json.GetProperty("conclusion").GetProperty("next").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Contains(next, n => n.StartsWith("sshdoctor check --user ubuntu", StringComparison.Ordinal));
        Assert.Contains(next, n => n.StartsWith("sshdoctor check --root", StringComparison.Ordinal));
        Assert.Contains(next, n => n.StartsWith("sshdoctor userdata", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_tells_refused_after_signature_root_and_expired_account()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, _, _) = Keys();
        var line = _keys.PublicLine(good) + "\n";
        await using var lab = await ProbeLabServer.StartAsync(
            [new ProbeLabUser("fedora", 45011, line, ShadowExpire: "1"), new ProbeLabUser("rocky", 45012, line)],
            "PermitRootLogin no", usePam: true, rootAuthorizedKeys: line);

        var root = ProbeCli.Run("probe", $"root@127.0.0.1:{lab.Port}", "-i", good, "--users", "root", "--login", "--known-hosts", "/dev/null");
        output.WriteLine(root.Out);
        Assert.Equal(1, root.Exit);
        Assert.Equal("pk_ok", root.ResultOf("root"));
        Assert.Equal("refused", root.Candidates.First().GetProperty("login").GetString());
        Assert.NotNull(root.Finding("ROOT_LOGIN_REFUSED"));

        var expired = ProbeCli.Run("probe", $"fedora@127.0.0.1:{lab.Port}", "-i", good, "--users", "fedora", "--login", "--known-hosts", "/dev/null");
        output.WriteLine(expired.Out);
        output.WriteLine(lab.Log);
        Assert.Equal(1, expired.Exit);
        Assert.Equal("pk_ok", expired.ResultOf("fedora"));
        Assert.Equal("closed", expired.Candidates.First().GetProperty("login").GetString());
        Assert.NotNull(expired.Finding("USER_EXPIRED"));
        Assert.Equal("refused_after_signature", expired.Json.GetProperty("conclusion").GetProperty("code").GetString());

        // Control: a valid account logs in (and the probe leaves before any session).
        var ok = ProbeCli.Run("probe", $"rocky@127.0.0.1:{lab.Port}", "-i", good, "--users", "rocky", "--login", "--known-hosts", "/dev/null");
        Assert.Equal(0, ok.Exit);
        Assert.Equal("accepted", ok.Candidates.First().GetProperty("login").GetString());
    }

    [Fact]
    public async Task Login_signs_with_rsa_ecdsa_and_ed25519_keys()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        string[] keys = [_keys.Make("login-rsa", "rsa", 2048), _keys.Make("login-ecdsa", "ecdsa", 256), _keys.Make("login-ecdsa384", "ecdsa", 384),
            _keys.Make("login-ecdsa521", "ecdsa", 521), _keys.Make("login-ed", "ed25519")];
        await using var lab = await ProbeLabServer.StartAsync(
            [new ProbeLabUser("rocky", 45061, string.Join("\n", keys.Select(_keys.PublicLine)) + "\n")]);
        foreach (var key in keys)
        {
            var r = ProbeCli.Run("probe", $"rocky@127.0.0.1:{lab.Port}", "-i", key, "--login", "--known-hosts", "/dev/null");
            Assert.True(r.Exit == 0, key + "\n" + r.Out + r.Err + lab.Log);
            Assert.Equal("accepted", r.Candidates.First().GetProperty("login").GetString());
        }
        Assert.Equal(keys.Length, lab.Log.Split('\n').Count(l => l.Contains("Accepted publickey for rocky", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Rsa_key_against_a_server_without_ssh_rsa()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (_, _, rsa) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45021, _keys.PublicLine(rsa) + "\n")],
            "PubkeyAcceptedAlgorithms -ssh-rsa");
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", rsa + ".pub", "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        Assert.Equal(0, r.Exit);
        Assert.Equal("pk_ok", r.ResultOf("ubuntu"));
        var c = r.Candidates.First();
        Assert.Equal("rsa-sha2-512", c.GetProperty("query_algorithm").GetString());
        Assert.Equal("refused", c.GetProperty("sha1").GetString());
        Assert.NotNull(r.Finding("RSA_SHA1_REFUSED"));
        Assert.True(await ProbeCli.SshAcceptsKey(lab.Port, "ubuntu", rsa));
    }

    [Fact]
    public async Task Rsa_key_against_a_server_that_accepts_only_ed25519()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (_, _, rsa) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45022, _keys.PublicLine(rsa) + "\n")],
            "PubkeyAcceptedAlgorithms ssh-ed25519");
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", rsa + ".pub", "--users", "ubuntu", "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        output.WriteLine(lab.Log);
        // OpenSSH 9.2 announces every algorithm it implements in server-sig-algs, whatever the policy: from
        // outside, a refused algorithm looks like a missing key, so the honest answer is "cause on the server".
        Assert.Equal(1, r.Exit);
        Assert.Equal("refused", r.ResultOf("ubuntu"));
        Assert.Contains("ssh-rsa", r.Json.GetProperty("target").GetProperty("server_sig_algs").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("server_side", r.Json.GetProperty("conclusion").GetProperty("code").GetString());
        Assert.Contains("not in PubkeyAcceptedAlgorithms", lab.Log);
        Assert.False(await ProbeCli.SshAcceptsKey(lab.Port, "ubuntu", rsa));
    }

    [Fact]
    public async Task Server_with_only_password_authentication()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, _, _) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45031, _keys.PublicLine(good) + "\n")],
            "PubkeyAuthentication no\nPasswordAuthentication yes");
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", good, "--users", "ubuntu,admin", "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        Assert.Equal(1, r.Exit);
        Assert.False(r.Json.GetProperty("target").GetProperty("publickey_offered").GetBoolean());
        Assert.Equal(["password"], r.Json.GetProperty("target").GetProperty("methods").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.NotNull(r.Finding("PUBKEY_AUTH_DISABLED"));
        Assert.All(r.Candidates, c => Assert.Equal("refused", c.GetProperty("result").GetString()));
    }

    [Fact]
    public async Task Host_key_changed_unknown_and_known_hashed()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, other, _) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45041, _keys.PublicLine(good) + "\n")]);
        var kh = Path.Combine(_keys.Dir, "known_hosts_" + lab.Port);
        var name = $"[127.0.0.1]:{lab.Port}";

        // A stale entry for the address (reused by a new instance): another ed25519 key.
        await File.WriteAllTextAsync(kh, $"{name} {_keys.PublicLine(other)}\n");
        var changed = ProbeCli.Run("knownhosts", $"127.0.0.1:{lab.Port}", "--known-hosts", kh);
        output.WriteLine(changed.Out);
        Assert.Equal(1, changed.Exit);
        var f = changed.Finding("HOST_KEY_CHANGED")!.Value;
        var command = f.GetProperty("fix").GetProperty("commands")[0].GetString();
        Assert.Equal($"ssh-keygen -R \"{name}\" -f {kh}", command);

        // The fix line works, then the right key hashed (ssh-keygen -H) is recognized.
        var (exit, _, err) = await ProbeLabServer.Run("ssh-keygen", "-R", name, "-f", kh);
        Assert.True(exit == 0, err);
        var hostKey = string.Join(' ', lab.HostPublicKeyLine.Split(' ').Take(2));
        await File.WriteAllTextAsync(kh, $"@cert-authority *.example.com {_keys.PublicLine(other)}\n{name} {hostKey}\n");
        Assert.Equal(0, (await ProbeLabServer.Run("ssh-keygen", "-H", "-f", kh)).Exit);
        Assert.Contains("|1|", await File.ReadAllTextAsync(kh));
        var known = ProbeCli.Run("knownhosts", $"127.0.0.1:{lab.Port}", "--known-hosts", kh);
        output.WriteLine(known.Out);
        Assert.Equal(0, known.Exit);
        Assert.Equal("known", known.Json.GetProperty("target").GetProperty("host_key").GetProperty("status").GetString());
        Assert.Empty(known.Findings);

        var unknown = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", good, "--known-hosts", "/dev/null");
        Assert.NotNull(unknown.Finding("HOST_KEY_UNKNOWN"));
    }

    [Fact]
    public async Task Every_key_exchange_and_cipher_path_works_against_sshd()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var (good, _, _) = Keys();
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45051, _keys.PublicLine(good) + "\n")], allHostKeyTypes: true);
        var key = Core.Keys.KeyFile.Load(good + ".pub").Public!;
        foreach (var kex in Core.Protocol.ClientAlgorithms.SupportedKex)
        foreach (var cipher in Core.Protocol.DirectionCipher.SupportedCiphers)
        foreach (var mac in Core.Protocol.DirectionCipher.SupportedMacs)
        {
            if (cipher.Contains("gcm") && mac != Core.Protocol.DirectionCipher.SupportedMacs[0]) continue;
            var algs = Core.Protocol.ClientAlgorithms.Default with { Kex = [kex], Ciphers = [cipher], Macs = [mac] };
            var report = await Core.Protocol.ProbeConnection.RunAsync(
                new Core.Protocol.ProbeConnectionRequest("127.0.0.1", lab.Port, "ubuntu", key, TimeSpan.FromSeconds(10)) { Algorithms = algs });
            Assert.True(report.Error == Core.Protocol.ConnectionError.None, $"{kex} {cipher} {mac}: {report.Error} {report.ErrorDetail}");
            Assert.Equal(Core.Protocol.QueryOutcome.PkOk, report.Query);
        }
        foreach (var hk in Core.Protocol.ClientAlgorithms.SupportedHostKey)
        {
            var algs = Core.Protocol.ClientAlgorithms.Default with { HostKey = [hk] };
            var report = await Core.Protocol.ProbeConnection.RunAsync(
                new Core.Protocol.ProbeConnectionRequest("127.0.0.1", lab.Port, null, null, TimeSpan.FromSeconds(10)) { Algorithms = algs });
            Assert.True(report.Error == Core.Protocol.ConnectionError.None, $"{hk}: {report.Error} {report.ErrorDetail}");
            Assert.Equal(hk, report.Negotiated!.HostKey);
            Assert.Equal(hk.StartsWith("rsa-", StringComparison.Ordinal) ? "ssh-rsa" : hk, report.HostKey!.Type);
        }
    }

    [Fact]
    public async Task A_port_with_no_listener_is_refused_quickly()
    {
        var (good, _, _) = Keys();
        var port = ProbeLabServer.FreePort();
        var clock = Stopwatch.StartNew();
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{port}", "-i", good + ".pub", "--timeout", "3", "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        Assert.Equal(3, r.Exit);
        Assert.Equal("connection_refused", r.Error);
        Assert.False(r.Json.GetProperty("target").GetProperty("reachable").GetBoolean());
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3));
        await Task.CompletedTask;
    }
}

/// <summary>The automatic search against a server that penalises failures (OpenSSH 9.8+), simulated on the lab's 9.2.</summary>
public sealed class ProbePenaltyTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Fact]
    public async Task Stops_at_the_first_acceptance_or_after_three_refusals()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var key = _keys.Make("pen", "ed25519");
        var line = _keys.PublicLine(key) + "\n";
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("rocky", 45301, line), new ProbeLabUser("admin", 45302, line)]);
        var pub = Core.Keys.KeyFile.Load(key + ".pub").Public!;
        var pk = new Core.Probe.ProbeKey(key, pub, false);

        // Debian banner: admin goes first and accepts; nothing else is tried after it.
        var o = new Core.Probe.ProbeOptions("127.0.0.1", lab.Port, [pk]) { GivenUser = "ec2-user", AssumePenalties = true, KnownHostsFiles = [] };
        var found = await Core.Probe.ProbeRunner.RunAsync(o);
        Assert.Equal(["ec2-user", "admin"], found.Candidates.Select(c => c.User));
        Assert.False(found.PenaltyLimited);

        // rocky comes late in the list: the search gives up after 3 refusals (ec2-user + 2 more).
        var other = _keys.Make("pen-other", "ed25519");
        var pk2 = new Core.Probe.ProbeKey(other, Core.Keys.KeyFile.Load(other + ".pub").Public!, false);
        var limited = await Core.Probe.ProbeRunner.RunAsync(o with { Keys = [pk2] });
        output.WriteLine(string.Join(",", limited.Candidates.Select(c => $"{c.User}:{c.Result}")));
        Assert.Equal(3, limited.Candidates.Count);
        Assert.True(limited.PenaltyLimited);
    }
}

public sealed class ProbeDsaTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Fact]
    public async Task Dsa_key_is_refused_by_default_policy()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var dsa = _keys.Make("dsa", "dsa");
        await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45401, _keys.PublicLine(dsa) + "\n")]);
        var r = ProbeCli.Run("probe", $"ubuntu@127.0.0.1:{lab.Port}", "-i", dsa, "--users", "ubuntu", "--known-hosts", "/dev/null");
        output.WriteLine(r.Out);
        Assert.Equal(1, r.Exit);
        Assert.Equal("refused", r.ResultOf("ubuntu"));
        Assert.NotNull(r.Finding("KEY_ALGORITHM_REFUSED"));
        Assert.Contains("not in PubkeyAcceptedAlgorithms", lab.Log);
        Assert.False(await ProbeCli.SshAcceptsKey(lab.Port, "ubuntu", dsa));
    }
}

public sealed class ProbeDefaultKeysTests(ITestOutputHelper output, ProbeLabKeys keys) : IClassFixture<ProbeLabKeys>
{
    private readonly ProbeLabKeys _keys = keys;

    [Fact]
    public async Task Without_i_the_keys_ssh_would_try_are_listed_and_each_probed()
    {
        if (ProbeLabServer.SkipRequested(output)) return;
        var home = Directory.CreateTempSubdirectory("sshdoctor-probe-home-").FullName;
        try
        {
            var dotSsh = Directory.CreateDirectory(Path.Combine(home, ".ssh")).FullName;
            var rsa = _keys.Make("home-rsa", "rsa", 2048);
            var ed = _keys.Make("home-ed", "ed25519");
            foreach (var (src, name) in new[] { (rsa, "id_rsa"), (ed, "id_ed25519") })
            {
                File.Copy(src, Path.Combine(dotSsh, name));
                File.Copy(src + ".pub", Path.Combine(dotSsh, name + ".pub"));
            }
            await using var lab = await ProbeLabServer.StartAsync([new ProbeLabUser("ubuntu", 45501, _keys.PublicLine(ed) + "\n")]);
            var dll = typeof(SshDoctor.Cli.CliApp).Assembly.Location;
            var env = new Dictionary<string, string> { ["HOME"] = home, ["LANG"] = "C" };
            var (exit, stdout, stderr) = await ProbeLabServer.RunWithEnv("dotnet", env, dll, "probe", $"ubuntu@127.0.0.1:{lab.Port}");
            output.WriteLine(stdout + stderr);
            Assert.Equal(0, exit);
            Assert.Contains("No -i given", stdout);
            Assert.Contains(Path.Combine(dotSsh, "id_rsa"), stdout);
            Assert.Contains(Path.Combine(dotSsh, "id_ed25519"), stdout);

            var (jexit, json, _) = await ProbeLabServer.RunWithEnv("dotnet", env, dll, "probe", $"ubuntu@127.0.0.1:{lab.Port}", "--json");
            Assert.Equal(0, jexit);
            var doc = System.Text.Json.JsonDocument.Parse(json).RootElement;
            Assert.Equal(2, doc.GetProperty("keys").GetArrayLength());
            var ubuntu = doc.GetProperty("candidates").EnumerateArray().Where(c => c.GetProperty("user").GetString() == "ubuntu").ToList();
            Assert.Equal(2, ubuntu.Count); // one connection per key
            Assert.Single(ubuntu, c => c.GetProperty("result").GetString() == "pk_ok");
        }
        finally { Directory.Delete(home, true); }
    }
}
