using System.CommandLine;
using System.Net;
using System.Runtime.Versioning;
using SshDoctor.Cli.Output;
using SshDoctor.Core.Localization;
using SshDoctor.Core.Model;
using SshDoctor.Core.Repair;

namespace SshDoctor.Cli.Commands;

/// <summary>`sshdoctor fix`: repairs exactly what makes sshd refuse, with a journal that `undo` restores.</summary>
[UnsupportedOSPlatform("windows")]
public static class FixCommand
{
    public static Command Create(CliIo io)
    {
        var common = new CommonOptions();
        var root = new Option<string>("--root") { Description = "The system to repair: / (default) or a mounted root volume.", DefaultValueFactory = _ => "/" };
        var user = new Option<string?>("--user") { Description = "The login name to repair (default: the image's default user)." };
        var key = new Option<string?>("--key") { Description = "The key that must work: appended once if missing; a damaged line of it is rewritten." };
        var from = new Option<string?>("--from") { Description = "Client IP address (for from=\"...\" options and Match Address)." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Show the plan; change nothing (no backup folder either)." };
        var configEdit = new Option<bool>("--allow-config-edit") { Description = "Also edit the one sshd_config line that refuses the user (AllowUsers, AllowGroups, DenyUsers, DenyGroups, PubkeyAuthentication)." };
        var accountEdit = new Option<bool>("--allow-account-edit") { Description = "Also unlock the account, clear its expiry date, or give it a working login shell." };
        var command = new Command("fix",
            "Repair what makes sshd refuse the key: owners and modes along the path, missing home/.ssh/authorized_keys,\n" +
            "the key itself (appended once), a damaged line of it, a UTF-16 or BOM-prefixed file. Every changed file is\n" +
            "backed up under <root>/var/backups/sshdoctor/<run-id>/ first; `sshdoctor undo` restores it. Lines are never\n" +
            "dropped or reordered; access is never widened beyond the user and key. Policy changes only with the flag named after them.\n\n" +
            "Examples:\n" +
            "  sshdoctor fix --root /mnt/rescue --user ec2-user --key my-key.pub --dry-run\n" +
            "  sshdoctor fix --root /mnt/rescue --user ec2-user --key my-key.pub\n\n" +
            "Exit codes: 0 sshd now accepts, 1 still refused, 2 bad input, 3 the repair failed (rolled back).");
        foreach (var o in new Option[] { root, user, key, from, dryRun, configEdit, accountEdit }) command.Options.Add(o);
        common.AddTo(command);
        command.SetAction(parse => Run(parse.GetValue(root)!, parse.GetValue(user), parse.GetValue(key), parse.GetValue(from),
            parse.GetValue(dryRun), new RepairPermissions(parse.GetValue(configEdit), parse.GetValue(accountEdit)),
            parse.GetValue(common.Json), common.MessagesFor(parse), io));
        return command;
    }

    private static int Run(string root, string? user, string? keyPath, string? from, bool dryRun, RepairPermissions allow, bool json, Messages m, CliIo io)
    {
        if (from is not null && !IPAddress.TryParse(from, out _)) throw new UsageException(m.Get("err.from_invalid", ("value", from)));
        var key = keyPath is null ? null : CheckCommand.LoadKey(keyPath, m);
        if (TargetErrors.Load(root, m, io) is not { } ctx) return TargetErrors.LastExitCode;
        user ??= CloudDefaults.DefaultUser(ctx.Root, ctx.Os) is { } d && ctx.Accounts.ByName(d.User) is not null
            ? d.User : throw new UsageException(m.Get("err.user_required"));

        var result = Fixer.Run(root, user, key, from, allow, dryRun);
        if (json) JsonOut.Write(io.Out, FixRendering.ToJson(result, user, key, m), FixJsonContext.Relaxed.FixReportJson);
        else FixRendering.WriteText(io.Out, result, m);
        if (result.Failure is not null)
        {
            var failed = "sshdoctor: " + m.Get("fix.failed", ("reason", result.Failure)) + " ";
            var rollback = result.Rollback;
            if (rollback is null || rollback.Restored.Count == 0 && rollback.Failed.Count == 0) io.Err.WriteLine(failed + m.Get("fix.rollback.nothing"));
            else if (rollback.Failed.Count == 0) io.Err.WriteLine(failed + m.Get("fix.rollback.all"));
            else
            {
                io.Err.WriteLine(failed + m.Get("fix.rollback.incomplete", ("dir", result.RunDirectory ?? "?")));
                foreach (var (path, reason) in rollback.Failed) io.Err.WriteLine("  " + m.Get("fix.undo.not_restored", ("path", path), ("reason", reason)));
            }
            return ExitCodes.Undecided;
        }
        // The verdict decides, as for check: a dry run whose target is still refused exits 1.
        return result.After.Verdict == Verdict.Accepted ? ExitCodes.Ok : ExitCodes.Blocking;
    }
}
