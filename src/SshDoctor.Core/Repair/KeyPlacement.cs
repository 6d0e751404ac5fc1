using SshDoctor.Core.Model;
using SshDoctor.Core.Sshd;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Repair;

/// <summary>A file of AuthorizedKeysFile that fix did not choose, and why (a text key).</summary>
public sealed record PassedOver(string Path, string Reason);

/// <summary>The file fix puts the key in: its resolved path, whether it exists, and the files passed over before it.</summary>
public sealed record KeyHome(string Path, bool Exists, bool InHome, string Source, IReadOnlyList<PassedOver> PassedOver);

/// <summary>
/// Where fix puts a key sshd does not find: the first file AuthorizedKeysFile names for this user (sshd's order,
/// Match blocks applied) that can be made to work without widening anyone's access. Inside the user's home the
/// planner may create, chown and chmod (the user's own files). Outside it (an administrator's central directory
/// such as /etc/ssh/keys) only missing parts are created, root-owned and not group/world-writable; a file there
/// is passed over when the user cannot reach or read it, or when StrictModes refuses a part that already exists,
/// since making it work would change what other accounts may do. No AuthorizedKeysFile line is ever changed.
/// </summary>
public sealed class KeyPlacement(TargetContext ctx, Account account, string? from)
{
    public KeyHome? Choose()
    {
        var cfg = ctx.EffectiveFor(account, account.Name, from);
        var patterns = cfg.AuthorizedKeysFiles;
        var strict = cfg.StrictModes.Value;
        var passed = new List<PassedOver>();
        foreach (var pattern in patterns.Value)
        {
            if (pattern.Equals("none", StringComparison.OrdinalIgnoreCase)) continue;
            // percent_expand is fatal for sshd: nothing after this entry is ever read.
            if (KeyFilePaths.Expand(pattern, account, ctx.Accounts, out _) is not { } path) break;
            if (path.IndexOfAny(['*', '?', '[']) >= 0)
            {
                passed.Add(new PassedOver(path, "fix.placement.glob"));
                continue;
            }
            if (Resolve(path) is not { } real || ctx.Root.LStat(real).Kind == FileKind.Symlink)
            {
                passed.Add(new PassedOver(path, "fix.skip.outside"));
                continue;
            }
            var inHome = ctx.InHome(account, real) || (ctx.Root.RealPath(account.Home) is null && TargetRoot.IsWithin(account.Home.TrimEnd('/'), real));
            var exists = ctx.Root.LStat(real).Exists;
            if (!inHome && Refusal(path, real, exists, strict) is { } reason)
            {
                passed.Add(new PassedOver(path, reason));
                continue;
            }
            return new KeyHome(real, exists, inHome, patterns.Where, passed);
        }
        return null;
    }

    /// <summary>Why a file outside home cannot be made to work without widening access, or null.</summary>
    private string? Refusal(string path, string real, bool exists, bool strict)
    {
        var access = new UserAccess(ctx.Root, ctx.Accounts, account);
        if (access.SearchBlocker(path) is not null || (exists && access.OpenBlocker(real, false) is not null))
            return "fix.placement.unreachable";
        var meta = ctx.Root.LStat(real);
        if (exists && meta.Kind != FileKind.Regular) return "fix.placement.not_regular";
        if (!strict) return null;
        // StrictModes walks from the file up to "/" for a path outside home: every part that exists must pass.
        for (var p = exists ? real : TargetRoot.DirName(real); ; p = TargetRoot.DirName(p))
        {
            var m = ctx.Root.Stat(p);
            if (m.Exists && ((m.Uid != 0 && m.Uid != account.Uid) || (m.Mode & 0x12) != 0)) return "fix.placement.strict";
            if (p == "/") break;
        }
        return null;
    }

    /// <summary>
    /// Where a path that may not exist yet lies once created: its longest existing prefix resolved inside the
    /// target, then the missing components. Null when a missing part is "." or ".." (what would it be?).
    /// </summary>
    internal string? Resolve(string path) => ResolveCreatable(ctx.Root, path);

    internal static string? ResolveCreatable(TargetRoot root, string path)
    {
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var n = parts.Length; n >= 0; n--)
        {
            var prefix = "/" + string.Join('/', parts[..n]);
            if (root.RealPath(prefix) is not { } real) continue;
            var rest = parts[n..];
            if (rest.Any(p => p is "." or "..")) return null;
            return rest.Length == 0 ? real : (real == "/" ? "" : real) + "/" + string.Join('/', rest);
        }
        return null;
    }
}
