using System.CommandLine;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Findings;
using SshDoctor.Core.KnownHosts;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Probe;
using SshDoctor.Core.Protocol;
using SshDoctor.Core.Agent;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor probe [USER@]HOST[:PORT]`: which account accepts this key, without logging in.</summary>
internal static class ProbeCommand
{
    public const int MaxUsers = 16;

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var target = new Argument<string>("target") { Description = "[USER@]HOST[:PORT] (IPv6: [USER@][ADDR]:PORT)." };
        var identity = new Option<string[]>("--identity", "-i")
        {
            Description = "Key file (private or .pub; repeatable). Default: the keys ssh would try (~/.ssh/id_*).",
            AllowMultipleArgumentsPerToken = false,
        };
        var users = new Option<string?>("--users") { Description = "Candidate users: a,b,c or auto (image defaults + root). Default: the given user, then auto if refused." };
        var login = new Option<bool>("--login") { Description = "After PK_OK, make one signed attempt (needs the unencrypted private key), then disconnect before any session." };
        var timeout = new Option<double>("--timeout") { Description = "Seconds per connection (default 10).", DefaultValueFactory = _ => 10 };
        var knownHosts = new Option<string[]>("--known-hosts") { Description = "known_hosts file(s) to compare the host key with (default: UserKnownHostsFile and GlobalKnownHostsFile from ssh_config)." };
        var config = new Option<string?>("--config", "-F") { Description = "ssh_config file to read instead of ~/.ssh/config and /etc/ssh/ssh_config (none: no file), as ssh -F." };
        var trace = new Option<bool>("--trace") { Description = "Tell each layer of the connection (name, TCP, banner, key exchange, host key, methods, keys, signature, login) and what it means." };
        var maxAuthTries = new Option<int>("--max-auth-tries") { Description = "The server's MaxAuthTries, if you know it (default 6, sshd's default).", DefaultValueFactory = _ => 6 };

        var command = new Command("probe", "Find which account accepts a key, from the client, without logging in.");
        command.Arguments.Add(target);
        command.Options.Add(identity);
        command.Options.Add(users);
        command.Options.Add(login);
        command.Options.Add(timeout);
        command.Options.Add(knownHosts);
        command.Options.Add(config);
        command.Options.Add(trace);
        command.Options.Add(maxAuthTries);
        common.AddTo(command);

        command.SetAction(async (result, ct) =>
        {
            var m = common.MessagesFor(result);
            var json = result.GetValue(common.Json);
            var (user, host, port) = ProbeTarget.Parse(result.GetValue(target) ?? "", m);
            var seconds = result.GetValue(timeout);
            if (!(seconds > 0 && seconds <= 600)) throw new UsageException(m.Get("probe.error.bad_timeout"));
            var doLogin = result.GetValue(login);

            IReadOnlyList<string>? userList = null;
            var usersText = result.GetValue(users);
            if (usersText is not null && usersText.Trim() != "auto")
            {
                userList = usersText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .SelectMany(u => u == "auto" ? ProbeRunner.AutoUsers : [u]).Distinct().ToList();
                if (userList.Count == 0) throw new UsageException(m.Get("probe.error.no_users"));
                if (userList.Count > MaxUsers) throw new UsageException(m.Get("probe.error.too_many_users", ("max", MaxUsers.ToString())));
                foreach (var u in userList.Where(u => !ProbeTarget.ValidUser(u)))
                    throw new UsageException(m.Get("probe.error.bad_user", ("user", u)));
            }
            else if (usersText is not null)
            {
                userList = ProbeRunner.AutoUsers; // explicit auto: all at once, the given user first
            }

            var identities = result.GetValue(identity) ?? [];
            var tries = result.GetValue(maxAuthTries);
            if (tries is < 1 or > 1000) throw new UsageException(m.Get("probe.error.bad_max_auth_tries"));
            var cfg = ResolveConfig(host, user, ProbeTarget.HasPort(result.GetValue(target) ?? "") ? port : null, identities, result.GetValue(config), m);
            var socket = cfg.AgentSocket(Environment.GetEnvironmentVariable("SSH_AUTH_SOCK"));
            var plan = OfferedKeys.Build(cfg.IdentityPaths, cfg.IdentitiesOnly, SshAgentClient.List(socket), doLogin);
            var keys = identities.Length > 0 ? LoadKeys(identities, doLogin, m) : FromPlan(plan, doLogin, m);
            var files = result.GetValue(knownHosts) is { Length: > 0 } kh ? kh : [.. cfg.UserKnownHostsFiles, .. cfg.GlobalKnownHostsFiles];
            var wantTrace = result.GetValue(trace);
            var showProgress = wantTrace || (ReferenceEquals(io.Err, Console.Error) && !Console.IsErrorRedirected && !json);
            using var progress = showProgress ? new ProbeProgressWriter(io.Err, m) : null;
            var connectHost = cfg.HostName;
            var connectPort = cfg.Port;
            var options = new ProbeOptions(connectHost, connectPort, keys)
            {
                GivenUser = user ?? (cfg.UserSet ? cfg.User : null),
                Users = userList,
                Login = doLogin,
                Timeout = TimeSpan.FromSeconds(seconds),
                KnownHostsFiles = files,
                DefaultKeys = identities.Length == 0,
                Offer = plan,
                MaxAuthTries = tries,
                Progress = progress is null ? null : p => progress.Report(p, connectHost, connectPort),
            };
            NameResolution? resolution = wantTrace ? await Resolve(connectHost, TimeSpan.FromSeconds(seconds), ct) : null;
            try
            {
                var outcome = await ProbeRunner.RunAsync(options, ct);
                progress?.Dispose();
                var steps = wantTrace ? ProbeTrace.Build(new ProbeTraceInput(outcome, cfg, plan, resolution)) : null;
                if (json) WriteJson(io.Out, outcome, m, cfg, plan, steps);
                else if (steps is not null)
                {
                    ProbeTraceOutput.WriteText(io.Out, steps, cfg.Host == connectHost ? connectHost : $"{cfg.Host} ({connectHost})", m);
                    io.Out.WriteLine();
                    FindingTextRenderer.Write(io.Out, outcome.Findings, m);
                }
                else WriteText(io.Out, outcome, m);
                return ExitCode(outcome);
            }
            finally
            {
                foreach (var k in keys) k.Signer?.Dispose();
            }
        });
        return command;
    }

    internal static int ExitCode(ProbeOutcome o)
    {
        if (!o.Reachable || o.Findings.Any(f => StopsBeforeAuthentication(f.Id))) return ExitCodes.Undecided;
        // A blocking finding (the key opens another account than the one asked for, a changed host key) exits 1.
        if (o.Findings.Any(f => f.Severity == Core.Findings.Severity.Blocking)) return ExitCodes.Blocking;
        if (o.Accepting.Any()) return ExitCodes.Ok;
        if (o.Candidates.All(c => c.Result == CandidateResult.Error)) return ExitCodes.Undecided;
        return ExitCodes.Blocking;
    }

    /// <summary>
    /// causes.md section N: the first connection stopped before any key was tried (a key exchange without a
    /// common algorithm included), so which account accepts the key is undecided, as for an unreachable host.
    /// </summary>
    private static bool StopsBeforeAuthentication(FindingId id) =>
        id is FindingId.NET_TIMEOUT or FindingId.NET_REFUSED or FindingId.NET_RESET or FindingId.NET_NOT_SSH or FindingId.KEX_NO_COMMON;

    private static List<ProbeKey> LoadKeys(string[]? paths, bool login, Messages m)
    {
        var list = new List<string>(paths ?? []);
        if (list.Count == 0)
        {
            var home = Environment.GetEnvironmentVariable("HOME") ?? "/root";
            list.AddRange(ProbeKey.DefaultPaths(home));
            if (list.Count == 0) throw new UsageException(m.Get("probe.error.no_key"));
        }
        var keys = new List<ProbeKey>();
        foreach (var p in list)
        {
            try
            {
                var k = ProbeKey.Load(p, login);
                if (!keys.Any(x => x.Public.Equals(k.Public))) keys.Add(k);
            }
            catch (KeyFormatException e)
            {
                // Without -i, an unreadable default key is skipped as ssh skips it; with -i it is an error.
                if (paths is { Length: > 0 }) throw new UsageException(m.Get("probe.error.bad_key", ("detail", e.Message)));
            }
        }
        if (keys.Count == 0) throw new UsageException(m.Get("probe.error.no_key"));
        if (login && keys.All(k => k.Signer is null))
            throw new UsageException(m.Get("probe.error.login_no_signer", ("path", keys[0].Path), ("reason", m.Get("probe.signer." + (keys[0].SignerUnavailable ?? "public_only")))));
        return keys;
    }

    internal static ProbeConclusionJson? Conclusion(ProbeOutcome o, Messages m)
    {
        if (o.ServerSideConclusion)
        {
            var user = o.Options.GivenUser ?? "USER";
            var key = o.Options.Keys[0].Path;
            return new ProbeConclusionJson("server_side", m.Get("probe.conclusion.server_side"),
            [
                $"sshdoctor check --user {user} --key {key}",
                $"sshdoctor check --root /mnt/rescue --user {user} --key {key}",
                $"sshdoctor userdata --user {user} --key {key}",
            ]);
        }
        if (o.Options.Login && o.AnyPkOk && !o.Accepting.Any())
            return new ProbeConclusionJson("refused_after_signature", m.Get("probe.conclusion.after_signature"),
                [$"sshdoctor check --user {o.Candidates.First(c => c.Result == CandidateResult.PkOk).User} --key {o.Options.Keys[0].Path}"]);
        return null;
    }

    private static string Verdict(ProbeOutcome o) => !o.Reachable ? "unknown" : o.Accepting.Any() ? "accepted"
        : o.Candidates.All(c => c.Result == CandidateResult.Error) ? "unknown" : "refused";

    private static ResolvedSshConfig ResolveConfig(string host, string? user, int? port, string[] identities, string? file, Messages m)
    {
        try
        {
            return SshConfigResolver.Resolve(new SshConfigRequest(host) { User = user, Port = port, IdentityFiles = identities, ConfigFile = file });
        }
        catch (SshConfigException e)
        {
            throw new UsageException(m.Get("probe.config.error", ("detail", e.Message)));
        }
    }

    /// <summary>No -i: the keys ssh would offer (agent and identity files, in ssh's order).</summary>
    private static List<ProbeKey> FromPlan(OfferedKeyPlan plan, bool login, Messages m)
    {
        var keys = plan.Keys.ToList();
        if (keys.Count == 0) throw new UsageException(m.Get("probe.error.no_key"));
        if (login && keys.All(k => k.Signer is null))
            throw new UsageException(m.Get("probe.error.login_no_signer", ("path", keys[0].Path), ("reason", m.Get("probe.signer." + (keys[0].SignerUnavailable ?? "public_only")))));
        return keys;
    }

    /// <summary>Name resolution on its own (the trace's first network step), bounded by the timeout.</summary>
    private static async Task<NameResolution> Resolve(string host, TimeSpan timeout, CancellationToken ct)
    {
        if (System.Net.IPAddress.TryParse(host, out _)) return new NameResolution(host, [host], true, null);
        try
        {
            using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
            cts.CancelAfter(timeout);
            var addresses = await System.Net.Dns.GetHostAddressesAsync(host, cts.Token);
            return new NameResolution(host, addresses.Select(a => a.ToString()).Distinct().Take(8).ToList(), false, null);
        }
        catch (Exception e) when (e is System.Net.Sockets.SocketException or OperationCanceledException or ArgumentException)
        {
            return new NameResolution(host, [], false, e.Message);
        }
    }

    private static void WriteJson(TextWriter w, ProbeOutcome o, Messages m, ResolvedSshConfig? cfg = null, OfferedKeyPlan? plan = null,
        IReadOnlyList<TraceStep>? steps = null)
    {
        var many = o.Options.Keys.Count > 1;
        var doc = new ProbeJson("sshdoctor", 1, "probe",
            ProbeJsonMapper.Target(o.Options.Host, o.Options.Port, o.Target, o.HostKey),
            ProbeJsonMapper.Key(o.Options.Keys[0], o.Options.Login),
            many ? o.Options.Keys.Select(k => ProbeJsonMapper.Key(k, o.Options.Login)).ToList() : null,
            Verdict(o),
            o.Candidates.Select(c => ProbeJsonMapper.Candidate(c, many)).ToList(),
            o.Findings.Select(f => FindingJson.From(f, m)).ToList(),
            Conclusion(o, m),
            o.Truncated ? true : null,
            o.PenaltyLimited ? true : null,
            cfg is null ? null : ProbeTraceOutput.Config(cfg),
            plan is null ? null : ProbeTraceOutput.Offered(plan),
            steps is null ? null : ProbeTraceOutput.Json(steps, m));
        JsonOut.Write(w, doc, ProbeJsonContext.Instance.ProbeJson);
    }

    internal static void WriteTarget(TextWriter w, string host, int port, ProbeConnectionReport? r, Messages m)
    {
        var name = port == 22 ? host : $"{host}:{port}";
        if (r is null || !r.Reached)
        {
            var code = r is null ? "unreachable" : ProbeJsonMapper.ErrorCode(r.Error);
            if (r is { Error: ConnectionError.NotSsh, NotSsh: NotSshKind.ClosedSilently }) code = "closed_silently";
            if (r is { Error: ConnectionError.Timeout, Stage: "banner" }) code = "timeout_banner";
            w.WriteLine(m.Get("probe.target.error." + code, ("host", name), ("port", port.ToString()),
                ("detail", r?.ErrorDetail ?? ""), ("stage", r?.Stage ?? "")));
            return;
        }
        w.WriteLine(m.Get("probe.target.reachable", ("host", name), ("banner", r.Server!.Banner)));
        if (r.Server.OpenSshVersion is { } v) w.WriteLine("  " + m.Get("probe.target.openssh", ("version", v)));
        if (r.Offered is { } a)
        {
            w.WriteLine("  " + m.Get("probe.algorithms.heading"));
            foreach (var (label, list) in new[]
                     {
                         ("probe.algorithms.kex", a.Kex), ("probe.algorithms.host_key", a.HostKey),
                         ("probe.algorithms.ciphers", a.CiphersServerToClient), ("probe.algorithms.macs", a.MacsServerToClient),
                     })
                w.WriteLine("    " + m.Get("probe.label", ("label", m.Get(label)), ("value", string.Join(",", list))));
        }
        if (r.ServerSigAlgs is { } s)
            w.WriteLine("  " + m.Get("probe.server_sig_algs", ("algorithms", string.Join(",", s))));
        if (r.Error != ConnectionError.None && r.Stage != "done")
            w.WriteLine("  " + m.Get("probe.target.error." + ProbeJsonMapper.ErrorCode(r.Error), ("host", name), ("port", port.ToString()),
                ("detail", r.ErrorDetail ?? ""), ("stage", r.Stage)));
    }

    internal static void WriteHostKey(TextWriter w, ProbeConnectionReport? r, HostKeyCheck? check, Messages m)
    {
        if (r?.HostKey is not { } k) return;
        var status = check is null ? "unknown" : ProbeJsonMapper.HostKeyStatusCode(check.Status);
        w.WriteLine("  " + m.Get("probe.hostkey", ("type", k.Type), ("fingerprint", k.Sha256Fingerprint),
            ("status", m.Get("probe.hostkey.status." + status))));
    }

    private static void WriteText(TextWriter w, ProbeOutcome o, Messages m)
    {
        WriteTarget(w, o.Options.Host, o.Options.Port, o.Target, m);
        WriteHostKey(w, o.Target, o.HostKey, m);
        if (o.Target?.Methods is { } methods)
        {
            w.WriteLine("  " + m.Get("probe.methods", ("methods", methods.Methods.Count == 0 ? "-" : string.Join(",", methods.Methods))));
            if (!o.Target.PublicKeyOffered) w.WriteLine("  " + m.Get("probe.methods.no_publickey"));
        }
        w.WriteLine();
        if (o.Options.DefaultKeys) w.WriteLine(m.Get("probe.keys.default"));
        foreach (var k in o.Options.Keys)
        {
            w.WriteLine(m.Get("probe.key", ("type", k.Public.Type), ("fingerprint", k.Public.Sha256Fingerprint), ("path", k.Path)));
            if (o.Options.Login && k.Signer is null)
                w.WriteLine("  " + m.Get("probe.key.no_signer", ("reason", m.Get("probe.signer." + (k.SignerUnavailable ?? "public_only")))));
        }
        if (o.Reachable && o.Candidates.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Get("probe.candidates.heading"));
            var width = Math.Max(8, o.Candidates.Max(c => c.User.Length));
            var many = o.Options.Keys.Count > 1;
            foreach (var c in o.Candidates)
            {
                var line = $"  {c.User.PadRight(width)}  {ProbeJsonMapper.ResultCode(c.Result),-8} {c.Report.Milliseconds,5} ms";
                if (many) line += "  " + c.Key.Public.Sha256Fingerprint;
                if (c.Result == CandidateResult.Error)
                    line += "  " + (c.Report.NoneSucceeded ? m.Get("probe.candidate.none_accepted") : c.Report.ErrorDetail);
                if (c.Report.Login is { } l)
                    line += "  " + m.Get("probe.login." + ProbeJsonMapper.LoginCode(l.Outcome));
                w.WriteLine(line);
            }
            if (o.PenaltyLimited)
                w.WriteLine("  " + m.Get("probe.penalties", ("version", o.Target?.Server?.OpenSshVersion ?? ""),
                    ("count", ProbeRunner.RefusedBudgetWithPenalties.ToString())));
            else if (o.Truncated)
                w.WriteLine("  " + m.Get("probe.truncated", ("count", o.Options.MaxConnections.ToString())));
        }
        w.WriteLine();
        var accepting = o.Accepting.Select(c => c.User).Distinct().ToList();
        if (accepting.Count > 0)
            w.WriteLine(m.Get(o.Options.Login ? "probe.conclusion.login_accepted" : "probe.conclusion.accepted", ("users", string.Join(", ", accepting))));
        if (Conclusion(o, m) is { } conclusion)
        {
            w.WriteLine(conclusion.Message);
            if (conclusion.Code == "server_side")
            {
                string[] labels = ["probe.next.check", "probe.next.check_root", "probe.next.userdata"];
                for (var i = 0; i < conclusion.Next.Count; i++)
                {
                    w.WriteLine("  " + m.Get(labels[i]));
                    w.WriteLine("    $ " + conclusion.Next[i]);
                }
            }
            else
            {
                foreach (var c in conclusion.Next) w.WriteLine("    $ " + c);
            }
        }
        FindingTextRenderer.Write(w, o.Findings, m);
    }
}

/// <summary>[USER@]HOST[:PORT] parsing.</summary>
internal static class ProbeTarget
{
    public static (string? User, string Host, int Port) Parse(string text, Messages m)
    {
        var t = text.Trim();
        string? user = null;
        var at = t.LastIndexOf('@');
        if (at >= 0)
        {
            user = t[..at];
            t = t[(at + 1)..];
            if (!ValidUser(user)) throw new UsageException(m.Get("probe.error.bad_user", ("user", user)));
        }
        var port = 22;
        string host;
        if (t.StartsWith('['))
        {
            var close = t.IndexOf(']');
            if (close < 0) throw Bad(text, m);
            host = t[1..close];
            var rest = t[(close + 1)..];
            if (rest.Length > 0 && (!rest.StartsWith(':') || !int.TryParse(rest[1..], out port))) throw Bad(text, m);
        }
        else
        {
            var colon = t.IndexOf(':');
            if (colon >= 0 && colon == t.LastIndexOf(':'))
            {
                host = t[..colon];
                if (!int.TryParse(t[(colon + 1)..], out port)) throw Bad(text, m);
            }
            else host = t;
        }
        if (host.Length == 0 || host[0] == '-' || port is < 1 or > 65535 || host.Any(c => char.IsWhiteSpace(c) || c is '/' or '\'' or '"' or ';' or '`' or '$'))
            throw Bad(text, m);
        return (user, host, port);
    }

    /// <summary>Whether the target names a port (HOST:PORT or [ADDR]:PORT): then it wins over ssh_config's Port.</summary>
    public static bool HasPort(string text)
    {
        var t = text.Trim();
        var at = t.LastIndexOf('@');
        if (at >= 0) t = t[(at + 1)..];
        if (t.StartsWith('[')) return t.IndexOf("]:", StringComparison.Ordinal) > 0;
        var colon = t.IndexOf(':');
        return colon >= 0 && colon == t.LastIndexOf(':');
    }

    /// <summary>POSIX names plus '@' and '$' (SSSD/AD "user@domain", machine accounts); nothing a shell or sshd would split.</summary>
    public static bool ValidUser(string u) =>
        u.Length is > 0 and <= 128 && u[0] != '-' && u.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-' or '$' or '@');

    private static UsageException Bad(string text, Messages m) => new(m.Get("probe.error.bad_target", ("target", text)));
}
