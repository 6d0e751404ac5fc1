using System.CommandLine;
using System.Text;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Explain;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor explain [TEXT | -]`: which causes can produce a pasted error message or trace.</summary>
internal static class ExplainCommand
{
    /// <summary>Bounded stdin: an `ssh -vvv` trace is tens of KB; a whole log belongs to `logs`.</summary>
    public const int MaxInputBytes = 1 << 20;

    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var text = new Argument<string[]>("TEXT")
        {
            Arity = ArgumentArity.ZeroOrMore,
            Description = "The message as the client showed it (quote it), or - to read it from standard input.",
        };
        var command = new Command("explain",
            "Recognizes an SSH client error (PuTTY, WinSCP in any of its languages, OpenSSH), ssh -vvv output or an " +
            "sshd log line, and lists the causes that can produce it, most likely first, with the command that checks each.\n\n" +
            "Examples:\n" +
            "  sshdoctor explain \"Server refused our key\"\n" +
            "  sshdoctor explain --lang ja \"サーバが鍵を拒否しました\"\n" +
            "  ssh -vvv -i key.pem ec2-user@203.0.113.7 2>&1 | sshdoctor explain -\n\n" +
            "Exit codes: 0 recognized, 1 not recognized, 2 bad input.");
        var id = new Option<string?>("--id") { Description = "Print the catalogue entry of one finding ID (severity, when sshd does it, its log lines, the fix)." };
        var catalog = new Option<bool>("--catalog") { Description = "Print the whole catalogue as Markdown (docs/findings.md is this, in English)." };
        command.Arguments.Add(text);
        command.Options.Add(id);
        command.Options.Add(catalog);
        common.AddTo(command);
        command.SetAction(result =>
        {
            var m = common.MessagesFor(result);
            if (result.GetValue(catalog))
            {
                io.Out.Write(CatalogRendering.Markdown(m));
                return ExitCodes.Ok;
            }
            if (result.GetValue(id) is { } wanted) return Entry(io, m, result.GetValue(common.Json), wanted);
            return Run(io, m, result.GetValue(common.Json), result.GetValue(text) ?? []);
        });
        return command;
    }

    private static int Entry(CliIo io, Messages m, bool json, string wanted)
    {
        if (!FindingCatalog.TryParse(wanted, out var found))
            throw new UsageException(m.Get("catalog.unknown_id", ("id", wanted), ("ids", string.Join(", ", Enum.GetNames<FindingId>()))), "unknown_id");
        var entry = FindingCatalog.Entry(found);
        if (json) JsonOut.Write(io.Out, CatalogRendering.ToJson(entry, m), CatalogJsonContext.Relaxed.CatalogJson);
        else CatalogRendering.WriteText(io.Out, entry, m);
        return ExitCodes.Ok;
    }

    private static int Run(CliIo io, Messages m, bool json, string[] args)
    {
        var input = ReadInput(m, args);
        var result = Explainer.Explain(input);
        if (json) WriteJson(io.Out, m, result);
        else WriteText(TerminalWriter.Wrap(io.Out), m, result);
        return result.Recognized ? ExitCodes.Ok : ExitCodes.Blocking;
    }

    private static string ReadInput(Messages m, string[] args)
    {
        string text;
        if (args.Length == 1 && args[0] == "-")
        {
            using var stdin = CliInput.OpenStdin();
            var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int n;
            while ((n = stdin.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, n);
                if (buffer.Length > MaxInputBytes)
                    throw new UsageException(m.Get("explain.error.too_large", ("max", "1 MB")));
            }
            text = DecodeText(buffer.ToArray());
            if (text.Contains('\0')) throw new UsageException(m.Get("explain.error.binary"));
        }
        else
        {
            text = string.Join(' ', args);
            if (Encoding.UTF8.GetByteCount(text) > MaxInputBytes)
                throw new UsageException(m.Get("explain.error.too_large", ("max", "1 MB")));
            if (text.Contains('\0')) throw new UsageException(m.Get("explain.error.binary"));
        }
        if (string.IsNullOrWhiteSpace(text)) throw new UsageException(m.Get("explain.error.empty"));
        return text;
    }

    /// <summary>UTF-8 (with or without BOM), or UTF-16 with BOM (PowerShell redirects).</summary>
    private static string DecodeText(byte[] bytes)
    {
        if (bytes.Length >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return Encoding.Unicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return Encoding.BigEndianUnicode.GetString(bytes, 2, bytes.Length - 2);
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        return Encoding.UTF8.GetString(bytes);
    }

    private static string Suggestion(ExplainResult r) =>
        NextStep.Command(FindingId.WRONG_USERNAME, r.User, r.Host, null, r.Key).Replace(" --users auto", "");

    public static string Source(Messages m, string source) =>
        source.StartsWith("winscp:", StringComparison.Ordinal) ? $"WinSCP ({source[7..]})"
        : source == "doc" ? m.Get("explain.source.doc")
        : source;

    private static string Describe(Messages m, ExplainSignal s) =>
        s.Id is { } id ? m.Get("explain.signal.server_log", ("id", id.ToString())) : m.Get("explain.signal." + s.Kind.Name());

    private static void WriteText(TextWriter w, Messages m, ExplainResult r)
    {
        if (!r.Recognized)
        {
            w.WriteLine(m.Get("explain.unknown"));
            w.WriteLine(m.Get("explain.unknown.hint", ("command", Suggestion(r))));
            w.Flush();
            return;
        }
        w.WriteLine(m.Label("explain.heading.recognized"));
        foreach (var s in r.Signals)
            w.WriteLine($"  - {Describe(m, s)}  [{Source(m, s.Source)}: \"{Shorten(s.Text)}\"]");
        if (r.Trace is { } t)
        {
            w.WriteLine();
            w.WriteLine(m.Label("explain.heading.trace"));
            w.WriteLine("  " + m.Get("explain.trace.offered", ("count", t.Offered.Count.ToString())));
            foreach (var k in t.Offered) w.WriteLine("    " + k);
            foreach (var k in t.Accepted) w.WriteLine("  " + m.Get("explain.trace.accepted", ("key", k)));
            if (t.ServerMethods is { } methods) w.WriteLine("  " + m.Get("explain.trace.methods", ("methods", string.Join(",", methods))));
            if (t.Authenticated) w.WriteLine("  " + m.Get("explain.trace.authenticated"));
        }
        w.WriteLine();
        if (r.Candidates.Count == 0)
        {
            w.WriteLine(m.Get("explain.no_refusal"));
            w.Flush();
            return;
        }
        w.WriteLine(m.Label("explain.heading.candidates"));
        var rank = 0;
        foreach (var c in r.Candidates)
        {
            rank++;
            w.WriteLine($"  {rank,2}. [{c.Id}] {m.Get("explain.check." + c.Id)}");
            w.WriteLine($"      {m.Get("explain.run")}: {c.Command}");
        }
        if (r.Decider is { } decider)
        {
            w.WriteLine();
            w.WriteLine(m.Get("explain.decider", ("command", decider)));
        }
        w.Flush();
    }

    private static void WriteJson(TextWriter w, Messages m, ExplainResult r)
    {
        var candidates = r.Candidates.Select((c, i) =>
            new ExplainCandidateJson(c.Id.ToString(), i + 1, c.Score, m.Get("explain.check." + c.Id), c.Command)).ToList();
        var findings = r.Candidates.Select(c =>
        {
            var user = c.Id == FindingId.ROOT_LOGIN_REFUSED ? "root" : r.User;
            var f = Finding.Create(c.Id, Hypotheses.SeverityOf(c.Id), null, user);
            // A hypothesis: its message is what to check, its fix the command that checks it.
            return new FindingJson(f.Id.ToString(), FindingJson.SeverityName(f.Severity), null, user,
                m.Get("explain.check." + c.Id), new FixJson(m.Get("explain.fix", ("command", c.Command)), [c.Command]));
        }).ToList();
        var trace = r.Trace is { } t
            ? new ExplainTraceJson(t.Offered, t.Accepted, t.ServerMethods, t.Authenticated, t.PartialSuccess, t.NoMutualSignature, t.ServerVersion)
            : null;
        var doc = new ExplainJson("sshdoctor", 1, "explain", r.Recognized, r.User, r.Host,
            r.Signals.Select(s => new ExplainSignalJson(s.Kind.Name(), s.Source, s.Text, s.Id?.ToString(), Describe(m, s))).ToList(),
            trace, candidates, findings, r.Recognized ? null : Suggestion(r), r.Decider);
        JsonOut.Write(w, doc, ExplainLogsJsonContext.Configured.ExplainJson);
    }

    private static string Shorten(string s)
    {
        s = s.Replace('\n', ' ');
        return s.Length <= 100 ? s : s[..97] + "...";
    }
}
