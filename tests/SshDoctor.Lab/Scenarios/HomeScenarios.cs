using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// K. AuthorizedKeysFile forms (%h %u %U %%, several files, none, ~), homes outside /home (/srv, /opt), symlinked
/// homes, .ssh and authorized_keys, and POSIX ACLs (setfacl) on the path StrictModes walks.
/// </summary>
public static class HomeScenarios
{
    private const string Ssh = "/home/alice/.ssh";
    private static LabKey K => LabKeys.Main;

    /// <summary>alice's home at <paramref name="home"/> (0755, .ssh 0700, authorized_keys 0600, all hers).</summary>
    private static LabTree HomeAt(this LabTree t, string home)
    {
        t.Cast().AddUser("alice", Alice, Alice, home).Remove("/home/alice");
        return t.Mkdir(home, "0755", Alice, Alice).Mkdir(home + "/.ssh", "0700", Alice, Alice)
            .WriteFile(home + "/.ssh/authorized_keys", K.Line + " lab\n", "0600", Alice, Alice);
    }

    /// <summary>alice's key only in <paramref name="path"/> (hers, 0600), the config naming <paramref name="files"/>.</summary>
    private static Action<LabTree> KeysIn(string files, string path, int uid = Alice, string mode = "0600") =>
        t => t.Cast().Remove(AliceKeys).WriteFile(path, K.Line + "\n", mode, uid, uid).Config("AuthorizedKeysFile " + files);

    private static LabTree Acl(this LabTree t, string path, params string[] specs)
    {
        foreach (var spec in specs) LabRun.Exec("/usr/bin/setfacl", "-m", spec, t.HostPath(path));
        return t;
    }

    /// <summary>The private-group exception is a Debian patch: upstream refuses group write.</summary>
    private static Scenario DebianOnly(this Scenario s) =>
        s.On(Upstream, x => x with { Verdict = "refused", Blocking = ["STRICTMODES_MODE"], LogHas = "bad ownership or modes" });

    private static Scenario Strict(string name, string id, Action<LabTree> setup) =>
        Refused($"{id}: {name}", id, setup) with { LogHas = "bad ownership or modes" };

    public static readonly Scenario[] All =
    [
        Accepted("trap: AuthorizedKeysFile %h/.ssh/authorized_keys", t => t.Cast().Config("AuthorizedKeysFile %h/.ssh/authorized_keys")),
        Accepted("trap: AuthorizedKeysFile .ssh/%u_keys", KeysIn(".ssh/%u_keys", Ssh + "/alice_keys")),
        Accepted("trap: AuthorizedKeysFile /etc/ssh/keys/%U (numeric uid), root-owned 0644",
            t => KeysIn("/etc/ssh/keys/%U", "/etc/ssh/keys/2001", 0, "0644")(t.Mkdir("/etc/ssh/keys"))),
        Accepted("trap: AuthorizedKeysFile with %% (a literal percent sign)", KeysIn(".ssh/keys%%1", Ssh + "/keys%1")),
        Accepted("trap: AuthorizedKeysFile names a missing file first, then authorized_keys",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/nosuch_keys .ssh/authorized_keys")),
        Accepted("trap: AuthorizedKeysFile 'none' followed by a real file", t => t.Cast().Config("AuthorizedKeysFile none .ssh/authorized_keys")),
        Refused("AUTHKEYS_FILE_CONFIG: AuthorizedKeysFile ~/.ssh/authorized_keys (~ is root's home)", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().Config("AuthorizedKeysFile ~/.ssh/authorized_keys")),
        Accepted("trap: Match User alice moves AuthorizedKeysFile to a file that holds the key",
            t => { KeysIn(".ssh/authorized_keys", Ssh + "/alice_only")(t); t.Config("Match User alice\n    AuthorizedKeysFile .ssh/alice_only"); }),
        Refused("AUTHKEYS_FILE_CONFIG: AuthorizedKeysFile %h/keys, key only in ~/.ssh/authorized_keys", "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().WriteFile("/home/alice/keys", LabKeys.Other.Line + "\n", "0600", Alice, Alice).Config("AuthorizedKeysFile %h/keys")),
        Strict("/etc/ssh/keys/%u owned by bob", "STRICTMODES_OWNER",
            t => KeysIn("/etc/ssh/keys/%u", "/etc/ssh/keys/alice", Bob, "0644")(t.Mkdir("/etc/ssh/keys"))),
        Strict("/etc/ssh/keys is world-writable (walked up to /)", "STRICTMODES_MODE",
            t => KeysIn("/etc/ssh/keys/%u", "/etc/ssh/keys/alice", 0, "0644")(t.Mkdir("/etc/ssh/keys", "0777"))),
        Accepted("trap: AuthorizedKeysFile glob .ssh/keys.d/*.pub with two files (10.0+)",
            t => t.Cast().Remove(AliceKeys).Mkdir(Ssh + "/keys.d", "0700", Alice, Alice)
                .WriteFile(Ssh + "/keys.d/a.pub", LabKeys.Other.Line + "\n", "0600", Alice, Alice)
                .WriteFile(Ssh + "/keys.d/b.pub", K.Line + "\n", "0600", Alice, Alice)
                .Config("AuthorizedKeysFile .ssh/keys.d/*.pub"))
            .On([Bookworm, Bullseye, Upstream92], s => s with { Verdict = "refused", Blocking = ["AUTHKEYS_FILE_CONFIG"] }),
        Accepted("trap: AuthorizedKeysFile glob matching nothing, then authorized_keys",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/keys.d/* .ssh/authorized_keys")),

        Accepted("trap: home in /srv/alice", t => t.HomeAt("/srv/alice")),
        Accepted("trap: home in /opt/alice", t => t.HomeAt("/opt/alice")),
        Accepted("trap: home /srv/www/alice under a bob-owned /srv/www (above home, not checked)",
            t => t.HomeAt("/srv/www/alice").Chown("/srv/www", Bob, Bob)),
        Accepted("trap: home in /srv, /srv world-writable (above home)", t => t.HomeAt("/srv/alice").Chmod("/srv", "0777")),
        Strict("home /srv/alice world-writable", "STRICTMODES_MODE", t => t.HomeAt("/srv/alice").Chmod("/srv/alice", "0777")),
        Strict("home /opt/alice owned by bob", "STRICTMODES_OWNER", t => t.HomeAt("/opt/alice").Chown("/opt/alice", Bob, Bob)),
        Refused("HOME_MISSING: passwd names /srv/alice, the directory is in /home", "HOME_MISSING",
            t => t.Cast().AddUser("alice", Alice, Alice, "/srv/alice")),

        Accepted("trap: /home/alice is a symlink to /srv/alice",
            t => t.HomeAt("/srv/alice").AddUser("alice", Alice, Alice, "/home/alice").Symlink("/home/alice", "/srv/alice")),
        Accepted("trap: ~/.ssh is a symlink to a root-owned /srv/keys/alice (alice's, 0700)",
            t => t.Cast().Remove(Ssh).Mkdir("/srv/keys").Mkdir("/srv/keys/alice", "0700", Alice, Alice)
                .WriteFile("/srv/keys/alice/authorized_keys", K.Line + "\n", "0600", Alice, Alice).Symlink(Ssh, "/srv/keys/alice")) with { KeyPathLink = Ssh },
        Strict("~/.ssh is a symlink into a world-writable /srv/keys", "STRICTMODES_MODE",
            t => t.Cast().Remove(Ssh).Mkdir("/srv/keys", "0777").Mkdir("/srv/keys/alice", "0700", Alice, Alice)
                .WriteFile("/srv/keys/alice/authorized_keys", K.Line + "\n", "0600", Alice, Alice).Symlink(Ssh, "/srv/keys/alice")) with { KeyPathLink = Ssh },
        Accepted("trap: authorized_keys is a symlink to a file in the home (~/keys/main)",
            t => t.Cast().Remove(AliceKeys).Mkdir("/home/alice/keys", "0700", Alice, Alice)
                .WriteFile("/home/alice/keys/main", K.Line + "\n", "0600", Alice, Alice).Symlink(AliceKeys, "/home/alice/keys/main")) with { KeyPathLink = AliceKeys },
        Refused("AUTHKEYS_MISSING: authorized_keys is a dangling symlink", "AUTHKEYS_MISSING",
            t => t.Cast().Remove(AliceKeys).Symlink(AliceKeys, "/home/alice/keys/gone")) with { KeyPathLink = AliceKeys },
        Strict("authorized_keys is a symlink to a bob-owned /srv/shared/keys", "STRICTMODES_OWNER",
            t => t.Cast().Remove(AliceKeys).Mkdir("/srv/shared").WriteFile("/srv/shared/keys", K.Line + "\n", "0644", Bob, Bob)
                .Symlink(AliceKeys, "/srv/shared/keys")) with { KeyPathLink = AliceKeys },
        Strict("authorized_keys is a relative symlink into a bob-owned directory", "STRICTMODES_OWNER",
            t => t.Cast().Remove(AliceKeys).Mkdir("/home/alice/shared", "0755", Bob, Bob)
                .WriteFile("/home/alice/shared/keys", K.Line + "\n", "0644", Alice, Alice).Symlink(AliceKeys, "../shared/keys")) with { KeyPathLink = AliceKeys },

        // ACLs: the group bits of the mode are the ACL mask, which StrictModes reads as group permission.
        Accepted("trap: ACL u:bob:rw on authorized_keys (mask rw: group-writable, private group: Debian patch)",
            t => t.Cast().Acl(AliceKeys, "u:2002:rw")).DebianOnly(),
        Accepted("trap: ACL u:bob:r on authorized_keys (mask r)", t => t.Cast().Acl(AliceKeys, "u:2002:r")),
        Accepted("trap: ACL u:bob:rwx on the home (mask rwx, private group: Debian patch)",
            t => t.Cast().Acl("/home/alice", "u:2002:rwx")).DebianOnly(),
        Strict("ACL u:bob:rw on authorized_keys of group staff2 (mask rw)", "STRICTMODES_MODE",
            t => t.Cast().Chown(AliceKeys, Alice, SharedGid).Acl(AliceKeys, "u:2002:rw")),
        Accepted("trap: default ACL d:u:bob:rw on ~/.ssh (the existing file keeps its mode)",
            t => t.Cast().Acl(Ssh, "d:u:2002:rw")),
        Accepted("trap: root-owned 0600 authorized_keys with ACL u:alice:r (alice can read it)",
            t => t.Cast().Chown(AliceKeys, 0, 0).Acl(AliceKeys, "u:2001:r")),
        Accepted("trap: root-owned 0700 ~/.ssh with ACL u:alice:rx",
            t => t.Cast().Chown(Ssh, 0, 0).Chown(AliceKeys, 0, 0).Chmod(AliceKeys, "0644").Acl(Ssh, "u:2001:rx")),
        Refused("AUTHKEYS_UNREADABLE: root:alice 0640 authorized_keys, ACL mask --- takes the group's read away",
                "AUTHKEYS_UNREADABLE", t => t.Cast().Chown(AliceKeys, 0, Alice).Chmod(AliceKeys, "0640").Acl(AliceKeys, "g:2001:---", "m::---"))
            .On([Bullseye, .. Ten], s => s with { LogHas = "Failed publickey for alice" }) with { LogHas = "Permission denied" },
    ];
}
