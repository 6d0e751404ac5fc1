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
    /// <summary>The client address fix was given: Match Address blocks may name the file sshd reads.</summary>
    public string? From { get; init; }

    private readonly List<RepairAction> _actions = new();
    private readonly List<(Finding, string)> _skipped = new();
    private readonly HashSet<string> _planned = new(StringComparer.Ordinal);

    private const uint DirMode = 0x1C0;  // 0700
    private const uint FileMode = 0x180; // 0600

    public RepairPlan Plan(IReadOnlyList<Finding> findings)
    {
        var blocking = findings.Where(f => f.Severity == Severity.Blocking).ToList();
        // The user controls their home: a link there (~/.ssh -> /root/.ssh, authorized_keys -> a file of bob's, a
        // dangling one) would have fix change another account's files, give this key to it, or create through the
        // link. Nothing is planned then; the skip names the link and how to move it aside.
        if (KeyPathLink() is { } link)
        {
            foreach (var f in blocking) Skip(f, "fix.skip.link_in_key_path");
            return new RepairPlan(_actions, _skipped) { Link = link };
        }
        foreach (var f in blocking)
            Plan(f);
        return new RepairPlan(_actions, _skipped);
    }

    /// <summary>
    /// The first link (top down) below the home on the path of the user's own key files (those the config places
    /// inside the home), with what it points to, or null. The home itself is resolved as sshd resolves it; an
    /// absolute AuthorizedKeysFile outside the home is the administrator's choice and not the user's link.
    /// </summary>
    private KeyLink? KeyPathLink()
    {
        var home = account.Home.TrimEnd('/');
        if (home.Length == 0 || ctx.Root.RealPath(home) is null) return null;
        foreach (var pattern in ctx.EffectiveFor(account, account.Name, null).AuthorizedKeysFiles.Value)
        {
            if (pattern.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            if (KeyFilePaths.Expand(pattern, account, ctx.Accounts, out _) is not { } file || !TargetRoot.IsWithin(home, file)) continue;
            var p = home;
            foreach (var part in file[(home.Length + 1)..].Split('/', StringSplitOptions.RemoveEmptyEntries))
            {
                p += "/" + part;
                var meta = ctx.Root.LStat(p);
                if (meta.Kind == FileKind.Symlink) return new KeyLink(p, ctx.Root.ReadLink(p) ?? "?", ctx.Root.RealPath(p) is null);
                if (!meta.Exists) break;
            }
        }
        return null;
    }

    private void Plan(Finding f)
    {
        // sshd follows links: the plan names the resolved file inside the target, and the repair acts on it there.
        var path = f.Path is null ? null : ctx.Root.RealPath(f.Path) ?? f.Path;
        switch (f.Id)
        {
            case FindingId.HOME_MISSING or FindingId.SSH_DIR_MISSING or FindingId.AUTHKEYS_MISSING when key is not null:
                PlaceKey(f);
                break;
            case FindingId.HOME_MISSING:
            case FindingId.SSH_DIR_MISSING:
                CreateChain(f, f.Path!);
                break;
            case FindingId.AUTHKEYS_MISSING:
                CreateKeysFile(f, f.Path!);
                break;
            case FindingId.AUTHKEYS_FILE_CONFIG when f.Path is not null:
                // The key sits in a file sshd does not read: put it in the one it reads (never a config change).
                PlaceKey(f);
                break;
            case FindingId.AUTHKEYS_UNREADABLE when ElsewhereThan(f.Path!) && !ctx.InHome(account, Blocker(f)):
                // Making an administrator's file or directory readable would widen access: use the next file.
                PlaceKey(f);
                break;
            case FindingId.KEY_NOT_AUTHORIZED when key is not null:
                PlaceKey(f);
                break;
            case FindingId.AUTHKEYS_NOT_REGULAR:
                var aside = $"{path}.sshdoctor-moved-{DateTime.UtcNow:yyyyMMddHHmmss}";
                Add(f, new MoveAsideAction(f.Id, path!, aside), "move:" + path);
                CreateKeysFile(f, path!);
                break;
            case FindingId.STRICTMODES_MODE:
                var meta = ctx.Root.Stat(path!);
                Add(f, new ChmodAction(f.Id, path!, meta.Perm & ~0x12u), "chmod:" + path);
                break;
            case FindingId.STRICTMODES_OWNER:
                if (ctx.InHome(account, path!)) Add(f, new ChownAction(f.Id, path!, account.Uid, account.Gid, Owner), "chown:" + path);
                else
                {
                    var m = ctx.Root.Stat(path!);
                    Add(f, new ChownAction(f.Id, path!, 0, m.Gid, "root"), "chown:" + path);
                }
                break;
            case FindingId.AUTHKEYS_UNREADABLE:
                Unreadable(f);
                break;
            case FindingId.KEY_NOT_AUTHORIZED:
                if (key is null) { Skip(f, "fix.skip.no_key"); break; }
                Rewrite(f, path!, content => LineRepair.AppendKey(content, key), new RepairNote("append_key"));
                break;
            case FindingId.KEY_LINE_INVALID:
                var number = int.Parse(f.Args["line"]);
                var problem = f.Args["problem"].TrimStart('@');
                Rewrite(f, path!, content => LineRepair.RewriteDamaged(content, f.KeyFor(key), number, problem), new RepairNote("rewrite_line", ("line", number.ToString())));
                break;
            case FindingId.AUTHKEYS_ENCODING:
                Rewrite(f, path!, content => FileEncodingFix(content), new RepairNote("to_utf8"));
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

    /// <summary>Plans an action on a canonical path, stamped with the (device, inode) it was planned on.</summary>
    internal void Add(Finding f, RepairAction action, string identity)
    {
        if (!TargetFs.IsCanonical(action.Path)) { Skip(f, "fix.skip.outside"); return; }
        var door = ctx.Root.Door;
        var meta = door.LStatCanonical(action.Path);
        var parent = door.LStatCanonical(TargetRoot.DirName(action.Path));
        if (meta is null) { Skip(f, "fix.skip.outside"); return; }
        // A file with several names is never changed: that would change the others (another user's file, /etc/shadow).
        if (meta.Value.HardLinked && action is not (CreateFileAction or MakeDirectoryAction)) { Skip(f, "fix.skip.hardlinked"); return; }
        if (!_planned.Add(identity)) return;
        _actions.Add(action with
        {
            PlannedObject = meta.Value.Exists ? meta.Value.Id : null,
            PlannedParent = parent is { Exists: true } p ? p.Id : null,
        });
    }

    internal void Skip(Finding f, string reason) => _skipped.Add((f, reason));

    /// <summary>Files larger than this are not rewritten (fix refuses; it never rewrites from a prefix).</summary>
    internal const long MaxRewrite = 256L * 1024 * 1024;

    internal void Rewrite(Finding f, string path, Func<byte[], byte[]> change, params RepairNote[] what)
    {
        path = ctx.Root.RealPath(path) ?? path;
        // Several findings may change the same file: chain their changes on the planned content.
        var existing = _actions.OfType<RewriteFileAction>().LastOrDefault(a => a.Path == path);
        var meta = ctx.Root.LStat(path);
        if (meta.HardLinked) { Skip(f, "fix.skip.hardlinked"); return; }
        var whole = existing?.Content ?? (meta.Exists ? ctx.Root.ReadWhole(path, MaxRewrite) : []);
        if (whole is null) { Skip(f, meta.Kind == FileKind.Regular && meta.Size > MaxRewrite ? "fix.skip.too_large" : "fix.skip.policy"); return; }
        var next = change(whole);
        if (next.AsSpan().SequenceEqual(whole)) return;
        if (existing is not null) _actions[_actions.IndexOf(existing)] = existing with { Content = next, What = [.. existing.What, .. what] };
        else Add(f, new RewriteFileAction(f.Id, path, next, what), "rewrite:" + path);
    }

    private string? ResolveCreatable(string path) => KeyPlacement.ResolveCreatable(ctx.Root, path);

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
            if (ResolveCreatable(d) is not { } real) { Skip(f, "fix.skip.outside"); return; }
            var inHome = TargetRoot.IsWithin(home, d);
            var skel = d == home && ctx.Root.Stat("/etc/skel").Kind == FileKind.Directory;
            Add(f, inHome
                ? new MakeDirectoryAction(f.Id, real, DirMode, account.Uid, account.Gid, skel)
                : new MakeDirectoryAction(f.Id, real, 0x1ED, 0, 0, false), "mkdir:" + real);
        }
        CreateKeysFile(f, file);
    }

    private void CreateKeysFile(Finding f, string path)
    {
        var content = key is null ? [] : Encoding.UTF8.GetBytes(AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + "\n");
        if (ResolveCreatable(path) is not { } real) { Skip(f, "fix.skip.outside"); return; }
        // A dangling link in the file's place: creating through it is exactly what fix must never do.
        if (ctx.Root.LStat(real).Kind == FileKind.Symlink) { Skip(f, "fix.skip.policy"); return; }
        path = real;
        var inHome = ctx.InHome(account, path);
        Add(f, new CreateFileAction(f.Id, path, content, inHome ? FileMode : 0x1A4, inHome ? account.Uid : 0, inHome ? account.Gid : 0,
            key is null ? [] : [new RepairNote("with_key")]), "create:" + path);
    }

    private string Blocker(Finding f)
    {
        var blocker = f.Args.GetValueOrDefault("blocker") ?? f.Path!;
        return ctx.Root.RealPath(blocker) ?? blocker;
    }

    private KeyHome? _home;
    private bool _homeChosen;

    /// <summary>The file sshd reads that fix puts the key in (see KeyPlacement), chosen once per plan.</summary>
    private KeyHome? Home
    {
        get
        {
            if (!_homeChosen) (_home, _homeChosen) = (new KeyPlacement(ctx, account, From).Choose(), true);
            return _home;
        }
    }

    /// <summary>With a key: the file fix would put it in is not <paramref name="file"/> (or there is none).</summary>
    private bool ElsewhereThan(string file) =>
        key is not null && Home?.Path != (ResolveCreatable(file) ?? file);

    /// <summary>Appends the key to the chosen file, or creates it (and its missing directories) with the key.</summary>
    private void PlaceKey(Finding f)
    {
        if (key is null) { Skip(f, "fix.skip.no_key"); return; }
        if (Home is not { } home) { Skip(f, "fix.placement.none"); return; }
        var notes = new List<RepairNote> { new("placed", ("file", home.Path), ("source", home.Source)) };
        notes.AddRange(home.PassedOver.Select(p => new RepairNote("passed_over", ("file", p.Path), ("reason", "@" + p.Reason))));
        if (home.Exists)
        {
            Rewrite(f, home.Path, content => LineRepair.AppendKey(content, key), [new RepairNote("append_key"), .. notes]);
            return;
        }
        var firstMissing = home.Path;
        for (var d = TargetRoot.DirName(home.Path); d != "/" && ctx.Root.RealPath(d) is null; d = TargetRoot.DirName(d)) firstMissing = d;
        var accountHome = account.Home.TrimEnd('/');
        foreach (var d in TargetRoot.DirectoriesToCreate(firstMissing, home.Path))
        {
            if (ctx.Root.RealPath(d) is not null) continue;
            var skel = d == accountHome && ctx.Root.Stat("/etc/skel").Kind == FileKind.Directory;
            // Outside home: root-owned 0755, as StrictModes wants every part of the path up to "/".
            Add(f, ctx.InHome(account, d) || TargetRoot.IsWithin(accountHome, d)
                ? new MakeDirectoryAction(f.Id, d, DirMode, account.Uid, account.Gid, skel)
                : new MakeDirectoryAction(f.Id, d, 0x1ED, 0, 0, false), "mkdir:" + d);
        }
        var content = Encoding.UTF8.GetBytes(AuthorizedKeyText.RequireOneLine(key.OpenSshLine) + "\n");
        // sshd reads the file as the user: theirs 0600 in home; root's 0644 in a central directory (readable, not theirs to change).
        Add(f, new CreateFileAction(f.Id, home.Path, content, home.InHome ? FileMode : 0x1A4, home.InHome ? account.Uid : 0, home.InHome ? account.Gid : 0,
            [new RepairNote("with_key"), .. notes]), "create:" + home.Path);
    }

    private void Unreadable(Finding f)
    {
        var blocker = Blocker(f);
        var meta = ctx.Root.Stat(blocker);
        if (!ctx.InHome(account, blocker))
        {
            // A directory above home: the user only needs to traverse it; a file there, to read it.
            Add(f, new ChmodAction(f.Id, blocker, meta.Perm | (meta.Kind == FileKind.Directory ? 0x1u : 0x4u)), "chmod:" + blocker);
            return;
        }
        if (meta.Uid != account.Uid)
            Add(f, new ChownAction(f.Id, blocker, account.Uid, account.Gid, Owner), "chown:" + blocker);
        var need = meta.Kind == FileKind.Directory ? 0x1C0u : 0x180u;
        if ((meta.Perm & need) != need || (meta.Perm & 0x12) != 0)
            Add(f, new ChmodAction(f.Id, blocker, (meta.Perm | need) & ~0x12u), "chmod:" + blocker);
    }

    private static byte[] FileEncodingFix(byte[] content) =>
        FileEncoding.DetectUtf16(content) is { } utf16 ? LineRepair.FromUtf16(utf16.Text) : content;
}

internal static class FindingKeyExtensions
{
    /// <summary>KEY_LINE_INVALID is only reported with a key.</summary>
    public static PublicKey KeyFor(this Finding _, PublicKey? key) => key ?? throw new InvalidOperationException("no key");
}
