using SshDoctor.Core.Findings;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>
/// AuthorizedKeysCommand (EC2 Instance Connect wires one through a drop-in): sshd runs it only when the
/// program is root-owned and not writable by others along its whole path, and its run-as user exists.
/// A broken command does not stop file keys, so it is a warning.
/// </summary>
public static class KeysCommandCheck
{
    public static void Run(TargetContext ctx, EffectiveConfig cfg, Evidence ev)
    {
        var command = cfg.AuthorizedKeysCommand;
        if (command.Value.Equals("none", StringComparison.OrdinalIgnoreCase)) return;
        var program = command.Value.Split(' ', 2)[0];
        var runAs = cfg.AuthorizedKeysCommandUser.Value;
        if (Broken(ctx, program, runAs) is { } fix)
            ev.Add(FindingId.AUTHKEYS_COMMAND, Severity.Warning, program, fix, ("command", program), ("source", command.Where));
    }

    private static IReadOnlyList<string>? Broken(TargetContext ctx, string program, string runAs)
    {
        if (!program.StartsWith('/')) return [$"sshd -T | grep -i authorizedkeyscommand"];
        var real = ctx.Root.RealPath(program);
        var meta = real is null ? FileMeta.Missing : ctx.Root.LStat(real);
        if (meta.Kind != FileKind.Regular || (meta.Mode & 0x49) == 0) return [$"ls -l {program}"];
        for (var path = real!; ; path = TargetRoot.DirName(path))
        {
            var m = ctx.Root.LStat(path);
            if (m.Uid != 0 || (m.Mode & 0x12) != 0) return [$"chown root {path}", $"chmod go-w {path}"];
            if (path == "/") break;
        }
        if (runAs.Length == 0 || ctx.Accounts.ByName(runAs) is null) return [$"sshd -T | grep -i authorizedkeyscommanduser"];
        return null;
    }
}
