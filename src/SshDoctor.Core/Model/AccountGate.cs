using SshDoctor.Core.Findings;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>sshd's getpwnamallow/allowed_user: checks that make the user invalid before any key is looked at.</summary>
public static class AccountGate
{
    public static void Run(TargetContext ctx, EffectiveConfig cfg, Account account, string? from, Evidence ev)
    {
        var usePam = cfg.UsePam.Value;
        var shadow = ctx.Accounts.Shadow(account.Name);
        var today = ctx.Now.ToUnixTimeSeconds() / 86400;

        if (!usePam && shadow?.Expire is { } expire && expire < today)
            ev.Add(FindingId.USER_EXPIRED, Severity.Blocking, null, [ctx.Shell.ClearExpiry(account.Name)],
                ("user", account.Name), ("date", DayToDate(expire)));

        if (!usePam && shadow is not null && shadow.Hash.StartsWith('!'))
            ev.Add(FindingId.USER_LOCKED, Severity.Blocking, null, [ctx.Shell.UserMod("-p '*'", account.Name)], ("user", account.Name));

        if (!HasChroot(cfg))
        {
            var shell = Shells.Of(account);
            if (!Shells.IsUsable(ctx.Root, shell, out _))
                ev.Add(FindingId.USER_SHELL_INVALID, Severity.Blocking, null,
                    [ctx.Shell.UserMod("-s " + HostShell.Quote(Shells.Preferred(ctx.Root)), account.Name)], ("user", account.Name), ("shell", shell));
        }

        CheckAllowDeny(ctx, cfg, account, from, ev);
    }

    private static bool HasChroot(EffectiveConfig cfg) =>
        !cfg.ChrootDirectory.Value.Equals("none", StringComparison.OrdinalIgnoreCase);

    private static void CheckAllowDeny(TargetContext ctx, EffectiveConfig cfg, Account account, string? from, Evidence ev)
    {
        var user = account.Name;
        foreach (var e in cfg.Entries("denyusers"))
            foreach (var pattern in e.Args)
                if (Patterns.User(user, from, from, pattern) == 1)
                {
                    Denied(ev, user, "DenyUsers", e.Source, ShowLine(ctx, e.Source));
                    return;
                }
        var allow = cfg.Entries("allowusers");
        if (allow.Count > 0 && !allow.Any(e => e.Args.Any(p => Patterns.User(user, from, from, p) == 1)))
        {
            var last = allow[^1];
            Denied(ev, user, "AllowUsers", last.Source, AppendToLine(ctx, last.Source, user));
            return;
        }
        var denyGroups = cfg.Entries("denygroups");
        var allowGroups = cfg.Entries("allowgroups");
        if (denyGroups.Count == 0 && allowGroups.Count == 0) return;
        var groups = ctx.Accounts.GroupsOf(account).Select(g => g.Name).ToList();
        foreach (var e in denyGroups)
            if (groups.Any(g => e.Args.Any(p => Patterns.Match(g, p))))
            {
                Denied(ev, user, "DenyGroups", e.Source, ShowLine(ctx, e.Source));
                return;
            }
        if (allowGroups.Count > 0 && !allowGroups.Any(e => groups.Any(g => e.Args.Any(p => Patterns.Match(g, p)))))
        {
            var group = ctx.Accounts.GroupByGid(account.Gid)?.Name ?? account.Name;
            var last = allowGroups[^1];
            Denied(ev, user, "AllowGroups", last.Source, AppendToLine(ctx, last.Source, group));
        }
    }

    private static void Denied(Evidence ev, string user, string directive, ConfigSource source, IReadOnlyList<string> fix) =>
        ev.Add(FindingId.USER_DENIED, Severity.Blocking, source.File, fix,
            ("user", user), ("directive", directive), ("source", source.ToString()));

    private static IReadOnlyList<string> ShowLine(TargetContext ctx, ConfigSource s) => [ctx.Shell.ShowLine(s.Line, s.File)];

    private static IReadOnlyList<string> AppendToLine(TargetContext ctx, ConfigSource s, string name) =>
        [ctx.Shell.SedInPlace($"{s.Line}{{/[[:space:]]{HostShell.SedRegex(name)}[[:space:]]*$/!s/[[:space:]]*$/ {HostShell.SedReplacement(name)}/;}}", s.File), .. ctx.Shell.Reload];

    public static string DayToDate(long day) => DateTimeOffset.FromUnixTimeSeconds(day * 86400).ToString("yyyy-MM-dd");
}
