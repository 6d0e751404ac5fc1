using SshDoctor.Core.Findings;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;
using SshDoctor.Core.Text;

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

    public static CheckJson ToJson(CheckReport r, bool allUsers, Messages m, bool showConfig = false)
    {
        var single = !allUsers && r.Users.Count == 1 ? r.Users[0] : null;
        var server = r.ServerFindings.Select(f => FindingJson.From(f, m));
        List<FindingJson> findings;
        List<UserVerdictJson>? users = null;
        if (single is not null)
            findings = server.Concat(single.Findings.Select(f => FindingJson.From(f, m, single))).ToList();
        else
        {
            // Each user finding appears twice (the report's list and the user's own): its text is made once.
            var memo = new SettingsJsonMemo();
            var perUser = r.Users.Select(u => FindingsOf(u, m, memo)).ToList();
            findings = server.Concat(r.Users.SelectMany((u, i) =>
                u.Findings.Select((f, j) => f.User is null ? perUser[i][j] with { User = u.User } : perUser[i][j]))).ToList();
            if (allUsers) users = r.Users.Select((u, i) => UserJson(u, perUser[i], showConfig)).ToList();
        }
        return new CheckJson(
            "sshdoctor", 1, "check",
            TargetJson.From(r.Root, r.Os, r.SshdVersion),
            single?.User,
            KeyJson.From(r.Key),
            VerdictName(r.Verdict),
            findings,
            users,
            HostJson.From(r.Root)) { Config = showConfig && single is not null ? OriginText.ToJson(single.Settings) : null };
    }

    private static UserVerdictJson UserJson(UserReport u, List<FindingJson> findings, bool showConfig) =>
        new(u.User, VerdictName(u.Verdict), findings) { Config = showConfig ? OriginText.ToJson(u.Settings) : null };

    private static List<FindingJson> FindingsOf(UserReport u, Messages m, SettingsJsonMemo memo) =>
        u.Findings.Select(f => FindingJson.From(f, m) with { Settings = memo.Behind(u, f) }).ToList();

    /// <summary>The settings behind a finding, as JSON: the same for every user who shares the effective settings.</summary>
    private sealed class SettingsJsonMemo
    {
        private readonly Dictionary<(IReadOnlyList<Core.Sshd.EffectiveValue>, FindingId), IReadOnlyList<SettingJson>?> _known = new();

        public IReadOnlyList<SettingJson>? Behind(UserReport u, Finding f)
        {
            var key = (u.Settings, f.Id);
            if (!_known.TryGetValue(key, out var json)) _known[key] = json = OriginText.ToJson(u.SettingsBehind(f));
            return json;
        }
    }

    public static void WriteText(TextWriter w, CheckReport r, bool allUsers, Messages m, bool showConfig = false)
    {
        w = TerminalWriter.Wrap(w);
        w.WriteLine(m.Get(r.SshdVersion.Source == "default" ? "ui.target.guessed" : "ui.target", ("root", r.Root.DisplayRoot), ("os", r.Os.PrettyName), ("sshd", r.SshdVersion.Text)));
        if (!r.Root.IsLive && r.Users.Any(u => u.Findings.Any(f => f.FixCommands.Count > 0)) || !r.Root.IsLive && r.ServerFindings.Any(f => f.FixCommands.Count > 0))
            w.WriteLine(m.Get("ui.rescue_commands", ("root", TerminalText.Escape(r.Root.DisplayRoot))));
        if (r.Key is not null)
            w.WriteLine(m.Get("ui.key", ("type", r.Key.Type), ("sha256", r.Key.Sha256Fingerprint), ("comment", r.Key.Comment)));
        if (r.ServerFindings.Count > 0) FindingTextRenderer.Write(w, r.ServerFindings, m);
        foreach (var u in r.Users)
        {
            if (allUsers && u.Verdict == Verdict.Accepted && u.Findings.All(f => f.Severity == Severity.Info)) continue;
            w.WriteLine();
            w.WriteLine(VerdictLine(u, r.Key is not null, m));
            FindingTextRenderer.Write(w, u.Findings, m, allUsers ? "  " : "", u.SettingsBehind);
            if (showConfig) WriteConfig(w, u, m, allUsers ? "  " : "");
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

    /// <summary>--show-config: every effective value with its origin.</summary>
    private static void WriteConfig(TextWriter w, UserReport u, Messages m, string indent)
    {
        w.WriteLine();
        w.WriteLine(indent + Colour.Bold(m.Get("ui.config.heading", ("user", u.User))));
        foreach (var v in u.Settings) w.WriteLine($"{indent}  {OriginText.Line(v, m)}");
    }

    private static string VerdictLine(UserReport u, bool withKey, Messages m)
    {
        var key = u.Verdict switch
        {
            Verdict.Accepted => withKey ? "ui.verdict.accepted" : u.AnyKeyAuthorized ? "ui.verdict.accepted_nokey" : "ui.verdict.no_key_authorized",
            Verdict.Refused => withKey ? "ui.verdict.refused" : "ui.verdict.refused_nokey",
            _ => "ui.verdict.unknown",
        };
        var line = $"{u.Verdict switch { Verdict.Accepted => "✔", Verdict.Refused => "✘", _ => "?" }} {m.Get(key, ("user", u.User))}";
        return u.Verdict switch { Verdict.Accepted => Colour.Green(line), Verdict.Refused => Colour.Red(line), _ => Colour.Yellow(line) };
    }
}
