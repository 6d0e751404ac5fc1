using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace SshDoctor.Core.Keys;

/// <summary>One "allow" entry of a file's ACL: the trustee's SID (S-1-…) and a display name.</summary>
public readonly record struct AclGrant(string Sid, string Name);

public static partial class KeyFilePermissions
{
    private const string SystemSid = "S-1-5-18";
    private const string AdministratorsSid = "S-1-5-32-544";

    /// <summary>
    /// Win32-OpenSSH's rule: only the owner, SYSTEM and Administrators (and the current user) may be granted
    /// access to a private key. Returns the names of everyone else who is, in ACL order, without repeats.
    /// </summary>
    public static IReadOnlyList<string> OthersGranted(string? ownerSid, string? currentUserSid, IEnumerable<AclGrant> allowed)
    {
        var others = new List<string>();
        foreach (var grant in allowed)
        {
            if (grant.Sid == ownerSid || grant.Sid == currentUserSid || grant.Sid is SystemSid or AdministratorsSid) continue;
            if (!others.Contains(grant.Name)) others.Add(grant.Name);
        }
        return others;
    }

    [SupportedOSPlatform("windows")]
    private static KeyPermissionProblem? CheckWindows(string path)
    {
        var security = new FileInfo(path).GetAccessControl();
        var owner = (security.GetOwner(typeof(SecurityIdentifier)) as SecurityIdentifier)?.Value;
        var current = WindowsIdentity.GetCurrent().User?.Value;
        var grants = new List<AclGrant>();
        foreach (FileSystemAccessRule rule in security.GetAccessRules(true, true, typeof(SecurityIdentifier)))
        {
            if (rule.AccessControlType != AccessControlType.Allow || rule.IdentityReference is not SecurityIdentifier sid) continue;
            string name;
            try { name = sid.Translate(typeof(NTAccount)).Value; }
            catch (IdentityNotMappedException) { name = sid.Value; }
            grants.Add(new AclGrant(sid.Value, name));
        }
        var others = OthersGranted(owner, current, grants);
        if (others.Count == 0) return null;
        var user = Environment.UserDomainName + "\\" + Environment.UserName;
        return new KeyPermissionProblem("keys.finding.permissions_windows", string.Join(", ", others),
            [$"icacls \"{path}\" /inheritance:r /grant:r \"{user}:F\""]);
    }

    /// <summary>Windows: no inherited entries, full control for the current user only (what Win32-OpenSSH accepts).</summary>
    [SupportedOSPlatform("windows")]
    public static void RestrictToCurrentUser(string path)
    {
        var user = WindowsIdentity.GetCurrent().User ?? throw new InvalidOperationException("no current user SID");
        var security = new FileSecurity();
        security.SetAccessRuleProtection(isProtected: true, preserveInheritance: false);
        security.SetOwner(user);
        security.AddAccessRule(new FileSystemAccessRule(user, FileSystemRights.FullControl, AccessControlType.Allow));
        new FileInfo(path).SetAccessControl(security);
    }
}
