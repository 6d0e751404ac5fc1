using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

public enum StrictFault { Owner, Mode }

public sealed record StrictViolation(string Path, StrictFault Fault, FileMeta Meta);

/// <summary>
/// sshd's safe_path: the file and every directory from it up to and including the home directory (up to
/// "/" for paths outside home) must be owned by root or the user and not be group/world writable. Debian
/// and Ubuntu allow group write when the group's only member is the user (their user-group-modes patch).
/// </summary>
public sealed class StrictModes(TargetRoot root, Accounts accounts, bool debianRule)
{
    /// <param name="stopAtHome">false walks up to "/" (sshd's check of an AuthorizedKeysCommand).</param>
    public List<StrictViolation> Walk(string realFile, FileMeta fileMeta, Account account, bool stopAtHome = true)
    {
        var violations = new List<StrictViolation>();
        var home = stopAtHome ? root.RealPath(account.Home) : null;
        Check(realFile, fileMeta, account, violations);
        var dir = realFile;
        while (true)
        {
            dir = TargetRoot.DirName(dir);
            var meta = root.Stat(dir);
            Check(dir, meta, account, violations);
            if (home is not null && dir == home) break;
            if (dir == "/") break;
        }
        return violations;
    }

    private void Check(string path, FileMeta meta, Account account, List<StrictViolation> violations)
    {
        if (!meta.Exists)
        {
            violations.Add(new StrictViolation(path, StrictFault.Owner, meta));
            return;
        }
        if (meta.Uid != 0 && meta.Uid != account.Uid) violations.Add(new StrictViolation(path, StrictFault.Owner, meta));
        if ((meta.Mode & 0x02) != 0 || ((meta.Mode & 0x10) != 0 && !(debianRule && GroupIsPrivate(meta, account))))
            violations.Add(new StrictViolation(path, StrictFault.Mode, meta));
    }

    /// <summary>Debian's secure_permissions: the group has exactly one member, the user, by primary or supplementary membership.</summary>
    private bool GroupIsPrivate(FileMeta meta, Account account)
    {
        var group = accounts.GroupByGid(meta.Gid);
        if (group is null) return false;
        var members = 0;
        if (accounts.PrimaryGroupMembers(group.Gid) is { } primary)
        {
            if (primary.Uid != account.Uid) return false; // another account has it as its primary group
            members = primary.Count;
        }
        var owner = accounts.ByUid(meta.Uid);
        if (owner is null) return false;
        if (group.Members.Count > 0)
        {
            members++;
            if (group.Members[0] != owner.Name || group.Members.Count > 1) return false;
        }
        return members > 0;
    }
}
