using System.Globalization;
using SshDoctor.Core.Findings;
using SshDoctor.Core.KnownHosts;
using SshDoctor.Core.Protocol;
using SshDoctor.Core.SshConfig;

namespace SshDoctor.Core.Probe;

/// <summary>The facts `probe --trace` tells, layer by layer: the user's ssh setup, then what the first connection saw.</summary>
public sealed record ProbeTraceInput(ProbeOutcome Outcome, ResolvedSshConfig? Config, OfferedKeyPlan? Offer, NameResolution? Resolution);

/// <summary>
/// Turns a probe run into the walk of seed 004: name → TCP → banner → key exchange → host key → methods →
/// keys offered → each (user, key) → signature algorithm → signed login → conclusion. A layer that failed
/// ends the walk there (what comes after it never happened).
/// </summary>
public static class ProbeTrace
{
    public static IReadOnlyList<TraceStep> Build(ProbeTraceInput input)
    {
        var o = input.Outcome;
        var steps = new List<TraceStep>();
        var port = o.Options.Port.ToString(CultureInfo.InvariantCulture);
        var seconds = o.Options.Timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);

        if (input.Config is { } cfg) ConfigSteps(steps, cfg);

        if (input.Resolution is { } res)
        {
            if (res.Literal) steps.Add(TraceStep.Of("resolve", TraceStatus.Ok, "resolve.literal", null, ("host", res.Name)));
            else if (res.Error is not null)
            {
                steps.Add(TraceStep.Of("resolve", TraceStatus.Failed, "resolve.failed", null, ("host", res.Name), ("detail", res.Error)));
                steps.Add(Conclusion("conclusion.resolve", ("host", res.Name)));
                return steps;
            }
            else steps.Add(TraceStep.Of("resolve", TraceStatus.Ok, "resolve.ok", null, ("host", res.Name), ("addresses", string.Join(", ", res.Addresses))));
        }

        var r = o.Target;
        if (r is null) return steps;
        var net = ProbeRunner.NetworkFinding(r, o.Options.Host, o.Options.Port)?.Id;

        // TCP
        if (r.Stage == "connect")
        {
            var (code, finding) = r.Error switch
            {
                ConnectionError.ConnectionRefused => ("tcp.refused", FindingId.NET_REFUSED),
                ConnectionError.UnknownHost => ("resolve.failed", (FindingId?)null),
                ConnectionError.Timeout => ("tcp.timeout", FindingId.NET_TIMEOUT),
                _ => ("tcp.unreachable", FindingId.NET_TIMEOUT),
            };
            steps.Add(TraceStep.Of(code == "resolve.failed" ? "resolve" : "tcp", TraceStatus.Failed, code, finding,
                ("host", o.Options.Host), ("port", port), ("seconds", seconds), ("detail", r.ErrorDetail ?? "")));
            steps.Add(Conclusion(code == "tcp.refused" ? "conclusion.refused" : code == "resolve.failed" ? "conclusion.resolve" : "conclusion.timeout",
                ("host", o.Options.Host), ("port", port)));
            return steps;
        }
        steps.Add(TraceStep.Of("tcp", TraceStatus.Ok, "tcp.ok", null, ("host", o.Options.Host), ("port", port)));

        // Banner
        if (r.Server is not { } server)
        {
            var code = net == FindingId.NET_RESET ? "banner.reset"
                : r.Error == ConnectionError.Timeout ? "banner.timeout"
                : "banner.not_ssh";
            steps.Add(TraceStep.Of("banner", TraceStatus.Failed, code, net, ("seconds", seconds), ("sample", Sample(r.ErrorDetail)), ("port", port)));
            steps.Add(Conclusion(code == "banner.reset" ? "conclusion.reset" : "conclusion.not_ssh", ("host", o.Options.Host), ("port", port)));
            return steps;
        }
        var distro = ServerHints.Distribution(server);
        steps.Add(TraceStep.Of("banner", TraceStatus.Ok, distro is null ? "banner.ok" : "banner.ok_distribution", null,
            ("banner", server.Banner), ("software", server.Software), ("distribution", distro ?? "")));

        // Key exchange
        if (r.Offered is { } offered)
            steps.Add(TraceStep.Of("kex", TraceStatus.Info, "kex.offers", null,
                ("kex", string.Join(",", offered.Kex)), ("host_keys", string.Join(",", offered.HostKey))));
        if (r.Negotiated is not { } n || r.HostKey is null)
        {
            if (r.Error == ConnectionError.NoCommonAlgorithm)
            {
                var keyword = ProbeRunner.NoCommonKeyword(r.ErrorDetail);
                var server1 = keyword switch
                {
                    "HostKeyAlgorithms" => r.Offered?.HostKey, "Ciphers" => r.Offered?.CiphersServerToClient,
                    "MACs" => r.Offered?.MacsServerToClient, _ => r.Offered?.Kex,
                } ?? [];
                if (net == FindingId.KEX_NO_COMMON)
                {
                    steps.Add(TraceStep.Of("kex", TraceStatus.Failed, "kex.none", FindingId.KEX_NO_COMMON, ("keyword", keyword), ("server", string.Join(",", server1))));
                    steps.Add(Conclusion("conclusion.kex", ("keyword", keyword), ("algorithm", server1.FirstOrDefault() ?? "")));
                }
                else
                {
                    steps.Add(TraceStep.Of("kex", TraceStatus.Warning, "kex.probe_limit", null, ("keyword", keyword), ("server", string.Join(",", server1))));
                    steps.Add(Conclusion("conclusion.undecided"));
                }
            }
            else
            {
                steps.Add(TraceStep.Of("kex", TraceStatus.Failed, "kex.failed", null, ("detail", r.ErrorDetail ?? "")));
                steps.Add(Conclusion("conclusion.undecided"));
            }
            return steps;
        }
        steps.Add(TraceStep.Of("kex", TraceStatus.Ok, "kex.ok", null, ("kex", n.Kex), ("host_key", n.HostKey),
            ("cipher", n.CipherServerToClient + (n.MacServerToClient is { } mac ? " + " + mac : ""))));

        // Host key
        var hk = r.HostKey;
        var check = o.HostKey;
        var status = check?.Status ?? HostKeyStatus.Unknown;
        var hkArgs = new List<(string, string)> { ("type", hk.Type), ("fingerprint", hk.Sha256Fingerprint), ("host", check?.LookupName ?? o.Options.Host) };
        switch (status)
        {
            case HostKeyStatus.Known:
                hkArgs.Add(("file", check?.Matched is { } m ? $"{m.File}:{m.Line}" : ""));
                steps.Add(TraceStep.Of("hostkey", TraceStatus.Ok, "hostkey.known", null, [.. hkArgs]));
                break;
            case HostKeyStatus.Changed or HostKeyStatus.Revoked:
            {
                var old = check!.SameHostEntries.FirstOrDefault(e => e.Key.Type == hk.Type) ?? check.SameHostEntries.FirstOrDefault();
                hkArgs.Add(("file", old is null ? "" : $"{old.File}:{old.Line}"));
                hkArgs.Add(("known", old?.Key.Sha256Fingerprint ?? ""));
                steps.Add(TraceStep.Of("hostkey", TraceStatus.Failed, status == HostKeyStatus.Revoked ? "hostkey.revoked" : "hostkey.changed",
                    FindingId.HOST_KEY_CHANGED, [.. hkArgs]));
                break;
            }
            default:
                steps.Add(TraceStep.Of("hostkey", TraceStatus.Info, "hostkey.unknown", FindingId.HOST_KEY_UNKNOWN, [.. hkArgs]));
                break;
        }

        // Methods
        var withMethods = o.Candidates.FirstOrDefault(c => c.Report.Methods is not null);
        if (withMethods?.Report.Methods is { } methods)
        {
            var list = methods.Methods.Count == 0 ? "-" : string.Join(",", methods.Methods);
            steps.Add(withMethods.Report.PublicKeyOffered
                ? TraceStep.Of("methods", TraceStatus.Ok, "methods.ok", null, ("user", withMethods.User), ("methods", list))
                : TraceStep.Of("methods", TraceStatus.Failed, "methods.no_publickey", FindingId.PUBKEY_AUTH_DISABLED, ("user", withMethods.User), ("methods", list)));
        }

        // Keys ssh would offer
        if (input.Offer is { } offer) KeySteps(steps, offer);
        if (o.Findings.FirstOrDefault(f => f.Id == FindingId.TOO_MANY_AUTH_TRIES) is { } tm)
            steps.Add(TraceStep.Of("keys", TraceStatus.Failed, "keys.too_many", FindingId.TOO_MANY_AUTH_TRIES,
                ("key", tm.Args.GetValueOrDefault("key", "")), ("position", tm.Args.GetValueOrDefault("position", "")),
                ("max", tm.Args.GetValueOrDefault("value", "")), ("command", tm.FixCommands.FirstOrDefault() ?? "")));

        // Each (user, key)
        foreach (var c in o.Candidates)
        {
            var a = new[] { ("user", c.User), ("key", c.Key.Public.Sha256Fingerprint), ("type", c.Key.Public.Type), ("detail", c.Report.ErrorDetail ?? "") };
            steps.Add(c.Result switch
            {
                CandidateResult.PkOk => TraceStep.Of("auth", TraceStatus.Ok, "auth.pk_ok", null, a),
                CandidateResult.Refused => TraceStep.Of("auth", TraceStatus.Failed, "auth.refused", null, a),
                _ => TraceStep.Of("auth", TraceStatus.Warning, c.Report.NoneSucceeded ? "auth.none_accepted" : "auth.error", null, a),
            });
        }

        // Signature algorithm (what the query used; RSA: SHA-2 and SHA-1)
        foreach (var c in o.Candidates.Where(c => c.Result == CandidateResult.PkOk).GroupBy(c => c.Key).Select(g => g.First()))
        {
            if (c.Key.Public.Type == "ssh-rsa")
            {
                var sha1 = c.Report.Sha1Query;
                steps.Add(TraceStep.Of("signature", sha1 == QueryOutcome.Refused ? TraceStatus.Warning : TraceStatus.Ok,
                    sha1 == QueryOutcome.Refused ? "signature.rsa_sha1_refused" : sha1 == QueryOutcome.PkOk ? "signature.rsa_sha1_accepted" : "signature.rsa",
                    sha1 == QueryOutcome.Refused ? FindingId.RSA_SHA1_REFUSED : null,
                    ("algorithm", c.Report.QueryAlgorithm ?? "rsa-sha2-512"), ("key", c.Key.Public.Sha256Fingerprint)));
            }
            else
            {
                steps.Add(TraceStep.Of("signature", TraceStatus.Ok, "signature.single", null, ("algorithm", c.Report.QueryAlgorithm ?? c.Key.Public.Type)));
            }
        }

        // The signed login (--login)
        foreach (var c in o.Candidates.Where(c => c.Report.Login is not null))
        {
            var login = c.Report.Login!;
            var banner = string.Join(" ", c.Report.Banners).Trim();
            var a = new[] { ("user", c.User), ("methods", string.Join(",", login.Methods)), ("banner", banner), ("algorithm", login.Algorithm) };
            steps.Add(login.Outcome switch
            {
                LoginOutcome.Accepted => TraceStep.Of("login", TraceStatus.Ok, "login.accepted", null, a),
                LoginOutcome.PartialSuccess => TraceStep.Of("login", TraceStatus.Failed, "login.partial", FindingId.AUTH_METHODS_REQUIRED, a),
                LoginOutcome.Refused when login.Algorithm == "ssh-rsa" => TraceStep.Of("login", TraceStatus.Failed, "login.sha1_refused", FindingId.RSA_SHA1_REFUSED, a),
                LoginOutcome.Refused when c.User == "root" => TraceStep.Of("login", TraceStatus.Failed, "login.root_refused", FindingId.ROOT_LOGIN_REFUSED, a),
                LoginOutcome.Refused => TraceStep.Of("login", TraceStatus.Failed, "login.refused", null, a),
                _ when banner.Contains("expired", StringComparison.OrdinalIgnoreCase) =>
                    TraceStep.Of("login", TraceStatus.Failed, "login.expired", FindingId.USER_EXPIRED, a),
                _ => TraceStep.Of("login", TraceStatus.Failed, "login.closed", null, a),
            });
        }

        steps.Add(FinalConclusion(o, status));
        return steps;
    }

    private static void ConfigSteps(List<TraceStep> steps, ResolvedSshConfig cfg)
    {
        steps.Add(cfg.FilesRead.Count == 0
            ? TraceStep.Of("config", TraceStatus.Info, "config.none", null, ("host", cfg.Host))
            : TraceStep.Of("config", TraceStatus.Ok, "config.resolved", null, ("host", cfg.Host), ("hostname", cfg.HostName),
                ("user", cfg.User), ("port", cfg.Port.ToString(CultureInfo.InvariantCulture)), ("files", string.Join(", ", cfg.FilesRead))));
        if (cfg.ProxyJump is { } jump)
            steps.Add(TraceStep.Of("config", TraceStatus.Warning, "config.proxyjump", null, ("jump", jump), ("hostname", cfg.HostName)));
        else if (cfg.ProxyCommand is { } pc)
            steps.Add(TraceStep.Of("config", TraceStatus.Warning, "config.proxycommand", null, ("command", pc), ("hostname", cfg.HostName)));
        foreach (var note in cfg.Notes.Where(n => n.Code == "match_exec_not_run"))
            steps.Add(TraceStep.Of("config", TraceStatus.Info, "config.exec", null, ("command", note.Detail), ("file", $"{note.File}:{note.Line}")));
    }

    private static void KeySteps(List<TraceStep> steps, OfferedKeyPlan offer)
    {
        var agent = offer.Agent;
        if (agent.Socket is null) steps.Add(TraceStep.Of("keys", TraceStatus.Info, "keys.no_agent", null));
        else if (agent.Error is not null) steps.Add(TraceStep.Of("keys", TraceStatus.Warning, "keys.agent_error", null, ("socket", agent.Socket), ("detail", agent.Error)));
        else steps.Add(TraceStep.Of("keys", TraceStatus.Info, "keys.agent", null, ("socket", agent.Socket),
            ("count", agent.Identities.Count.ToString(CultureInfo.InvariantCulture))));
        steps.Add(TraceStep.Of("keys", TraceStatus.Info, offer.IdentitiesOnly ? "keys.order_identities_only" : "keys.order", null,
            ("count", offer.Keys.Count.ToString(CultureInfo.InvariantCulture))));
        for (var i = 0; i < offer.Keys.Count; i++)
        {
            var k = offer.Keys[i];
            var source = k.AgentOnly ? "keys.source.agent" : k.FromAgent ? "keys.source.file_agent" : "keys.source.file";
            steps.Add(TraceStep.Of("keys", TraceStatus.Info, source, null, ("n", (i + 1).ToString(CultureInfo.InvariantCulture)),
                ("type", k.Public.Type), ("key", k.Public.Sha256Fingerprint), ("path", k.Path)));
            if (k.CertificatePath is { } cert)
                steps.Add(TraceStep.Of("keys", TraceStatus.Info, "keys.certificate", null, ("path", cert)));
        }
        foreach (var s in offer.SkippedFiles.Where(s => s.Reason != "missing"))
            steps.Add(TraceStep.Of("keys", TraceStatus.Warning, "keys.unreadable", null, ("path", s.Path), ("detail", s.Reason)));
        if (offer.IdentitiesOnly && offer.AgentLeftOut.Count > 0)
            steps.Add(TraceStep.Of("keys", TraceStatus.Info, "keys.agent_left_out", null, ("count", offer.AgentLeftOut.Count.ToString(CultureInfo.InvariantCulture))));
    }

    private static TraceStep FinalConclusion(ProbeOutcome o, HostKeyStatus hostKey)
    {
        var host = o.Options.Host;
        var portPart = o.Options.Port == 22 ? "" : $"-p {o.Options.Port} ";
        var key = o.Options.Keys.Count > 0 ? o.Options.Keys[0] : null;
        var keyPath = key is null || key.AgentOnly ? "KEY" : key.Path;
        var accepting = o.Accepting.Select(c => c.User).Distinct().ToList();
        var tooMany = o.Findings.FirstOrDefault(f => f.Id == FindingId.TOO_MANY_AUTH_TRIES);
        if (tooMany is not null)
            return Conclusion("conclusion.too_many", ("command", tooMany.FixCommands.FirstOrDefault() ?? ""));
        if (hostKey is HostKeyStatus.Changed or HostKeyStatus.Revoked)
        {
            var f = o.Findings.FirstOrDefault(f => f.Id == FindingId.HOST_KEY_CHANGED);
            return Conclusion("conclusion.host_key", ("command", f?.FixCommands.FirstOrDefault() ?? $"ssh-keygen -R {host}"));
        }
        if (accepting.Count > 0)
        {
            var u = accepting.Contains(o.Options.GivenUser ?? "") ? o.Options.GivenUser! : accepting[0];
            return Conclusion("conclusion.accepted", ("user", u), ("command", $"ssh -i {keyPath} {portPart}{u}@{host}"));
        }
        var user = o.Options.GivenUser ?? "USER";
        if (o.Findings.Any(f => f.Id == FindingId.ROOT_LOGIN_REFUSED))
            return Conclusion("conclusion.root", ("command", $"sshdoctor probe {host} -i {keyPath} --users auto"));
        if (o.Findings.Any(f => f.Id == FindingId.USER_EXPIRED))
            return Conclusion("conclusion.expired", ("user", user), ("command", $"sshdoctor check --user {user} --key {keyPath}"));
        if (o.Findings.Any(f => f.Id == FindingId.PUBKEY_AUTH_DISABLED))
            return Conclusion("conclusion.pubkey_disabled", ("command", "sshdoctor check --root /mnt/rescue"));
        if (o.ServerSideConclusion)
            return Conclusion("conclusion.server_side", ("user", user),
                ("command", $"sshdoctor check --user {user} --key {keyPath}"),
                ("rescue", $"sshdoctor check --root /mnt/rescue --user {user} --key {keyPath}"),
                ("userdata", $"sshdoctor userdata --user {user} --key {keyPath}"),
                ("ec2", $"sshdoctor ec2 INSTANCE-ID -i {keyPath} --user {user}"));
        if (o.Options.Login && o.AnyPkOk)
            return Conclusion("conclusion.after_signature", ("command", $"sshdoctor check --user {user} --key {keyPath}"));
        return Conclusion("conclusion.undecided");
    }

    private static TraceStep Conclusion(string code, params (string Key, string Value)[] args) =>
        TraceStep.Of("conclusion", TraceStatus.Info, code, null, args);

    private static string Sample(string? s)
    {
        if (string.IsNullOrEmpty(s)) return "";
        var clean = new string(s.Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return clean.Length <= 60 ? clean : clean[..57] + "...";
    }
}
