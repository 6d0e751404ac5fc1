using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.Judge;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>Traps: sshd ACCEPTS although a checklist would complain. No blocking finding is allowed here.</summary>
public static class TrapScenarios
{
    private const string Ssh = "/home/alice/.ssh";

    /// <summary>The private-group exception is a Debian patch: upstream (RHEL, Amazon Linux) refuses group write.</summary>
    private static Scenario DebianOnly(this Scenario s) =>
        s.On(Upstream, x => x with { Verdict = "refused", Blocking = ["STRICTMODES_MODE"], LogHas = "bad ownership or modes" });

    public static readonly Scenario[] All =
    [
        Accepted("trap: UsePAM yes with a '!' shadow hash", t => t.Cast(shadowHash: "!")),
        Accepted("trap: UsePAM no with a '*' shadow hash (not locked)", t => t.Pam(false).Cast(shadowHash: "*")),
        Accepted("trap: /home is 0777 (above home, not checked)", t => t.Cast().Chmod("/home", "0777")),
        Accepted("trap: authorized_keys 0644", t => t.Cast().Chmod(AliceKeys, "0644")),
        Accepted("trap: home 0755, ~/.ssh 0755", t => t.Cast().Chmod(Ssh, "0755")),
        Accepted("trap: group-writable home, private group (Debian patch)", t => t.Cast().Chmod("/home/alice", "0775")).DebianOnly(),
        Accepted("trap: group-writable ~/.ssh and authorized_keys, private group", t => t.Cast().Chmod(Ssh, "0770").Chmod(AliceKeys, "0660")).DebianOnly(),
        Accepted("trap: group-writable home, group whose only member is alice",
            t => t.Cast().AddGroup("solo", 3001, "alice").Chown("/home/alice", Alice, 3001).Chmod("/home/alice", "0775")).DebianOnly(),
        Accepted("trap: home owned by root 0755", t => t.Cast().Chown("/home/alice", 0, 0)),
        Accepted("trap: ~/.ssh owned by root 0755", t => t.Cast().Chown(Ssh, 0, 0).Chmod(Ssh, "0755")),
        Accepted("trap: authorized_keys is a symlink to a root-owned file under /etc/ssh",
            t => t.Cast().Remove(AliceKeys).Mkdir("/etc/ssh/keys").WriteFile("/etc/ssh/keys/alice", LabKeys.Main.Line + "\n")
                .Symlink(AliceKeys, "/etc/ssh/keys/alice")) with { KeyPathLink = AliceKeys },
        Accepted("trap: leading spaces, tab separator, no final newline",
            t => t.Cast().WriteFile(AliceKeys, $"   {LabKeys.Main.Type}\t{LabKeys.Main.Base64}", "0600", Alice, Alice)),
        Accepted("trap: a drop-in without .conf is not included",
            t => t.Cast().DropIn("pubkey-off", "PubkeyAuthentication no")),
        Accepted("trap: PermitRootLogin without-password (old alias) for root", t => t.Cast().RootUser().Config("PermitRootLogin without-password")) with { User = "root" },
        Accepted("trap: expired account date in the future", t => t.Cast(expireDays: 40000)),
        Accepted("trap: StrictModes no inside 'Match all' is allowed and applies (0777 home)",
            t => t.Cast().Chmod("/home/alice", "0777").Config("Match all\n    StrictModes no")),
        Accepted("trap: StrictModes no with a 0777 home", t => t.Cast().Chmod("/home/alice", "0777").Config("StrictModes no")),
        Accepted("trap: authorized_keys owned by root, 0644", t => t.Cast().Chown(AliceKeys, 0, 0).Chmod(AliceKeys, "0644")),
        Accepted("trap: first value wins: drop-in PubkeyAuthentication yes before sshd_config's no",
            t => t.Cast().DropIn("10-pubkey.conf", "PubkeyAuthentication yes").Config("PubkeyAuthentication no")),
        Accepted("trap: Match User bob disables pubkey, alice unaffected",
            t => t.Cast().Config("Match User bob\n    PubkeyAuthentication no")),
        Accepted("trap: Match Address 10.0.0.0/8 disables pubkey, client is 127.0.0.1",
            t => t.Cast().Config("Match Address 10.0.0.0/8\n    PubkeyAuthentication no")),
        Accepted("trap: key only in authorized_keys2 (default AuthorizedKeysFile names both)",
            t => t.Cast().Remove(AliceKeys).WriteFile(Ssh + "/authorized_keys2", LabKeys.Main.Line + "\n", "0600", Alice, Alice)),
        Accepted("trap: BOM on line 1, the key is on line 2",
            t => t.Cast().WriteFile(AliceKeys, "\uFEFF# keys\n" + LabKeys.Main.Line + "\n", "0600", Alice, Alice)),
        Accepted("trap: CRLF line endings", t => t.Cast().WriteFile(AliceKeys, LabKeys.Other.Line + "\r\n" + LabKeys.Main.Line + " lab\r\n", "0600", Alice, Alice)),
        Accepted("trap: from=\"127.0.0.1\" matches the client", t => t.Cast().WriteFile(AliceKeys, $"from=\"127.0.0.1\" {LabKeys.Main.Line}\n", "0600", Alice, Alice)),
        Accepted("trap: expiry-time in the future", t => t.Cast().WriteFile(AliceKeys, $"expiry-time=\"20991231\" {LabKeys.Main.Line}\n", "0600", Alice, Alice)),
        Accepted("trap: AllowUsers alice@127.0.0.1", t => t.Cast().DropIn("50-allow.conf", "AllowUsers alice@127.0.0.1")),
        Accepted("trap: AllowGroups names alice's private group", t => t.Cast().DropIn("50-allow.conf", "AllowGroups alice")),
        Accepted("trap: root with the default PermitRootLogin (prohibit-password)", t => t.Cast().RootUser()) with { User = "root" },
        Accepted("trap: root, forced-commands-only with command=",
            t => t.Cast().RootUser().Config("PermitRootLogin forced-commands-only")
                .WriteFile("/root/.ssh/authorized_keys", $"command=\"true\" {LabKeys.Main.Line}\n", "0600")) with { User = "root" },
        Accepted("trap: /etc/nologin does not stop root", t => t.Cast().RootUser().Nologin()) with { User = "root" },
        Accepted("trap: absolute AuthorizedKeysFile that holds the key",
            t => t.Cast().Config("AuthorizedKeysFile /etc/ssh/authorized_keys/%u")
                .Mkdir("/etc/ssh/authorized_keys").WriteFile("/etc/ssh/authorized_keys/alice", LabKeys.Main.Line + "\n")),
    ];
}
