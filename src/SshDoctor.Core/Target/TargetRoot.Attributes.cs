using System.Collections.Concurrent;

namespace SshDoctor.Core.Target;

/// <summary>
/// Extended attributes asked once per path within a run. An --all-users check asks for the ACL of the same
/// ancestors (/, /home, ...) for every account; the tree does not change during a check (see the stat caches),
/// so the first answer for a path is the answer a fresh read would give. Invalidate() forgets them with the rest.
/// </summary>
public sealed partial class TargetRoot
{
    private const string AccessAclName = "system.posix_acl_access";

    // Keyed by the path as asked (links followed by the door, as for a fresh read): the same question, the same answer.
    private ConcurrentDictionary<string, PosixAcl?> _acl = new(StringComparer.Ordinal);

    /// <summary>The POSIX access ACL of the object a path names (links followed inside the target), or null.</summary>
    public PosixAcl? AccessAcl(string targetPath)
    {
        if (_acl.TryGetValue(targetPath, out var known)) return known;
        var acl = PosixAcl.Parse(Door.XattrBytes(targetPath, AccessAclName));
        _acl[targetPath] = acl;
        return acl;
    }
}
