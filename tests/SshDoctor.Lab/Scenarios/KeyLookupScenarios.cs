using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>K. Finding and reading the authorized keys file, and StrictModes along its path.</summary>
public static class KeyLookupScenarios
{
    private const string Ssh = "/home/alice/.ssh";

    /// <summary>
    /// 8.4 does not log the open failure at VERBOSE; 10.0 globs every AuthorizedKeysFile as the user first, and a
    /// file it cannot see leaves no line at all. Only "Failed publickey" is common to all.
    /// </summary>
    private static Scenario OpenFailureLogged(this Scenario s) =>
        s.On([Bullseye, .. Ten], x => x with { LogHas = "Failed publickey for alice" });

    public static readonly Scenario[] All =
    [
        Refused("KEY_NOT_AUTHORIZED: another key pair in authorized_keys", "KEY_NOT_AUTHORIZED",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Other.Line + " old@laptop\n", "0600", Alice, Alice))
            with { LogHas = "Failed publickey for alice" },
        Refused("KEY_NOT_AUTHORIZED: key only in authorized_keys2, config names only authorized_keys", "KEY_NOT_AUTHORIZED",
            t => t.Cast().Config("AuthorizedKeysFile .ssh/authorized_keys")
                .WriteFile(Ssh + "/authorized_keys2", LabKeys.Main.Line + "\n", "0600", Alice, Alice)
                .WriteFile(AliceKeys, LabKeys.Other.Line + "\n", "0600", Alice, Alice)),

        Refused("HOME_MISSING: home directory does not exist", "HOME_MISSING", t => t.Cast().Remove("/home/alice")),
        Refused("SSH_DIR_MISSING: ~/.ssh does not exist", "SSH_DIR_MISSING", t => t.Cast().Remove(Ssh)),
        Refused("AUTHKEYS_MISSING: no authorized_keys", "AUTHKEYS_MISSING", t => t.Cast().Remove(AliceKeys)),
        Refused("AUTHKEYS_NOT_REGULAR: authorized_keys is a directory", "AUTHKEYS_NOT_REGULAR",
            t => t.Cast().Remove(AliceKeys).Mkdir(AliceKeys, "0700", Alice, Alice))
            with { LogHas = "is not a regular file" },

        (Refused("AUTHKEYS_UNREADABLE: root-owned 0600 authorized_keys", "AUTHKEYS_UNREADABLE",
            t => t.Cast().Chown(AliceKeys, 0, 0))
            with { LogHas = "Permission denied" }).OpenFailureLogged(),
        (Refused("AUTHKEYS_UNREADABLE: ~/.ssh without x for alice (0600)", "AUTHKEYS_UNREADABLE",
            t => t.Cast().Chmod(Ssh, "0600"))
            with { LogHas = "Permission denied" }).OpenFailureLogged(),

        (Refused("AUTHKEYS_UNREADABLE: ~/.ssh owned by bob, 0700", "AUTHKEYS_UNREADABLE",
            t => t.Cast().Chown(Ssh, Bob, Bob))
            with { LogHas = "Permission denied" }).OpenFailureLogged(),
        Refused("STRICTMODES_OWNER: ~/.ssh owned by bob, 0755 (readable)", "STRICTMODES_OWNER",
            t => t.Cast().Chown(Ssh, Bob, Bob).Chmod(Ssh, "0755"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_OWNER: authorized_keys owned by bob", "STRICTMODES_OWNER",
            t => t.Cast().Chown(AliceKeys, Bob, Bob).Chmod(AliceKeys, "0644"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_OWNER: home owned by bob", "STRICTMODES_OWNER",
            t => t.Cast().Chown("/home/alice", Bob, Bob))
            with { LogHas = "bad ownership or modes" },

        Refused("STRICTMODES_MODE: ~/.ssh group-writable, group has other members", "STRICTMODES_MODE",
            t => t.Cast().Chown(Ssh, Alice, SharedGid).Chmod(Ssh, "0770"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_MODE: group-writable home, private group that also lists bob", "STRICTMODES_MODE",
            t => t.Cast().AddGroup("alice", Alice, "bob").Chmod("/home/alice", "0775"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_MODE: group-writable home, group staff2 (bob, carol)", "STRICTMODES_MODE",
            t => t.Cast().Chown("/home/alice", Alice, SharedGid).Chmod("/home/alice", "0770"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_MODE: world-writable home", "STRICTMODES_MODE",
            t => t.Cast().Chmod("/home/alice", "0777"))
            with { LogHas = "bad ownership or modes" },
        Refused("STRICTMODES_MODE: authorized_keys 0666", "STRICTMODES_MODE",
            t => t.Cast().Chmod(AliceKeys, "0666"))
            with { LogHas = "bad ownership or modes" },
    ];
}
