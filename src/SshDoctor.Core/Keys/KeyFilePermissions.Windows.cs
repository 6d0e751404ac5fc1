using System.Runtime.Versioning;
using System.Security.AccessControl;
using System.Security.Principal;

namespace SshDoctor.Core.Keys;

public static partial class KeyFilePermissions
{
    /// <summary>Win32-OpenSSH's check: only the owner, SYSTEM and Administrators may hold access.</summary>
    [SupportedOSPlatform("windows")]
    private static KeyPermissionProblem? CheckWindows(string path)
    {
        var security = new FileInfo(path).GetAccessControl();
        var owner = security.GetOwner(typeof(SecurityIdentifier)) as SecurityIdentifier;
        var system = new SecurityIdentifier(WellKnownSidType.LocalSystemSid, null);
        var admins = new SecurityIdentifier(WellKnownSidType.BuiltinAdministratorsSid, null);
        var current = WindowsIdentity.GetCurrent().User;
        var others = new List<string>();
        foreach (FileSystemAccessRule rule in security.GetAccessRules(true, true, typeof(SecurityIdentifier)))
        {
            if (rule.AccessControlType != AccessControlType.Allow) continue;
            if (rule.IdentityReference is not SecurityIdentifier sid) continue;
            if ((owner is not null && sid.Equals(owner)) || sid.Equals(system) || sid.Equals(admins) || (current is not null && sid.Equals(current))) continue;
            string name;
            try { name = sid.Translate(typeof(NTAccount)).Value; }
            catch (IdentityNotMappedException) { name = sid.Value; }
            if (!others.Contains(name)) others.Add(name);
        }
        if (others.Count == 0) return null;
        var user = Environment.UserDomainName + "\\" + Environment.UserName;
        return new KeyPermissionProblem("keys.finding.permissions_windows", string.Join(", ", others),
            [$"icacls \"{path}\" /inheritance:r /grant:r \"{user}:F\""]);
    }
}
