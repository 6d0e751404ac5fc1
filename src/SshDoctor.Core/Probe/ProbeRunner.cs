using SshDoctor.Core.Findings;
using SshDoctor.Core.KnownHosts;
using SshDoctor.Core.Protocol;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Core.Probe;

public sealed record ProbeOptions(string Host, int Port, IReadOnlyList<ProbeKey> Keys)
{
    /// <summary>USER from USER@HOST: tried first.</summary>
    public string? GivenUser { get; init; }
    /// <summary>`--users a,b,c`; null for auto.</summary>
    public IReadOnlyList<string>? Users { get; init; }
    public bool Login { get; init; }
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);
    /// <summary>Connections in flight at once: well under sshd's MaxStartups (10 unauthenticated by default).</summary>
    public int MaxParallel { get; init; } = 4;
    /// <summary>Connections per run: sshd 9.8+ penalises a source with many failed authentications.</summary>
    public int MaxConnections { get; init; } = 24;
    public IReadOnlyList<string> KnownHostsFiles { get; init; } = KnownHostsFile.DefaultPaths();
    public ClientAlgorithms Algorithms { get; init; } = ClientAlgorithms.Default;
    /// <summary>No -i: the keys are those ssh would try (~/.ssh/id_*).</summary>
    public bool DefaultKeys { get; init; }
    /// <summary>The keys ssh would offer in its order (agent, identity files); null when unknown.</summary>
    public OfferedKeyPlan? Offer { get; init; }
    /// <summary>The server's MaxAuthTries as far as the client can know it (sshd's default).</summary>
    public int MaxAuthTries { get; init; } = 6;
    /// <summary>Called when a connection enters a stage (progress for people waiting).</summary>
    public Action<ProbeProgress>? Progress { get; init; }
    /// <summary>Tests: treat the server as one that penalises failures (the lab's sshd is 9.2).</summary>
    internal bool AssumePenalties { get; init; }
}

public enum CandidateResult { PkOk, Refused, Error }

/// <summary>A connection for (user, key) entered a stage: connect, banner, kex, auth, login, done.</summary>
public sealed record ProbeProgress(string User, ProbeKey Key, string Stage);

public sealed record ProbeCandidate(string User, ProbeKey Key, CandidateResult Result, ProbeConnectionReport Report)
{
    /// <summary>Accepted: PK_OK, and with `--login` the signed attempt succeeded too.</summary>
    public bool Accepted(bool login) => Result == CandidateResult.PkOk && (!login || Report.Login is null || Report.Login.Outcome == LoginOutcome.Accepted);
}

/// <summary>Everything a probe run found, for the text and JSON renderers.</summary>
public sealed record ProbeOutcome(
    ProbeOptions Options,
    ProbeConnectionReport? Target,
    HostKeyCheck? HostKey,
    IReadOnlyList<ProbeCandidate> Candidates,
    IReadOnlyList<Finding> Findings,
    bool Truncated)
{
    /// <summary>The automatic search stopped early because the server (OpenSSH 9.8+) penalises failed logins.</summary>
    public bool PenaltyLimited { get; init; }

    public bool Reachable => Target?.Reached ?? false;
    public IEnumerable<ProbeCandidate> Accepting => Candidates.Where(c => c.Accepted(Options.Login));
    public bool AnyPkOk => Candidates.Any(c => c.Result == CandidateResult.PkOk);
    /// <summary>No candidate accepts although the server was reached and offers publickey: the cause is on the server.</summary>
    public bool ServerSideConclusion => Reachable && !AnyPkOk && Candidates.Any(c => c.Result == CandidateResult.Refused)
                                        && Candidates.Any(c => c.Report.PublicKeyOffered);
}

/// <summary>
/// Tries candidate users, one connection per (user, key), a bounded number in flight, and turns what the
/// connections saw into findings. What a client can tell apart is only "no PK_OK" vs "PK_OK, then
/// refused" (causes.md): account and key problems look identical from outside.
/// </summary>
public static class ProbeRunner
{
    /// <summary>causes.md "Default login user by image", plus root.</summary>
    public static readonly IReadOnlyList<string> AutoUsers = ["ec2-user", "ubuntu", "admin", "centos", "fedora", "rocky", "bitnami", "root"];

    /// <summary>
    /// OpenSSH 9.8+ (PerSourcePenalties) blocks an address once its penalties pass 15 s, at 5 s per connection
    /// with failed authentication: the probe's automatic search stays at 3 refused connections there.
    /// </summary>
    public const int RefusedBudgetWithPenalties = 3;

    public static bool PenalisesFailures(ServerIdentification? server) =>
        server?.OpenSshMajorMinor is { } v && (v.Major > 9 || (v.Major == 9 && v.Minor >= 8));

    /// <summary>The auto list, with the image's own default first when the banner names the distribution.</summary>
    public static IReadOnlyList<string> AutoOrder(ServerIdentification? server)
    {
        var comments = (server?.Comments ?? "") + " " + (server?.Software ?? "");
        string? first = comments.Contains("Ubuntu", StringComparison.OrdinalIgnoreCase) ? "ubuntu"
            : comments.Contains("Debian", StringComparison.OrdinalIgnoreCase) || comments.Contains("deb1", StringComparison.Ordinal) ? "admin"
            : comments.Contains("FreeBSD", StringComparison.OrdinalIgnoreCase) ? "ec2-user"
            : null;
        return first is null ? AutoUsers : [first, .. AutoUsers.Where(u => u != first)];
    }

    public static async Task<ProbeOutcome> RunAsync(ProbeOptions o, CancellationToken ct = default)
    {
        var known = KnownHostsFile.Load(o.KnownHostsFiles);
        var algorithms = o.Algorithms.PreferHostKeys(KnownHostsFile.KnownTypes(known, o.Host, o.Port));
        var candidates = new List<ProbeCandidate>();
        var budget = o.MaxConnections;
        var truncated = false;

        IEnumerable<string> phase1 = o.Users is not null
            ? Distinct(o.GivenUser is null ? o.Users : o.Users.Prepend(o.GivenUser))
            : o.GivenUser is not null ? [o.GivenUser] : [AutoUsers[0]];
        var jobs = Jobs(phase1, o.Keys, ref budget, ref truncated);
        if (jobs.Count == 0) jobs.Add((o.GivenUser ?? AutoUsers[0], o.Keys[0]));

        // The first connection alone: an unreachable, non-SSH or incompatible target costs one timeout, not N.
        var first = await RunOne(o, algorithms, jobs[0].User, jobs[0].Key, ct).ConfigureAwait(false);
        candidates.Add(first);
        var target = first.Report;
        var penalties = false;
        if (first.Result != CandidateResult.Error)
        {
            penalties = o.AssumePenalties || PenalisesFailures(first.Report.Server);
            candidates.AddRange(await RunMany(o, algorithms, jobs.Skip(1).ToList(), ct).ConfigureAwait(false));
            var accepted = candidates.Any(c => c.Accepted(o.Login) && (o.GivenUser is null || c.User == o.GivenUser));
            if (o.Users is null && !accepted)
            {
                // Automatic search: the given user was refused, or none was given.
                var tried = candidates.Select(c => c.User).ToHashSet();
                var more = Jobs(AutoOrder(first.Report.Server).Where(u => !tried.Contains(u)), o.Keys, ref budget, ref truncated);
                if (penalties)
                {
                    var refusedSoFar = candidates.Count(c => c.Result != CandidateResult.PkOk);
                    var (found, cut) = await RunUntilAccepted(o, algorithms, more, RefusedBudgetWithPenalties - refusedSoFar, ct).ConfigureAwait(false);
                    candidates.AddRange(found);
                    truncated |= cut;
                }
                else
                {
                    candidates.AddRange(await RunMany(o, algorithms, more, ct).ConfigureAwait(false));
                }
            }
        }

        HostKeyCheck? hostKey = null;
        var reached = candidates.Select(c => c.Report).FirstOrDefault(r => r.HostKey is not null);
        if (reached is not null) target = reached;
        if (reached?.HostKey is { } serverKey)
            hostKey = KnownHostsFile.Check(known, o.Host, o.Port, serverKey);

        var findings = Analyze(o, target, hostKey, candidates);
        return new ProbeOutcome(o, target, hostKey, candidates, findings, truncated) { PenaltyLimited = penalties && truncated };
    }

    /// <summary>One at a time, stopping at the first acceptance or when the refusals allowed are spent.</summary>
    private static async Task<(List<ProbeCandidate> Found, bool Cut)> RunUntilAccepted(ProbeOptions o, ClientAlgorithms algorithms,
        List<(string User, ProbeKey Key)> jobs, int refusalsAllowed, CancellationToken ct)
    {
        var found = new List<ProbeCandidate>();
        foreach (var job in jobs)
        {
            if (refusalsAllowed <= 0) return (found, true);
            var c = await RunOne(o, algorithms, job.User, job.Key, ct).ConfigureAwait(false);
            found.Add(c);
            if (c.Accepted(o.Login)) return (found, false); // found: stopping here is the point, not a cut
            if (c.Result != CandidateResult.PkOk) refusalsAllowed--;
        }
        return (found, false);
    }

    /// <summary>Only the transport: banner, algorithms, host key (the `knownhosts` command).</summary>
    public static async Task<(ProbeConnectionReport Report, HostKeyCheck? Check)> HostKeyOnlyAsync(
        string host, int port, TimeSpan timeout, IReadOnlyList<string> knownHostsFiles, CancellationToken ct = default)
    {
        var known = KnownHostsFile.Load(knownHostsFiles);
        var algorithms = ClientAlgorithms.Default.PreferHostKeys(KnownHostsFile.KnownTypes(known, host, port));
        var report = await ProbeConnection.RunAsync(new ProbeConnectionRequest(host, port, null, null, timeout) { Algorithms = algorithms }, ct)
            .ConfigureAwait(false);
        return (report, report.HostKey is { } k ? KnownHostsFile.Check(known, host, port, k) : null);
    }

    private static IEnumerable<string> Distinct(IEnumerable<string> users) => users.Where(u => u.Length > 0).Distinct(StringComparer.Ordinal);

    private static List<(string User, ProbeKey Key)> Jobs(IEnumerable<string> users, IReadOnlyList<ProbeKey> keys, ref int budget, ref bool truncated)
    {
        var jobs = new List<(string, ProbeKey)>();
        foreach (var u in Distinct(users))
            foreach (var k in keys)
            {
                if (budget <= 0) { truncated = true; return jobs; }
                budget--;
                jobs.Add((u, k));
            }
        return jobs;
    }

    private static async Task<List<ProbeCandidate>> RunMany(ProbeOptions o, ClientAlgorithms algorithms,
        List<(string User, ProbeKey Key)> jobs, CancellationToken ct)
    {
        using var gate = new SemaphoreSlim(Math.Max(1, o.MaxParallel));
        var tasks = jobs.Select(async job =>
        {
            await gate.WaitAsync(ct).ConfigureAwait(false);
            try { return await RunOne(o, algorithms, job.User, job.Key, ct).ConfigureAwait(false); }
            finally { gate.Release(); }
        }).ToList();
        return (await Task.WhenAll(tasks).ConfigureAwait(false)).ToList();
    }

    private static async Task<ProbeCandidate> RunOne(ProbeOptions o, ClientAlgorithms algorithms, string user, ProbeKey key, CancellationToken ct)
    {
        var request = new ProbeConnectionRequest(o.Host, o.Port, user, key.Public, o.Timeout)
        {
            Algorithms = algorithms,
            Login = o.Login,
            Signer = key.Signer,
            OnStage = o.Progress is { } p ? stage => p(new ProbeProgress(user, key, stage)) : null,
        };
        var report = await ProbeConnection.RunAsync(request, ct).ConfigureAwait(false);
        var result = report.Error != ConnectionError.None || report.NoneSucceeded ? CandidateResult.Error
            : report.Query == QueryOutcome.PkOk ? CandidateResult.PkOk
            : CandidateResult.Refused;
        return new ProbeCandidate(user, key, result, report);
    }

    internal static List<Finding> Analyze(ProbeOptions o, ProbeConnectionReport? target, HostKeyCheck? hostKey, List<ProbeCandidate> candidates)
    {
        var findings = new List<Finding>();
        var defaultKnownHosts = KnownHostsFile.DefaultPath();
        if (hostKey is not null) findings.AddRange(HostKeyFindings(hostKey, defaultKnownHosts, o.Host, o.Port));
        if (target is not null && NetworkFinding(target, o.Host, o.Port) is { } net) findings.Add(net);
        if (target is null || !target.Reached) return findings;

        var reached = candidates.Where(c => c.Report.Methods is not null).ToList();
        var withoutPubkey = reached.Where(c => !c.Report.PublicKeyOffered).ToList();
        if (withoutPubkey.Count > 0)
        {
            var methods = string.Join(",", withoutPubkey[0].Report.Methods!.Methods);
            if (withoutPubkey.Count == reached.Count)
                findings.Add(Finding.Create(FindingId.PUBKEY_AUTH_DISABLED, Severity.Blocking, args: [("methods", methods)]));
            else
                foreach (var user in withoutPubkey.Select(c => c.User).Distinct())
                    findings.Add(Finding.Create(FindingId.PUBKEY_AUTH_DISABLED, Severity.Blocking, user: user, args: [("methods", methods)]));
        }

        foreach (var key in o.Keys)
        {
            var forKey = candidates.Where(c => c.Key == key).ToList();
            var sigAlgs = forKey.Select(c => c.Report.ServerSigAlgs).FirstOrDefault(s => s is not null);
            var keyArgs = new[] { ("key", key.Public.Sha256Fingerprint), ("type", key.Public.Type) };

            // KEY_ALGORITHM_REFUSED: only visible when server-sig-algs is filtered by the server's policy
            // (OpenSSH 9.2 lists every algorithm it implements there, whatever PubkeyAcceptedAlgorithms says).
            var keyAlgs = key.Public.Type == "ssh-rsa" ? new[] { "rsa-sha2-512", "rsa-sha2-256", "ssh-rsa" } : [key.Public.Type];
            if (sigAlgs is not null && !keyAlgs.Any(sigAlgs.Contains))
                findings.Add(Finding.Create(FindingId.KEY_ALGORITHM_REFUSED, Severity.Blocking,
                    args: [.. keyArgs, ("algorithms", string.Join(",", sigAlgs))]));

            // Policies a client can infer from the version when nothing accepts the key: DSA is off by
            // default since OpenSSH 7.0, RSA below 1024 bits refused since 7.6 (RequiredRSASize in 9.1+).
            var noPkOk = forKey.Count > 0 && forKey.All(c => c.Result != CandidateResult.PkOk) && forKey.Any(c => c.Report.PublicKeyOffered);
            var version = forKey.Select(c => c.Report.Server?.OpenSshMajorMinor).FirstOrDefault(v => v is not null);
            if (noPkOk && key.Public.Type == "ssh-dss" && version is { } v7 && v7.Major >= 7
                && !findings.Any(f => f.Id == FindingId.KEY_ALGORITHM_REFUSED))
                findings.Add(Finding.Create(FindingId.KEY_ALGORITHM_REFUSED, Severity.Blocking,
                    args: [.. keyArgs, ("algorithms", "ssh-dss"), ("evidence", "default")]));
            if (noPkOk && key.Public.Type == "ssh-rsa" && key.Public.Bits < 1024)
                findings.Add(Finding.Create(FindingId.KEY_RSA_TOO_SMALL, Severity.Blocking,
                    args: [.. keyArgs, ("bits", key.Public.Bits.ToString())]));

            if (key.Public.Type == "ssh-rsa")
            {
                var sha1Refused = forKey.Any(c => c.Report.Sha1Query == QueryOutcome.Refused);
                var sigAlgsLackRsa = sigAlgs is not null && !sigAlgs.Contains("ssh-rsa");
                if (sha1Refused || sigAlgsLackRsa)
                    findings.Add(Finding.Create(FindingId.RSA_SHA1_REFUSED, Severity.Warning,
                        args: [.. keyArgs, ("evidence", sha1Refused ? "query" : "server-sig-algs")]));
            }

            // PK_OK, then refused after the signature: the part only --login can see.
            foreach (var c in forKey.Where(c => c.Report.Login is { } l && l.Outcome != LoginOutcome.Accepted))
            {
                var login = c.Report.Login!;
                var banner = string.Join(" ", c.Report.Banners);
                if (login.Outcome == LoginOutcome.PartialSuccess)
                    findings.Add(Finding.Create(FindingId.AUTH_METHODS_REQUIRED, Severity.Blocking, user: c.User,
                        args: [("methods", string.Join(",", login.Methods))]));
                else if (login.Algorithm == "ssh-rsa" && login.Outcome == LoginOutcome.Refused)
                    findings.Add(Finding.Create(FindingId.RSA_SHA1_REFUSED, Severity.Blocking, user: c.User, args: [.. keyArgs, ("evidence", "signature")]));
                else if (c.User == "root" && login.Outcome == LoginOutcome.Refused)
                    findings.Add(Finding.Create(FindingId.ROOT_LOGIN_REFUSED, Severity.Blocking, user: c.User));
                else if (banner.Contains("expired", StringComparison.OrdinalIgnoreCase))
                    findings.Add(Finding.Create(FindingId.USER_EXPIRED, Severity.Blocking, user: c.User, args: [("banner", banner.Trim())]));
            }
        }

        if (TooManyKeys(o, candidates) is { } tooMany) findings.Add(tooMany);

        // WRONG_USERNAME: the key opens another account than the one asked for.
        var accepting = candidates.Where(c => c.Accepted(o.Login)).Select(c => c.User).Distinct().ToList();
        var givenAccepted = o.GivenUser is not null && accepting.Contains(o.GivenUser);
        if (accepting.Count > 0 && !givenAccepted)
        {
            var other = accepting[0];
            var key = candidates.First(c => c.User == other && c.Accepted(o.Login)).Key;
            findings.Add(Finding.Create(FindingId.WRONG_USERNAME, o.GivenUser is null ? Severity.Info : Severity.Blocking,
                user: other,
                fix: [$"ssh -i {IdentityPath(key.Path)} {(o.Port == 22 ? "" : $"-p {o.Port} ")}{other}@{o.Host}"],
                args: [("tried", o.GivenUser ?? ""), ("users", string.Join(", ", accepting)), ("key", key.Public.Sha256Fingerprint)]));
        }
        return findings;
    }

    /// <summary>The layer a failed first connection stopped at, as a causes.md ID (section N).</summary>
    public static Finding? NetworkFinding(ProbeConnectionReport r, string host, int port)
    {
        var name = port == 22 ? host : $"{host}:{port}";
        FindingId? id = r.Error switch
        {
            ConnectionError.Timeout when r.Stage == "connect" => FindingId.NET_TIMEOUT,
            ConnectionError.Unreachable => FindingId.NET_TIMEOUT,
            ConnectionError.ConnectionRefused => FindingId.NET_REFUSED,
            ConnectionError.NotSsh when r.NotSsh is NotSshKind.ClosedSilently || r.ResetByPeer => FindingId.NET_RESET,
            ConnectionError.NotSsh => FindingId.NET_NOT_SSH,
            ConnectionError.Closed when r.Stage is "banner" => FindingId.NET_RESET,
            // Only when OpenSSH's client has nothing in common either; otherwise it is sshdoctor's own limit.
            ConnectionError.NoCommonAlgorithm when SshClientHasNoneInCommon(r) => FindingId.KEX_NO_COMMON,
            _ => null,
        };
        if (id is null) return null;
        var args = new List<(string, string)> { ("host", name) };
        if (id == FindingId.KEX_NO_COMMON) args.Add(("value", NoCommonKeyword(r.ErrorDetail)));
        if (r.ErrorDetail is { } d) args.Add(("detail", d));
        return Finding.Create(id.Value, Severity.Blocking, args: [.. args]);
    }

    /// <summary>Does the OpenSSH client (its defaults) share no algorithm with the server in the failed category?</summary>
    public static bool SshClientHasNoneInCommon(ProbeConnectionReport r)
    {
        if (r.Offered is not { } s) return true;
        var (client, server) = NoCommonKeyword(r.ErrorDetail) switch
        {
            "HostKeyAlgorithms" => (ClientAlgorithmLists.DefaultKeyAlgorithms, s.HostKey),
            "Ciphers" => (ClientAlgorithmLists.DefaultCiphers, s.CiphersServerToClient),
            "MACs" => (ClientAlgorithmLists.DefaultMacs, s.MacsServerToClient),
            _ => (ClientAlgorithmLists.DefaultKex, s.Kex),
        };
        return !client.Any(server.Contains);
    }

    /// <summary>The ssh_config keyword of the list that had nothing in common (from the negotiation's message).</summary>
    public static string NoCommonKeyword(string? detail) =>
        detail is null ? "KexAlgorithms"
        : detail.Contains("host key", StringComparison.OrdinalIgnoreCase) ? "HostKeyAlgorithms"
        : detail.Contains("cipher", StringComparison.OrdinalIgnoreCase) ? "Ciphers"
        : detail.Contains("mac", StringComparison.OrdinalIgnoreCase) ? "MACs"
        : "KexAlgorithms";

    /// <summary>
    /// TOO_MANY_AUTH_TRIES: the key the server accepts comes after MaxAuthTries others in ssh's order, so
    /// sshd disconnects ssh ("Too many authentication failures") before ssh reaches it.
    /// </summary>
    private static Finding? TooManyKeys(ProbeOptions o, List<ProbeCandidate> candidates)
    {
        if (o.Offer is not { } offer) return null;
        foreach (var c in candidates.Where(c => c.Result == CandidateResult.PkOk))
        {
            var position = offer.PositionOf(c.Key.Public);
            if (position <= o.MaxAuthTries) continue;
            var path = c.Key.AgentOnly ? "KEY" : IdentityPath(c.Key.Path);
            var target = $"{(o.Port == 22 ? "" : $"-p {o.Port} ")}{c.User}@{o.Host}";
            return Finding.Create(FindingId.TOO_MANY_AUTH_TRIES, Severity.Blocking, user: c.User,
                fix: [$"ssh -o IdentitiesOnly=yes -i {path} {target}"],
                args: [("value", o.MaxAuthTries.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("position", position.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    ("key", c.Key.Public.Sha256Fingerprint), ("offered", offer.Keys.Count.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        }
        return null;
    }

    /// <summary>ssh -i wants the private key: FILE rather than FILE.pub when both exist.</summary>
    private static string IdentityPath(string path)
        => path.EndsWith(".pub", StringComparison.Ordinal) && File.Exists(path[..^4]) ? path[..^4] : path;

    public static IEnumerable<Finding> HostKeyFindings(HostKeyCheck check, string defaultKnownHosts, string host, int port)
    {
        var args = new List<(string, string)>
        {
            ("host", check.LookupName),
            ("fingerprint", check.ServerKey.Sha256Fingerprint),
            ("type", check.ServerKey.Type),
        };
        switch (check.Status)
        {
            case HostKeyStatus.Changed or HostKeyStatus.Revoked:
            {
                var old = check.SameHostEntries.Where(e => e.Key.Type == check.ServerKey.Type).ToList();
                if (old.Count > 0)
                {
                    args.Add(("known_fingerprint", old[0].Key.Sha256Fingerprint));
                    args.Add(("file", $"{old[0].File}:{old[0].Line}"));
                }
                args.Add(("revoked", check.Status == HostKeyStatus.Revoked ? "yes" : "no"));
                yield return Finding.Create(FindingId.HOST_KEY_CHANGED, Severity.Blocking, path: old.FirstOrDefault()?.File,
                    fix: [check.RemoveCommand(defaultKnownHosts)], args: [.. args]);
                break;
            }
            case HostKeyStatus.Unknown:
                yield return Finding.Create(FindingId.HOST_KEY_UNKNOWN, Severity.Info,
                    fix: [$"ssh-keyscan {(port == 22 ? "" : $"-p {port} ")}-t {check.ServerKey.Type} {host}"], args: [.. args]);
                break;
        }
    }
}
