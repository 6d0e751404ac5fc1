using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;

namespace SshDoctor.Cli.Output;

/// <summary>`check` output: the JSON contract, or short human text grouped by severity.</summary>
public static class CheckRendering
{
    public static string VerdictName(Verdict v) => v switch
    {
        Verdict.Accepted => "accepted",
        Verdict.Refused => "refused",
        _ => "unknown",
    };

    public static CheckJson ToJson(CheckReport r, bool allUsers, Messages m)
    {
        var single = !allUsers && r.Users.Count == 1 ? r.Users[0] : null;
        var findings = r.ServerFindings.Concat(single?.Findings ?? r.Users.SelectMany(u => u.Findings.Select(f => f.User is null ? f with { User = u.User } : f)))
            .Select(f => FindingJson.From(f, m)).ToList();
        return new CheckJson(
            "sshdoctor", 1, "check",
            TargetJson.From(r.Root, r.Os, r.SshdVersion),
            single?.User,
            KeyJson.From(r.Key),
            VerdictName(r.Verdict),
            findings,
            allUsers ? r.Users.Select(u => new UserVerdictJson(u.User, VerdictName(u.Verdict), u.Findings.Select(f => FindingJson.From(f, m)).ToList())).ToList() : null,
            HostJson.From(r.Root));
    }

    public static void WriteText(TextWriter w, CheckReport r, bool allUsers, Messages m)
    {
        w.WriteLine(m.Get("ui.target", ("root", r.Root.DisplayRoot), ("os", r.Os.PrettyName), ("sshd", r.SshdVersion.Text)));
        if (r.Key is not null)
            w.WriteLine(m.Get("ui.key", ("type", r.Key.Type), ("sha256", r.Key.Sha256Fingerprint), ("comment", r.Key.Comment)));
        if (r.ServerFindings.Count > 0) FindingTextRenderer.Write(w, r.ServerFindings, m);
        foreach (var u in r.Users)
        {
            if (allUsers && u.Verdict == Verdict.Accepted && u.Findings.All(f => f.Severity == Severity.Info)) continue;
            w.WriteLine();
            w.WriteLine(VerdictLine(u, r.Key is not null, m));
            FindingTextRenderer.Write(w, u.Findings, m, allUsers ? "  " : "");
        }
        if (allUsers)
        {
            w.WriteLine();
            w.WriteLine(m.Get("ui.summary.all_users",
                ("accepted", r.Users.Count(u => u.Verdict == Verdict.Accepted).ToString()),
                ("total", r.Users.Count.ToString()),
                ("refused", r.Users.Count(u => u.Verdict == Verdict.Refused).ToString())));
        }
    }

    private static string VerdictLine(UserReport u, bool withKey, Messages m)
    {
        var key = u.Verdict switch
        {
            Verdict.Accepted => withKey ? "ui.verdict.accepted" : "ui.verdict.accepted_nokey",
            Verdict.Refused => withKey ? "ui.verdict.refused" : "ui.verdict.refused_nokey",
            _ => "ui.verdict.unknown",
        };
        var mark = u.Verdict switch { Verdict.Accepted => "✔", Verdict.Refused => "✘", _ => "?" };
        return $"{mark} {m.Get(key, ("user", u.User))}";
    }
}
