using System.CommandLine;
using System.Globalization;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Logs;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor logs [--root DIR] [--user NAME] [--since TIME] [FILE...]`: what sshd refused, per user and client address.</summary>
internal static class LogsCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var root = new Option<string?>("--root") { Description = "Read /var/log/auth.log and /var/log/secure (with rotations, .gz too) under this root. Default: /." };
        var user = new Option<string?>("--user") { Description = "Only this user's logins." };
        var since = new Option<string?>("--since") { Description = "Only lines from this time on: 2026-11-20, \"2026-11-20 08:00\", or an age like 2h, 3d." };
        var files = new Argument<string[]>("FILE")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "Log files to read instead (syslog, journalctl -o short/short-iso/json export, sshd -e output; .gz accepted; - for stdin).",
        };
        var command = new Command("logs",
            "Reads sshd's log lines (OpenSSH 7.4 to 10.0) and reports, per user and client address, what sshd refused and why.\n\n" +
            "Examples:\n" +
            "  sshdoctor logs --user ec2-user --since 2h\n" +
            "  sshdoctor logs --root /mnt/rescue --json\n" +
            "  journalctl -u ssh -o short-iso | sshdoctor logs -\n\n" +
            "Without FILE and without auth.log/secure (journald-only systems), sshd's journal entries are read with journalctl.\n" +
            "Exit codes: 0 no refusal, 1 refusals found, 2 bad input, 3 no sshd log line found.");
        command.Options.Add(root);
        command.Options.Add(user);
        command.Options.Add(since);
        command.Arguments.Add(files);
        common.AddTo(command);
        command.SetAction(r => Run(io, common.MessagesFor(r), r.GetValue(common.Json), r.GetValue(root), r.GetValue(user),
            r.GetValue(since), r.GetValue(files) ?? []));
        return command;
    }

    private static int Run(CliIo io, Messages m, bool json, string? root, string? user, string? since, string[] files)
    {
        long sinceTicks = 0;
        if (since is not null)
        {
            if (!SinceParser.TryParse(since, DateTime.UtcNow, out var t)) throw new UsageException(m.Get("logs.error.since", ("value", since)));
            sinceTicks = t.Ticks;
        }
        if (root is not null && !Directory.Exists(root)) throw new UsageException(m.Get("logs.error.root", ("root", root)));
        var effectiveRoot = root ?? "/";

        using var door = files.Length > 0 ? null : OpenRoot(m, effectiveRoot);
        var rootLogs = door is null ? null : LogSources.Find(door);
        foreach (var skipped in rootLogs?.Skipped ?? [])
            io.Err.WriteLine("sshdoctor: " + m.Get("logs.skip.not_regular", ("path", skipped)));
        IReadOnlyList<string> sources = rootLogs?.Paths ?? files;
        // The target's own passwd (--root's tree, or / when reading its logs): a name found there is a real account.
        var accounts = files.Length == 0 || root is not null ? TargetAccounts(effectiveRoot) : null;
        var passwd = effectiveRoot.TrimEnd('/') + "/etc/passwd";
        var analysis = new LogAnalysis(user, accounts);
        var scanner = new LogScanner(analysis, sinceTicks);
        var fromJournal = sources.Count == 0;
        if (fromJournal)
        {
            // No auth.log or secure: a journald-only system. Read sshd's entries from its journal.
            var live = Path.GetFullPath(effectiveRoot) == "/";
            using var volume = live ? null : VolumeJournal.Open(door!);
            if (volume is { State: JournalState.Linked })
                io.Err.WriteLine("sshdoctor: " + m.Get("logs.skip.journal_link", ("path", door!.DisplayRoot.TrimEnd('/') + volume.Link)));
            var read = live || volume is { State: JournalState.Readable };
            var shown = live ? null : door!.DisplayRoot.TrimEnd('/') + VolumeJournal.TargetDirectory;
            if (!read || !JournalSource.TryRead(volume?.Argument, shown, s => scanner.Scan(s, DateTime.UtcNow), out var journal) || analysis.SshdLines == 0)
            {
                io.Err.WriteLine("sshdoctor: " + m.Get("logs.error.no_logs", ("root", effectiveRoot)));
                return ExitCodes.Undecided;
            }
            sources = [journal];
        }

        foreach (var path in fromJournal ? Array.Empty<string>() : sources)
        {
            try
            {
                if (path == "-")
                {
                    using var stdin = CliInput.OpenStdin();
                    scanner.Scan(stdin, DateTime.UtcNow);
                    continue;
                }
                using var stream = rootLogs is not null ? rootLogs.Open(path, out var modified) : LogSources.Open(path, out modified);
                scanner.Scan(stream, modified);
            }
            catch (LogInputException e)
            {
                throw new UsageException(Error(m, e.Problem, e.Path, e.InnerException?.Message));
            }
            catch (InvalidDataException)
            {
                throw new UsageException(Error(m, LogInputProblem.Corrupt, path, null));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new UsageException(Error(m, LogInputProblem.Unreadable, path, e.Message));
            }
        }
        var report = analysis.Finish(sources, scanner.Bytes);
        if (json) WriteJson(io.Out, m, report, root, user, since);
        else WriteText(TerminalWriter.Wrap(io.Out), m, report, passwd);
        // No sshd line at all: nothing to judge.
        if (report.SshdLines == 0) return ExitCodes.Undecided;
        return report.HasBlocking ? ExitCodes.Blocking : ExitCodes.Ok;
    }

    private static HashSet<string>? TargetAccounts(string root)
    {
        try
        {
            using var target = new Core.Target.TargetRoot(root);
            // passwd only: shadow is not needed here, and is root's alone.
            var passwd = target.ReadText("/etc/passwd") ?? "";
            var names = Core.Target.Accounts.Parse(passwd, "", "").All.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
            return names.Count > 0 ? names : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or Core.Target.NeedsRootException)
        {
            return null;
        }
    }

    private static Core.Target.TargetFs OpenRoot(Messages m, string root)
    {
        try { return Core.Target.TargetFs.Open(root); }
        catch (IOException) { throw new UsageException(m.Get("logs.error.root", ("root", root))); }
    }

    private static string Error(Messages m, LogInputProblem p, string path, string? reason) => p switch
    {
        LogInputProblem.NotFound => m.Get("logs.error.not_found", ("path", path)),
        LogInputProblem.IsDirectory => m.Get("logs.error.directory", ("path", path)),
        LogInputProblem.Binary => m.Get("logs.error.binary", ("path", path)),
        LogInputProblem.Corrupt => m.Get("logs.error.corrupt", ("path", path)),
        _ => m.Get("logs.error.unreadable", ("path", path), ("reason", reason ?? "?")),
    };

    public static string? Time(long ticks) =>
        ticks == 0 ? null : new DateTime(ticks, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

    private static string Span(Messages m, LogRefusal r)
    {
        var first = Time(r.First);
        var last = Time(r.Last);
        if (first is null) return m.Get("logs.count", ("count", r.Count.ToString(CultureInfo.InvariantCulture)));
        return m.Get("logs.count_span", ("count", r.Count.ToString(CultureInfo.InvariantCulture)), ("first", first), ("last", last ?? first));
    }

    private static string Times(Messages m, long first, long last) =>
        Time(first) is { } f ? m.Get("logs.times", ("first", f), ("last", Time(last) ?? f)) : m.Get("logs.no_times");

    private static void WriteText(TextWriter w, Messages m, LogReport r, string passwd)
    {
        w.WriteLine(m.Get("logs.summary",
            ("files", r.Files.Count.ToString(CultureInfo.InvariantCulture)),
            ("mb", (r.Bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture)),
            ("lines", r.SshdLines.ToString(CultureInfo.InvariantCulture))));
        if (r.SshdLines > 0) w.WriteLine(Times(m, r.First, r.Last));
        if (r.SshdLines == 0)
        {
            w.WriteLine(m.Get("logs.no_sshd_lines"));
            w.Flush();
            return;
        }
        if (r.ServerProblems.Count > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Label("logs.heading.server"));
            foreach (var p in r.ServerProblems) WriteRefusal(w, m, p, null, null, null);
        }
        foreach (var g in r.Groups)
        {
            w.WriteLine();
            w.WriteLine(m.Get("logs.group", ("user", g.User ?? "?"), ("address", g.Address ?? "?")));
            foreach (var x in g.Refusals) WriteRefusal(w, m, x, g.User, g.Address, g.KnownAccount ? passwd : null);
            if (g.Accepted > 0)
            {
                var count = g.Accepted.ToString(CultureInfo.InvariantCulture);
                w.WriteLine("  " + (Time(g.AcceptedLast) is { } last
                    ? m.Get("logs.accepted", ("count", count), ("last", last))
                    : m.Get("logs.accepted_untimed", ("count", count))));
            }
        }
        if (!r.HasBlocking)
        {
            w.WriteLine();
            w.WriteLine(m.Get("logs.none"));
        }
        if (r.Noise.Connections > 0)
        {
            w.WriteLine();
            w.WriteLine(m.Get("logs.noise", ("connections", r.Noise.Connections.ToString(CultureInfo.InvariantCulture)),
                ("addresses", r.Noise.Addresses.ToString(CultureInfo.InvariantCulture)),
                ("users", r.Noise.Users.ToString(CultureInfo.InvariantCulture))));
            w.WriteLine("  " + Times(m, r.Noise.First, r.Noise.Last));
            if (r.Noise.TopUsers.Count > 0)
                w.WriteLine("  " + m.Get("logs.noise.top_users", ("list", string.Join(", ", r.Noise.TopUsers.Select(kv => $"{kv.Key} ×{kv.Value}")))));
            if (r.Noise.TopAddresses.Count > 0)
                w.WriteLine("  " + m.Get("logs.noise.top_addresses", ("list", string.Join(", ", r.Noise.TopAddresses.Select(kv => $"{kv.Key} ×{kv.Value}")))));
        }
        w.Flush();
    }

    /// <param name="passwd">The target's passwd when it has <paramref name="user"/>: "no such account" would be false.</param>
    private static void WriteRefusal(TextWriter w, Messages m, LogRefusal x, string? user, string? address, string? passwd)
    {
        var f = ToFinding(x, user, address);
        w.WriteLine($"  [{x.Id}] {Span(m, x)}");
        w.WriteLine("      " + (x.Id == FindingId.USER_UNKNOWN && passwd is not null
            ? m.Get("logs.user_unknown_present", ("user", user ?? "?"), ("passwd", passwd))
            : HypothesisText.Message(m, f)));
        if (x.Alternative is { } alt) w.WriteLine("      " + m.Get("logs.alternative", ("id", alt.ToString())));
        if (x.Detail is { } d && x.Id is not FindingId.USER_UNKNOWN) w.WriteLine("      sshd: " + d);
        if (x.Path is { } path && (x.Detail is null || !x.Detail.Contains(path, StringComparison.Ordinal))) w.WriteLine("      → " + path);
    }

    private static Finding ToFinding(LogRefusal x, string? user, string? address)
    {
        var args = new List<(string, string)> { ("count", x.Count.ToString(CultureInfo.InvariantCulture)) };
        if (address is not null) { args.Add(("address", address)); args.Add(("from", address)); }
        if (x.Path is not null && x.Id == FindingId.USER_SHELL_INVALID) args.Add(("shell", x.Path));
        if (Time(x.First) is { } first) args.Add(("first", first));
        if (Time(x.Last) is { } last) args.Add(("last", last));
        if (x.Detail is not null) args.Add(("detail", x.Detail));
        return Finding.Create(x.Id, Severity.Blocking, x.Path, user, null, args.ToArray());
    }

    private static string CheckCommand(string? user) => user is null or "" ? "sshdoctor check" : $"sshdoctor check --user {user}";

    private static LogRefusalJson RefusalJson(LogRefusal x) =>
        new(x.Id.ToString(), x.Alternative?.ToString(), x.Count, Time(x.First), Time(x.Last), x.Path, x.Detail);

    private static void WriteJson(TextWriter w, Messages m, LogReport r, string? root, string? user, string? since)
    {
        var findings = new List<FindingJson>();
        foreach (var p in r.ServerProblems) findings.Add(HypothesisText.Json(m, ToFinding(p, null, null), "logs.fix", CheckCommand(null)));
        foreach (var g in r.Groups)
            foreach (var x in g.Refusals)
                findings.Add(HypothesisText.Json(m, ToFinding(x, g.User, g.Address), "logs.fix", CheckCommand(g.User)));
        var doc = new LogsJson("sshdoctor", 1, "logs", new LogsTargetJson(root ?? "/"), user, since, r.Files, r.Bytes, r.SshdLines,
            r.HasBlocking ? "refused" : r.SshdLines == 0 ? "unknown" : "accepted",
            r.Groups.Select(g => new LogGroupJson(g.User, g.Address, g.Accepted, Time(g.AcceptedFirst), Time(g.AcceptedLast),
                g.Refusals.Select(RefusalJson).ToList(), g.Real)).ToList(),
            r.ServerProblems.Select(RefusalJson).ToList(),
            new LogNoiseJson(r.Noise.Connections, r.Noise.Addresses, r.Noise.Users,
                r.Noise.TopUsers.Select(kv => new NameCountJson(kv.Key, kv.Value)).ToList(),
                r.Noise.TopAddresses.Select(kv => new NameCountJson(kv.Key, kv.Value)).ToList(),
                Time(r.Noise.First), Time(r.Noise.Last)),
            findings);
        JsonOut.Write(w, doc, ExplainLogsJsonContext.Configured.LogsJson);
    }
}
