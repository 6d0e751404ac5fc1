using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;

namespace SshDoctor.Core.Model;

/// <summary>KEY_FOR_OTHER_USER: the key works for another account (usually the image's default user).</summary>
public static class OtherUsers
{
    /// <summary>Enough to name the image's user; a system with thousands of accounts is not scanned to the end.</summary>
    private const int MaxReported = 5;

    public static void Report(TargetContext ctx, PublicKey key, string requested, string? from, Evidence ev)
    {
        var checker = new Checker(ctx);
        var needle = System.Text.Encoding.ASCII.GetBytes(key.Base64.TrimEnd('='));
        var reported = 0;
        foreach (var account in ctx.Accounts.All)
        {
            if (reported >= MaxReported) break;
            if (account.Name == requested || Shells.IsNoLogin(Shells.Of(account))) continue;
            // Cheap pre-filter: only accounts whose default authorized_keys mentions the key at all.
            var cfg = ctx.EffectiveFor(account, account.Name, from);
            var mentions = cfg.AuthorizedKeysFiles.Value
                .Select(p => KeyFilePaths.Expand(p, account, ctx.Accounts, out _))
                .OfType<string>()
                // Searched as bytes: thousands of accounts, each file read once, no text made of it.
                .FirstOrDefault(p => ctx.Root.ReadBytes(p, 16 * 1024 * 1024) is { } bytes && bytes.AsSpan().IndexOf(needle) >= 0);
            if (mentions is null) continue;
            var report = checker.CheckUser(account.Name, key, from, scanOthers: false);
            if (report.Verdict == Verdict.Refused) continue;
            ev.Add(FindingId.KEY_FOR_OTHER_USER, Severity.Info, mentions, account.Name, [$"ssh -i KEY {account.Name}@HOST"],
                ("user", account.Name));
            reported++;
        }
    }
}
