using SshDoctor.Core.Findings;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>
/// AuthorizedKeysCommand (EC2 Instance Connect wires one through a drop-in). sshd runs it only when the
/// program exists and it and every directory up to "/" pass safe_path as root (Debian's private-group rule
/// included), and when AuthorizedKeysCommandUser names an existing account. sshdoctor never runs the
/// command: what it would print is unknown, except for EC2 Instance Connect, whose keys last 60 seconds.
/// </summary>
public static class KeysCommandCheck
{
    public static void Run(TargetContext ctx, EffectiveConfig cfg, bool keyInFiles, bool haveKey, Evidence ev)
    {
        var command = cfg.AuthorizedKeysCommand;
        if (command.Value.Equals("none", StringComparison.OrdinalIgnoreCase)) return;
        var program = command.Value.Split(' ', 2)[0];
        var fix = Broken(ctx, program, cfg.AuthorizedKeysCommandUser.Value);
        var args = new[] { ("command", program), ("source", command.Where) };
        if (keyInFiles || !haveKey)
        {
            if (fix is not null) ev.Add(FindingId.AUTHKEYS_COMMAND, Severity.Warning, program, fix, args);
            return;
        }
        // The key is in no file: the command is the only way it could come.
        if (fix is not null)
        {
            ev.RemoveAll(FindingId.KEY_NOT_AUTHORIZED);
            ev.Add(FindingId.AUTHKEYS_COMMAND, Severity.Blocking, program, fix, args);
        }
        else if (!program.Contains("eic_run_authorized_keys", StringComparison.Ordinal))
        {
            ev.RemoveAll(FindingId.KEY_NOT_AUTHORIZED);
            ev.Add(FindingId.AUTHKEYS_COMMAND_KEYS, Severity.Info, program, [ctx.Shell.OnRescueHost ? $"ls -l {ctx.Shell.Path(program)}" : command.Value], args);
        }
    }

    private static IReadOnlyList<string>? Broken(TargetContext ctx, string program, string runAs)
    {
        if (!program.StartsWith('/')) return ["sshd -T | grep -i authorizedkeyscommand"];
        var real = ctx.Root.RealPath(program);
        var meta = real is null ? FileMeta.Missing : ctx.Root.LStat(real);
        if (meta.Kind != FileKind.Regular || (meta.Mode & 0x49) == 0) return [$"ls -l {ctx.Shell.Path(program)}"];
        var root = ctx.Accounts.ByUid(0) ?? new Account("root", 0, 0, "/root", "/bin/sh");
        var violations = new StrictModes(ctx.Root, ctx.Accounts, ctx.Os.IsDebianFamily).Walk(real!, meta, root, stopAtHome: false);
        if (violations.Count > 0)
            return violations.Select(v => v.Fault == StrictFault.Owner ? ctx.Shell.Chown(ctx.Shell.RootOwner, v.Path) : ctx.Shell.Chmod("go-w", v.Path)).ToList();
        if (runAs.Length == 0 || ctx.Accounts.ByName(runAs) is null) return ["sshd -T | grep -i authorizedkeyscommanduser"];
        return null;
    }
}
