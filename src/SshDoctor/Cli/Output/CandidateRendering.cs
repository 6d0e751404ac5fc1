using SshDoctor.Core.Candidate;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Cli.Output;

/// <summary>`check --candidate` output: who loses and who gains public-key access, and why.</summary>
public static class CandidateRendering
{
    public static string ChangeName(AccessChange c) => c switch
    {
        AccessChange.Lost => "lost",
        AccessChange.MayLose => "may_lose",
        AccessChange.Gained => "gained",
        _ => "same",
    };

    public static CandidateCheckJson ToJson(CandidateReport r, Core.Keys.PublicKey? key, Messages m)
    {
        var changes = r.Changed.Select(a =>
        {
            var why = a.Change == AccessChange.Gained ? a.Cleared : a.NewBlocking;
            return new AccessChangeJson(a.User, KeyJson.From(a.Key)!, ChangeName(a.Change),
                CheckRendering.VerdictName(a.Today.Verdict), CheckRendering.VerdictName(a.Candidate.Verdict),
                why.Select(f => f.Id.ToString()).Distinct().ToList(),
                why.Select(f => FindingJson.From(f, m)).ToList())
            {
                Certificate = a.Key.Certificate is { } cert ? new CertificateIdentityJson(KeyJson.From(cert.SignatureKey)!, cert.Principals) : null,
            };
        }).ToList();
        var findings = r.ProposedServer.Where(f => f.Severity == Severity.Blocking).Concat(r.Notes).Select(f => FindingJson.From(f, m)).ToList();
        return new CandidateCheckJson(
            "sshdoctor", 1, "check",
            TargetJson.From(r.Today.Root, r.Today.Os, r.Today.Version),
            HostJson.From(r.Today.Root),
            KeyJson.From(key),
            CheckRendering.VerdictName(r.Verdict),
            r.ProposedInvalid ? "invalid" : r.AnyLoss ? "loses_access" : "no_loss",
            new CandidateJson(r.Files.Select(f => new CandidateFileJson(f.TargetPath, f.Source)).ToList(), r.Proposed.Config.Errors.Count == 0),
            Summary(r),
            changes,
            findings);
    }

    private static CandidateSummaryJson Summary(CandidateReport r) => new(
        r.Users.Count,
        r.UsersWithoutKeys.Count,
        r.Access.Count(a => a.Key.Certificate is null),
        r.Access.Count(a => a.Key.Certificate is not null),
        r.Access.Count(a => a.Change == AccessChange.Lost),
        r.Access.Count(a => a.Change == AccessChange.MayLose),
        r.Access.Count(a => a.Change == AccessChange.Gained),
        r.AccountsLosingAll);

    public static void WriteText(TextWriter w, CandidateReport r, Messages m)
    {
        w.WriteLine(m.Get("ui.target", ("root", r.Today.Root.DisplayRoot), ("os", r.Today.Os.PrettyName), ("sshd", r.Today.Version.Text)));
        foreach (var f in r.Files)
            w.WriteLine(m.Get("ui.candidate.file", ("path", f.TargetPath), ("source", f.Source)));
        var certificates = r.Access.Count(a => a.Key.Certificate is not null);
        w.WriteLine(m.Get("ui.candidate.judged", ("accounts", r.Users.Count.ToString()), ("keys", (r.Access.Count - certificates).ToString()),
            ("keyless", r.UsersWithoutKeys.Count.ToString())));
        if (certificates > 0) w.WriteLine(m.Get("ui.candidate.judged_certificates", ("count", certificates.ToString())));
        var invalid = r.ProposedServer.Where(f => f.Severity == Severity.Blocking).ToList();
        if (invalid.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("✘ " + m.Get("ui.candidate.server_down"));
            FindingTextRenderer.Write(w, invalid, m, "  ");
        }
        if (r.Notes.Count > 0) FindingTextRenderer.Write(w, r.Notes, m);

        Group(w, r, AccessChange.Lost, "✘", "ui.candidate.heading.lost", m);
        Group(w, r, AccessChange.MayLose, "?", "ui.candidate.heading.may_lose", m);
        Group(w, r, AccessChange.Gained, "+", "ui.candidate.heading.gained", m);

        w.WriteLine();
        if (r.ProposedInvalid && r.Access.All(a => a.Today.Verdict != Verdict.Accepted)) w.WriteLine("✘ " + m.Get("ui.candidate.invalid"));
        else if (!r.AnyLoss) w.WriteLine("✔ " + m.Get("ui.candidate.no_loss"));
        else if (r.AccountsLosingAll.Count > 0)
            w.WriteLine("✘ " + m.Get("ui.candidate.losing_all", ("users", string.Join(", ", r.AccountsLosingAll))));
        else w.WriteLine("✘ " + m.Get("ui.candidate.some_keys_lost"));
    }

    private static void Group(TextWriter w, CandidateReport r, AccessChange change, string mark, string heading, Messages m)
    {
        var items = r.Access.Where(a => a.Change == change).ToList();
        if (items.Count == 0) return;
        w.WriteLine();
        w.WriteLine($"{mark} {m.Get(heading)} ({items.Count})");
        foreach (var a in items)
        {
            w.WriteLine($"  {a.User}  {Identity(a, m)}  {State(a.Today.Verdict, m)} → {State(a.Candidate.Verdict, m)}");
            var why = change == AccessChange.Gained ? a.Cleared : a.NewBlocking;
            foreach (var f in why.DistinctBy(f => f.Id))
                w.WriteLine($"    [{f.Id}] {m.Message(f)}");
        }
    }

    /// <summary>A plain key by its fingerprint; a certificate by its CA and principals.</summary>
    private static string Identity(KeyAccess a, Messages m) => a.Key.Certificate is { } cert
        ? m.Get("ui.candidate.certificate", ("ca", $"{cert.SignatureKey.Type} {cert.SignatureKey.Sha256Fingerprint}"), ("principal", string.Join(",", cert.Principals)))
        : $"{a.Key.Type} {a.Key.Sha256Fingerprint}";

    private static string State(Verdict v, Messages m) => m.Get(v switch
    {
        Verdict.Accepted => "ui.candidate.state.accepted",
        Verdict.Refused => "ui.candidate.state.refused",
        _ => "ui.candidate.state.unknown",
    });
}
