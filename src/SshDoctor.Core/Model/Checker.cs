using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model.Certificates;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>sshd's public-key decision for (user, key, client address), in sshd's order, as findings.</summary>
public sealed class Checker(TargetContext ctx)
{
    public TargetContext Context => ctx;

    /// <summary>The client that logs in (--client); null: unknown, so a verdict that depends on it is a condition.</summary>
    public ClientProfile? Client { get; init; }

    public CheckReport Run(IEnumerable<string> users, PublicKey? key, string? from)
    {
        var server = ServerState.Run(ctx);
        var serverBlocked = server.Any(f => f.Severity == Severity.Blocking);
        // A server that cannot start refuses everyone, whatever the user's own state.
        var list = users.ToList();
        // With several users the report itself says who accepts the key: no per-user scan of the others
        // (that would read every account's files once per refused account).
        // Accounts are judged on every core (each judgement only reads the tree, through caches safe for that);
        // the reports come back in the accounts' order, as one loop would make them.
        var reports = OrderedParallel.Map(list, u => CheckUser(u, key, from, scanOthers: list.Count == 1))
            .Select(r => serverBlocked ? r with { Verdict = Verdict.Refused } : r)
            .ToList();
        return new CheckReport(ctx.Root, ctx.Os, ctx.Version, key, reports, server);
    }

    /// <summary>
    /// Accounts a person logs into: a real login shell and a uid from the target's UID_MIN up (login.defs; 1000 when
    /// unset). System accounts (root, daemon, bin with home /bin, ...) are left out: adding a key to them is never the fix.
    /// </summary>
    public IEnumerable<string> LoginAccounts()
    {
        var uidMin = LoginDefs.UidMin(ctx.Root);
        return ShellAccounts(a => a.Uid >= uidMin && a.Uid != 65534); // not system accounts, not nobody
    }

    /// <summary>Every account with a usable login shell, root and system accounts included (who can lose access).</summary>
    public IEnumerable<string> ShellAccounts(Func<Account, bool>? also = null) =>
        ctx.Accounts.All.Where(a =>
        {
            if (also is not null && !also(a)) return false;
            var shell = Shells.Of(a);
            return !Shells.IsNoLogin(shell) && Shells.IsUsable(ctx.Root, shell, out _);
        }).Select(a => a.Name).Distinct();

    public UserReport CheckUser(string userName, PublicKey? key, string? from, bool scanOthers)
    {
        var ev = new Evidence();
        var account = ctx.Accounts.ByName(userName);
        var cfg = ctx.EffectiveFor(account, userName, from);
        var settings = Sshd.EffectiveListing.For(cfg, ctx.Config);
        foreach (var block in cfg.AddressConditions)
            ev.Add(FindingId.ADDRESS_CONDITION, Severity.Info, block.Source.File, [],
                ("pattern", string.Join(' ', block.Criteria.Select(c => $"{c.Attribute} {c.Value}"))), ("source", block.Source.ToString()));

        if (account is null)
        {
            ev.Add(FindingId.USER_UNKNOWN, Severity.Blocking, null, [], ("user", userName));
            AddDefaultUser(ev, userName);
            if (key is not null && scanOthers) OtherUsers.Report(ctx, key, userName, from, ev);
            return new UserReport(userName, Verdict.Refused, ev.Findings) { Settings = settings };
        }

        AccountGate.Run(ctx, cfg, account, from, ev);
        MethodGate.Run(ctx, cfg, key, ev, Client);
        // A certificate is tried against TrustedUserCAKeys first; when that accepts, no file is read.
        var trusted = key?.Certificate is { } cert ? TrustedCaPath.Run(ctx, cfg, account, cert, from) : null;
        var lookup = trusted is { Accepted: true }
            ? new LookupResult(true, false, null, null)
            : new KeyLookup(ctx, cfg, account, key, from, ev) { Trusted = trusted }.Run();
        if (lookup.DependsOnAddress && lookup.Found && lookup.Line is { } conditionalLine)
        {
            var pattern = conditionalLine.Options.From is { } f ? $"from=\"{f}\"" : $"source-address {key?.Certificate?.SourceAddress}";
            ev.Add(FindingId.ADDRESS_CONDITION, Severity.Info, lookup.File, [], ("pattern", pattern),
                ("source", $"{lookup.File}:{conditionalLine.Number}"));
        }
        PostAuthGate.Run(ctx, cfg, account, lookup.Line, ev);
        SecurityContext.Run(ctx, account, ev);
        KeysCommandCheck.Run(ctx, cfg, lookup.Found, key is not null, ev);
        SshdCrossCheck.Run(ctx, cfg, userName, from, ev);

        // sshd found no usable line for the key: whatever the reason, that is a refusal.
        if (key is not null && !lookup.Found && !lookup.DependsOnAddress && !ev.HasBlocking && !ev.Findings.Any(f => f.Id == FindingId.AUTHKEYS_COMMAND_KEYS))
            ev.Add(FindingId.KEY_NOT_AUTHORIZED, Severity.Blocking, null, [], ("user", userName), ("files", string.Join(", ", cfg.AuthorizedKeysFiles.Value)));
        var blocked = ev.HasBlocking;
        if (blocked && key is not null && scanOthers && !lookup.Found) OtherUsers.Report(ctx, key, userName, from, ev);
        if (blocked && scanOthers) AddDefaultUser(ev, userName);
        var undecided = lookup.DependsOnAddress || ev.Findings.Any(f => f.Id is FindingId.AUTHKEYS_COMMAND_KEYS or FindingId.CERT_PRINCIPALS_COMMAND or FindingId.CLIENT_CONDITION);
        var verdict = blocked ? Verdict.Refused : undecided ? Verdict.Unknown : Verdict.Accepted;
        return new UserReport(userName, verdict, ev.Findings) { AnyKeyAuthorized = key is not null || lookup.Found, Settings = settings };
    }

    private void AddDefaultUser(Evidence ev, string requested)
    {
        if (CloudDefaults.DefaultUser(ctx.Root, ctx.Os) is { } d && d.User != requested && ctx.Accounts.ByName(d.User) is not null)
            ev.Add(FindingId.CLOUD_DEFAULT_USER, Severity.Info, d.Source, [], ("user", d.User), ("source", d.Source));
    }
}
