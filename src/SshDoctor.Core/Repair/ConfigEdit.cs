using System.Text;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>--allow-config-edit: the one sshd_config line that refuses the user is edited, nothing else.</summary>
internal static class ConfigEdit
{
    public static void AllowUser(RepairPlanner planner, Finding f, Account account, TargetContext ctx)
    {
        var (file, line) = Source(f);
        var directive = f.Args.GetValueOrDefault("directive");
        var group = ctx.Accounts.GroupName(account.Gid);
        Func<string, string?> edit = directive switch
        {
            "AllowUsers" => l => l.TrimEnd() + " " + account.Name,
            "AllowGroups" => l => l.TrimEnd() + " " + group,
            // Deny lists: only a token that is exactly this user's (or group's) name is removed.
            "DenyUsers" => l => RemoveToken(l, account.Name),
            "DenyGroups" => l => RemoveTokens(l, ctx.Accounts.GroupsOf(account).Select(g => g.Name)),
            _ => _ => null,
        };
        EditLine(planner, f, ctx, file, line, edit, new RepairNote("admit", ("line", line.ToString()), ("directive", directive ?? ""), ("user", account.Name)));
    }

    public static void EnablePubkey(RepairPlanner planner, Finding f, TargetContext ctx)
    {
        if (f.Path is null) { planner.Skip(f, "fix.skip.policy"); return; }
        var (file, line) = Source(f);
        EditLine(planner, f, ctx, file, line, l => l[..(l.Length - l.TrimStart().Length)] + "PubkeyAuthentication yes", new RepairNote("pubkey_yes", ("line", line.ToString())));
    }

    private static (string File, int Line) Source(Finding f)
    {
        var source = f.Args.GetValueOrDefault("source") ?? "";
        var colon = source.LastIndexOf(':');
        return colon > 0 && int.TryParse(source[(colon + 1)..], out var n) ? (source[..colon], n) : (f.Path ?? "", 0);
    }

    private static void EditLine(RepairPlanner planner, Finding f, TargetContext ctx, string file, int number, Func<string, string?> edit, RepairNote what)
    {
        planner.Rewrite(f, file, content =>
        {
            var lines = Encoding.UTF8.GetString(content).Split('\n');
            if (number < 1 || number > lines.Length) return content;
            var cr = lines[number - 1].EndsWith('\r') ? "\r" : "";
            var changed = edit(lines[number - 1].TrimEnd('\r'));
            if (changed is null) return content;
            lines[number - 1] = changed + cr;
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }, what);
    }

    private static string? RemoveToken(string line, string token) => RemoveTokens(line, [token]);

    private static string? RemoveTokens(string line, IEnumerable<string> tokens)
    {
        var set = tokens.ToHashSet(StringComparer.Ordinal);
        var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var kept = parts.Where((p, i) => i == 0 || !set.Contains(p)).ToList();
        if (kept.Count == parts.Length) return null;
        // A Deny line left without names is commented out rather than made invalid.
        return kept.Count == 1 ? "# " + line.Trim() : line[..(line.Length - line.TrimStart().Length)] + string.Join(' ', kept);
    }
}
