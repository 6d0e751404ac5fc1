using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

public sealed class KeyFilePermissionsTests
{
    private const string Owner = "S-1-5-21-1-2-3-1001";

    [Fact]
    public void Windows_rule_allows_owner_system_and_administrators_only()
    {
        var grants = new[]
        {
            new AclGrant(Owner, @"PC\alice"),
            new AclGrant("S-1-5-18", @"NT AUTHORITY\SYSTEM"),
            new AclGrant("S-1-5-32-544", @"BUILTIN\Administrators"),
        };
        Assert.Empty(KeyFilePermissions.OthersGranted(Owner, Owner, grants));
    }

    [Fact]
    public void Windows_rule_names_users_everyone_and_authenticated_users_once()
    {
        var grants = new[]
        {
            new AclGrant(Owner, @"PC\alice"),
            new AclGrant("S-1-5-32-545", @"BUILTIN\Users"),
            new AclGrant("S-1-1-0", "Everyone"),
            new AclGrant("S-1-5-32-545", @"BUILTIN\Users"),
            new AclGrant("S-1-5-11", @"NT AUTHORITY\Authenticated Users"),
        };
        Assert.Equal([@"BUILTIN\Users", "Everyone", @"NT AUTHORITY\Authenticated Users"], KeyFilePermissions.OthersGranted(Owner, Owner, grants));
    }

    [Fact]
    public void Unix_rule_is_any_group_or_other_bit()
    {
        if (OperatingSystem.IsWindows()) return;
        var file = Path.GetTempFileName();
        try
        {
            foreach (var (mode, problem) in new[] { (0b110_000_000, false), (0b100_000_000, false), (0b110_100_000, true), (0b110_000_001, true), (0b111_000_000, false) })
            {
                File.SetUnixFileMode(file, (UnixFileMode)mode);
                var p = KeyFilePermissions.Check(file);
                Assert.True(problem == (p is not null), Convert.ToString(mode, 8));
                if (p is not null) Assert.Equal("0" + Convert.ToString(mode, 8), p.Detail);
            }
        }
        finally { File.Delete(file); }
    }
}
