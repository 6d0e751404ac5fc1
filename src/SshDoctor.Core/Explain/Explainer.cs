using System.Text;
using System.Text.RegularExpressions;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Logs;

namespace SshDoctor.Core.Explain;

/// <summary>
/// Turns pasted text (a client dialog in any WinSCP language, OpenSSH/PuTTY errors, `ssh -vvv` output,
/// sshd log lines) into the causes that can produce it, most likely first.
/// </summary>
public static partial class Explainer
{
    public static ExplainResult Explain(string text)
    {
        text = text.Replace("\r\n", "\n").Replace('\r', '\n');
        var lines = text.Split('\n');
        var signals = new List<ExplainSignal>();
        string? user = null, host = null, port = null, key = null;

        // 1. Known phrases, on skeletons (language, punctuation and wrapping do not matter).
        var skeleton = TextSkeleton.Of(text);
        // Per kind, the longest matching wording is reported: the exact string the user saw.
        var best = new Dictionary<ClientMessage, PhrasePattern>();
        foreach (var p in KnownPhrases.All)
            if ((!best.TryGetValue(p.Kind, out var current) || p.Text.Length > current.Text.Length) && p.Matches(skeleton))
                best[p.Kind] = p;
        var seen = new HashSet<ClientMessage>(best.Keys);
        foreach (var p in best.Values.OrderBy(p => p.Kind))
            signals.Add(new ExplainSignal(p.Kind, p.Source, p.Text));

        // 2. Messages whose method list matters.
        foreach (Match m in PermissionDenied().Matches(text))
        {
            var methods = m.Groups[3].Value;
            var kind = Methods(methods).Contains("publickey") ? ClientMessage.PermissionDenied : ClientMessage.PublickeyNotOffered;
            Add(signals, seen, kind, "openssh", m.Value.Trim());
            if (m.Groups[1].Success) { user ??= m.Groups[1].Value; host ??= m.Groups[2].Value; }
        }
        foreach (Match m in ServerSent().Matches(text))
            if (!Methods(m.Groups[1].Value).Contains("publickey"))
                Add(signals, seen, ClientMessage.PublickeyNotOffered, "putty", m.Value.Trim());
        if (UsingUsername().Match(text) is { Success: true } un) user ??= un.Groups[1].Value;
        if (KeyFileName().Match(text) is { Success: true } kf) key ??= kf.Groups[1].Success ? kf.Groups[1].Value : kf.Groups[2].Value;

        // 3. sshd log lines, with sshd's own connection logic (a refusal line, then the user's close).
        var logSignals = ServerLogSignals(lines, ref user);
        signals.AddRange(logSignals);

        // 4. ssh -vvv.
        var trace = VerboseTrace.Read(lines);
        if (trace is not null)
        {
            user ??= trace.User;
            host ??= trace.Host;
            port ??= trace.Port;
            key ??= trace.Offered.Select(VerboseTrace.KeyPath).FirstOrDefault() ?? trace.KeyFiles.FirstOrDefault();
            if (trace.Authenticated) Add(signals, seen, ClientMessage.Authenticated, "ssh -v", "Authenticated");
            if (trace.NonSshBannerLines.Count > 0)
                Add(signals, seen, ClientMessage.NotSshService, "ssh -v", "banner line: " + trace.NonSshBannerLines[0]);
            if (trace.PartialSuccess) Add(signals, seen, ClientMessage.TracePartialSuccess, "ssh -v", "partial success");
            if (trace.NoMutualSignature) Add(signals, seen, ClientMessage.NoMutualSignature, "ssh -v", "no mutual signature algorithm");
            if (trace.ServerMethods is { } sent && !sent.Contains("publickey"))
                Add(signals, seen, ClientMessage.PublickeyNotOffered, "ssh -v", "Authentications that can continue: " + string.Join(',', sent));
            if (!trace.Authenticated)
            {
                if (trace.Accepted.Count > 0)
                    Add(signals, seen, ClientMessage.TraceKeyAccepted, "ssh -v", "Server accepts key: " + trace.Accepted[0]);
                else if (trace.Offered.Count > 0)
                    Add(signals, seen, ClientMessage.TraceKeysRefused, "ssh -v", "Offering public key: " + trace.Offered[0]);
                else if (trace.ServerMethods?.Contains("publickey") == true)
                    Add(signals, seen, ClientMessage.TraceNoKeyOffered, "ssh -v", "Authentications that can continue: " + string.Join(',', trace.ServerMethods));
            }
        }

        var candidates = Rank(signals, trace, user);
        string? decider = null;
        if (BareRefusal(signals, trace) && candidates.Count > MaxBareCandidates)
        {
            // Nothing but "refused": the few usual causes, and the probe that tells them apart.
            candidates = candidates.Take(MaxBareCandidates).ToList();
            decider = NextStep.Decider(user, host, port, key);
        }
        return new ExplainResult(signals, candidates.Select(c => new ExplainCandidate(c.Id, c.Score,
            NextStep.Command(c.Id, user, host, port, key))).ToList(), trace, user, host, key) { Decider = decider };
    }

    public const int MaxBareCandidates = 4;

    private static bool BareRefusal(List<ExplainSignal> signals, VerboseTrace? trace) =>
        trace is null && signals.Count > 0 && signals.All(s => s.Kind is ClientMessage.KeyRefused or ClientMessage.AccessDenied
            or ClientMessage.AuthenticationFailed or ClientMessage.NoSupportedMethods or ClientMessage.PermissionDenied);

    private static List<(FindingId Id, int Score)> Rank(List<ExplainSignal> signals, VerboseTrace? trace, string? user)
    {
        var scores = new Dictionary<FindingId, (int Max, int N)>();
        void Put(FindingId id, int w)
        {
            var (max, n) = scores.GetValueOrDefault(id);
            scores[id] = (Math.Max(max, w), n + 1);
        }
        foreach (var s in signals)
        {
            if (s.Kind == ClientMessage.ServerLog && s.Id is { } fromLog) { Put(fromLog, s.Alternative ? 90 : 100); continue; }
            foreach (var (id, w) in Hypotheses.For(s.Kind)) Put(id, w);
        }
        if (trace is { Authenticated: false, Accepted.Count: 0, Offered.Count: > 0 })
        {
            if (trace.Offered.Any(VerboseTrace.IsRsa)) Put(FindingId.RSA_SHA1_REFUSED, 75);
            if (trace.Offered.Count >= 6) Put(FindingId.TOO_MANY_AUTH_TRIES, 80);
        }
        var pkOk = signals.Any(s => s.Kind is ClientMessage.TraceKeyAccepted or ClientMessage.Authenticated);
        var logged = signals.Where(s => s.Id is not null).Select(s => s.Id!.Value).ToHashSet();
        if (pkOk)
        {
            foreach (var id in scores.Keys.ToList())
                if (Hypotheses.RuledOutByPkOk(id) && !logged.Contains(id)) scores.Remove(id);
            if (user == "root" && scores.ContainsKey(FindingId.ROOT_LOGIN_REFUSED)) Put(FindingId.ROOT_LOGIN_REFUSED, 95);
        }
        // nologin files never stop root; PermitRootLogin stops only root.
        if (user == "root") scores.Remove(FindingId.NOLOGIN_FILE);
        else if (!string.IsNullOrEmpty(user) && !logged.Contains(FindingId.ROOT_LOGIN_REFUSED)) scores.Remove(FindingId.ROOT_LOGIN_REFUSED);

        // What the evidence excludes.
        var kinds = signals.Select(s => s.Kind).ToHashSet();
        if (trace is { Offered.Count: > 0 } && !trace.Offered.Any(VerboseTrace.IsRsa))
            foreach (var id in scores.Keys.Where(Hypotheses.RsaOnly).ToList()) scores.Remove(id);
        if (kinds.Contains(ClientMessage.NotSshService)) scores.Remove(FindingId.NET_RESET);
        var stoppedEarly = kinds.Any(Hypotheses.BeforeAuthentication);
        var reachedAuth = trace is { } t && (t.Offered.Count > 0 || t.Accepted.Count > 0 || t.ServerMethods is not null || t.Authenticated)
            || kinds.Any(k => k is ClientMessage.PermissionDenied or ClientMessage.KeyRefused or ClientMessage.PublickeyNotOffered
                or ClientMessage.TraceKeysRefused or ClientMessage.TraceKeyAccepted);
        if (stoppedEarly && !reachedAuth)
        {
            // The connection never reached authentication: only the layers it did reach can be at fault.
            var early = signals.Where(s => Hypotheses.BeforeAuthentication(s.Kind) || s.Kind is ClientMessage.HostKeyChanged or ClientMessage.HostKeyUnknown)
                .SelectMany(s => Hypotheses.For(s.Kind)).Select(h => h.Id).ToHashSet();
            foreach (var id in scores.Keys.Where(id => !early.Contains(id)).ToList()) scores.Remove(id);
        }

        // A message that names its cause ranks it first.
        var decisive = signals.Where(s => Hypotheses.Decisive(s.Kind))
            .SelectMany(s => Hypotheses.For(s.Kind).Where(h => h.Weight == 100).Select(h => h.Id))
            .Where(scores.ContainsKey).ToHashSet();
        return scores
            .Select(kv => (kv.Key, decisive.Contains(kv.Key) ? 100 : Math.Min(99, kv.Value.Max + 3 * (kv.Value.N - 1))))
            .OrderByDescending(x => decisive.Contains(x.Key)).ThenByDescending(x => x.Item2).ThenBy(x => x.Key)
            .ToList();
    }

    private static List<ExplainSignal> ServerLogSignals(string[] lines, ref string? user)
    {
        var sb = new StringBuilder();
        foreach (var l in lines)
            if (!l.TrimStart().StartsWith("debug", StringComparison.Ordinal)) sb.Append(l).Append('\n');
        var analysis = new LogAnalysis();
        var scanner = new LogScanner(analysis);
        try
        {
            using var ms = new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
            scanner.Scan(ms, DateTime.UtcNow);
        }
        catch (InvalidDataException)
        {
            return [];
        }
        var report = analysis.Finish([], 0);
        var result = new List<ExplainSignal>();
        foreach (var p in report.ServerProblems)
            result.Add(new ExplainSignal(ClientMessage.ServerLog, "sshd", p.Detail ?? p.Id.ToString(), p.Id));
        foreach (var g in report.Groups)
        {
            user ??= g.User;
            foreach (var r in g.Refusals)
            {
                result.Add(new ExplainSignal(ClientMessage.ServerLog, "sshd", r.Detail ?? r.Path ?? g.User ?? "", r.Id));
                if (r.Alternative is { } alt) result.Add(new ExplainSignal(ClientMessage.ServerLog, "sshd", r.Detail ?? r.Path ?? "", alt, Alternative: true));
            }
            if (g.Accepted > 0 && g.Refusals.Count == 0)
                result.Add(new ExplainSignal(ClientMessage.Authenticated, "sshd", $"Accepted for {g.User}"));
        }
        // Unknown users from the internet are noise in a log, but in a paste they are the point.
        foreach (var u in report.Noise.TopUsers)
            result.Add(new ExplainSignal(ClientMessage.ServerLog, "sshd", "Invalid user " + u.Key, FindingId.USER_UNKNOWN));
        return result;
    }

    private static void Add(List<ExplainSignal> signals, HashSet<ClientMessage> seen, ClientMessage kind, string source, string text)
    {
        if (seen.Add(kind)) signals.Add(new ExplainSignal(kind, source, text));
    }

    private static HashSet<string> Methods(string list) =>
        list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex(@"(?:([^\s@]+)@(\S+?): )?Permission denied \(([^)]*)\)")]
    private static partial Regex PermissionDenied();

    [GeneratedRegex(@"server sent: ([^)\r\n]*)\)?")]
    private static partial Regex ServerSent();

    [GeneratedRegex(@"Using username ""([^""]+)""")]
    private static partial Regex UsingUsername();

    [GeneratedRegex(@"(?:Load key|Unable to use key file|Identity file|no such identity:) (?:""([^""\r\n]+)""|([^""\s:]+))")]
    private static partial Regex KeyFileName();
}
