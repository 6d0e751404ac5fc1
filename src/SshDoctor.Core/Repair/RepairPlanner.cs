using SshDoctor.Core.AuthorizedKeys;
using System.Text;
using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Model;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>Turns the model's blocking findings for one user into the smallest set of actions that repairs them.</summary>
public sealed class RepairPlanner(TargetContext ctx, Account account, PublicKey? key, RepairPermissions allow)
{
    private readonly List<RepairAction> _actions = new();
    private readonly List<(Finding, string)> _skipped = new();
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);

    private const uint DirMode = 0x1C0;  // 0700
    private const uint FileMode = 0x180; // 0600

    public RepairPlan Plan(IReadOnlyList<Finding> findings)
    {
        foreach (var f in findings.Where(f => f.Severity == Severity.Blocking))
            Plan(f);
        return new RepairPlan(_actions, _skipped);
    }

    private void Plan(Finding f)
    {
        var path = f.Path;
        switch (f.Id)
        {
            case FindingId.HOME_MISSING:
            case FindingId.SSH_DIR_MISSING:
                CreateChain(f, path!);
                break;
            case FindingId.AUTHKEYS_MISSING:
                CreateKeysFile(f, path!);
                break;
            case FindingId.AUTHKEYS_NOT_REGULAR:
                var aside = $"{path}.sshdoctor-moved-{DateTime.UtcNow:yyyyMMddHHmmss}";
                Add(new MoveAsideAction(f.Id, path!, aside), "move:" + path);
                CreateKeysFile(f, path!);
                break;
            case FindingId.STRICTMODES_MODE:
                var meta = ctx.Root.Stat(path!);
                Add(new ChmodAction(f.Id, path!, meta.Perm & ~0x12u), "chmod:" + path);
                break;
            case FindingId.STRICTMODES_OWNER:
                if (ctx.InHome(account, path!)) Add(new ChownAction(f.Id, path!, account.Uid, account.Gid, Owner), "chown:" + path);
                else
                {
                    var m = ctx.Root.Stat(path!);
                    Add(new ChownAction(f.Id, path!, 0, m.Gid, "root"), "chown:" + path);
                }
                break;
            case FindingId.AUTHKEYS_UNREADABLE:
                Unreadable(f);
                break;
            case FindingId.KEY_NOT_AUTHORIZED:
                if (key is null) { Skip(f, "fix.skip.no_key"); break; }
                Rewrite(f, path!, content => LineRepair.AppendKey(content, key), "append the key");
                break;
            case FindingId.KEY_LINE_INVALID:
                var number = int.Parse(f.Args["line"]);
                var problem = f.Args["problem"].TrimStart('@');
                Rewrite(f, path!, content => LineRepair.RewriteDamaged(content, f.KeyFor(key), number, problem), $"rewrite line {number} as a valid line");
                break;
            case FindingId.AUTHKEYS_ENCODING:
                Rewrite(f, path!, content => FileEncodingFix(content), "convert to UTF-8, keeping every line");
                break;
            case FindingId.USER_DENIED when allow.ConfigEdit:
                ConfigEdit.AllowUser(this, f, account, ctx);
                break;
            case FindingId.PUBKEY_AUTH_DISABLED when allow.ConfigEdit:
                ConfigEdit.EnablePubkey(this, f, ctx);
                break;
            case FindingId.USER_LOCKED or FindingId.USER_EXPIRED or FindingId.USER_SHELL_INVALID when allow.AccountEdit:
                AccountEdit.Plan(this, f, account, ctx);
                break;
            case FindingId.USER_DENIED or FindingId.PUBKEY_AUTH_DISABLED:
                Skip(f, "fix.skip.needs_config_flag");
                break;
            case FindingId.USER_LOCKED or FindingId.USER_EXPIRED or FindingId.USER_SHELL_INVALID:
                Skip(f, "fix.skip.needs_account_flag");
                break;
            default:
                Skip(f, "fix.skip.policy");
                break;
        }
    }

    internal void Add(RepairAction action, string identity)
    {
        if (_planned.Add(identity)) _actions.Add(action);
    }

    internal void Skip(Finding f, string reason) => _skipped.Add((f, reason));

    internal void Rewrite(Finding f, string path, Func<byte[], byte[]> change, string what)
    {
        // Several findings may change the same file: chain their changes on the planned content.
        var existing = _actions.OfType<RewriteFileAction>().LastOrDefault(a => a.Path == path);
        var current = existing?.Content ?? ctx.Root.ReadBytes(path) ?? [];
        var next = change(current);
        if (next.AsSpan().SequenceEqual(current)) return;
        if (existing is not null) _actions[_actions.IndexOf(existing)] = existing with { Content = next, What = existing.What + "; " + what };
        else _actions.Add(new RewriteFileAction(f.Id, path, next, what));
    }

    private string Owner => $"{account.Name}:{ctx.Accounts.GroupName(account.Gid)}";

    private string KeysFile => KeyFilePaths.Expand(ctx.EffectiveFor(account, account.Name, null).AuthorizedKeysFiles.Value
        .First(p => !p.Equals("none", StringComparison.OrdinalIgnoreCase)), account, ctx.Accounts, out _) ?? account.Home + "/.ssh/authorized_keys";

    private void CreateChain(Finding f, string missing)
    {
        var file = KeysFile;
        var home = account.Home.TrimEnd('/');
        foreach (var d in TargetRoot.DirectoriesToCreate(missing, file))
        {
            if (ctx.Root.RealPath(d) is not null) continue;
            var inHome = TargetRoot.IsWithin(home, d);
            var skel = d == home && ctx.Root.Stat("/etc/skel").Kind == FileKind.Directory;
            Add(inHome
                ? new MakeDirectoryAction(f.Id, d, DirMode, account.Uid, account.Gid, skel)
                : new MakeDirectoryAction(f.Id, d, 0x1ED, 0, 0, false), "mkdir:" + d);
        }
        CreateKeysFile(f, file);
    }

    private void CreateKeysFile(Finding f, string path)
    {
        var content = key is null ? [] : Encoding.UTF8.GetBytes(AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + "\n");
        var inHome = ctx.InHome(account, ctx.Root.ResolveParent(path));
        Add(new CreateFileAction(f.Id, path, content, inHome ? FileMode : 0x1A4, inHome ? account.Uid : 0, inHome ? account.Gid : 0,
            key is null ? "" : "with the key"), "create:" + path);
    }

    private void Unreadable(Finding f)
    {
        var blocker = f.Args.GetValueOrDefault("blocker") ?? f.Path!;
        var meta = ctx.Root.Stat(blocker);
        if (!ctx.InHome(account, blocker))
        {
            // A directory above home: the user only needs to traverse it.
            Add(new ChmodAction(f.Id, blocker, meta.Perm | 0x1), "chmod:" + blocker);
            return;
        }
        if (meta.Uid != account.Uid)
            Add(new ChownAction(f.Id, blocker, account.Uid, account.Gid, Owner), "chown:" + blocker);
        var need = meta.Kind == FileKind.Directory ? 0x1C0u : 0x180u;
        if ((meta.Perm & need) != need || (meta.Perm & 0x12) != 0)
            Add(new ChmodAction(f.Id, blocker, (meta.Perm | need) & ~0x12u), "chmod:" + blocker);
    }

    private static byte[] FileEncodingFix(byte[] content) =>
        FileEncoding.DetectUtf16(content) is { } utf16 ? LineRepair.FromUtf16(utf16.Text) : content;
}

internal static class FindingKeyExtensions
{
    /// <summary>KEY_LINE_INVALID is only reported with a key.</summary>
    public static PublicKey KeyFor(this Finding _, PublicKey? key) => key ?? throw new InvalidOperationException("no key");
}
