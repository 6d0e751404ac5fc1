using System.Text;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>--allow-account-edit: unlock (the '!' prefix), clear the expiry date, or give a real shell.</summary>
internal static class AccountEdit
{
    public static void Plan(RepairPlanner planner, Finding f, Account account, TargetContext ctx)
    {
        switch (f.Id)
        {
            case FindingId.USER_LOCKED:
                EditField(planner, f, "/etc/shadow", account.Name, 1, hash => hash.TrimStart('!') is { Length: > 0 } rest ? rest : "*", new RepairNote("unlock", ("user", account.Name)));
                break;
            case FindingId.USER_EXPIRED:
                EditField(planner, f, "/etc/shadow", account.Name, 7, _ => "", new RepairNote("no_expiry", ("user", account.Name)));
                if (ctx.Accounts.Shadow(account.Name)?.LastChange == 0)
                    EditField(planner, f, "/etc/shadow", account.Name, 2, _ => (ctx.Now.ToUnixTimeSeconds() / 86400).ToString(), new RepairNote("no_forced_change", ("user", account.Name)));
                break;
            case FindingId.USER_SHELL_INVALID:
                EditField(planner, f, "/etc/passwd", account.Name, 6, _ => Shells.Preferred(ctx.Root), new RepairNote("login_shell", ("user", account.Name), ("shell", Shells.Preferred(ctx.Root))));
                break;
        }
    }

    private static void EditField(RepairPlanner planner, Finding f, string file, string user, int field, Func<string, string> change, RepairNote what)
    {
        planner.Rewrite(f, file, content =>
        {
            var lines = Encoding.UTF8.GetString(content).Split('\n');
            for (var i = 0; i < lines.Length; i++)
            {
                var fields = lines[i].Split(':');
                if (fields[0] != user || fields.Length <= field) continue;
                fields[field] = change(fields[field]);
                lines[i] = string.Join(':', fields);
                break;
            }
            return Encoding.UTF8.GetBytes(string.Join('\n', lines));
        }, what);
    }
}
