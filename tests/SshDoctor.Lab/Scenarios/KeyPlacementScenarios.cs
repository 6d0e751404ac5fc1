using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Harness.LabUsers;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// K. AuthorizedKeysFile names files that do not exist (a central /etc/ssh/keys/%u, a second file, a Match block's
/// own file) while the key sits elsewhere or nowhere: what sshd and check say, and (Repair/FixPlacesKeyTests)
/// where fix puts the key so that sshd finds it.
/// </summary>
public static class KeyPlacementScenarios
{
    public const string Central = "/etc/ssh/keys";
    public const string AliceCentral = Central + "/alice";
    public const string AliceKeys2 = "/home/alice/.ssh/authorized_keys2";

    public const string CentralMissing = "placement: AuthorizedKeysFile /etc/ssh/keys/%u, no such directory, key in ~/.ssh";
    public const string CentralEmptyDir = "placement: /etc/ssh/keys/%u, the directory exists (root 0755), key nowhere";
    public const string CentralOtherKey = "placement: /etc/ssh/keys/alice (root 0644) holds another key";
    public const string CentralUnreachable = "placement: /etc/ssh/keys root 0700 then .ssh/authorized_keys2, key in ~/.ssh";
    public const string CentralUnreadable = "placement: /etc/ssh/keys/alice root 0600 with the key, then .ssh/authorized_keys2";
    public const string MatchOwnFile = "placement: Match User alice names its own .ssh/authorized_keys2";
    public const string MatchCentral = "placement: Match User alice names /etc/ssh/keys/%u, no such directory";

    /// <summary>alice's usual file keeps a line of another key, which fix must leave where it is.</summary>
    private static LabTree WithOtherLine(this LabTree t) =>
        t.WriteFile(AliceKeys, LabKeys.Other.Line + " old@laptop\n" + LabKeys.Main.Line + " lab@client\n", "0600", Alice, Alice);

    public static readonly Scenario[] All =
    [
        Refused(CentralMissing, "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().WithOtherLine().Config("AuthorizedKeysFile /etc/ssh/keys/%u")),
        Refused(CentralEmptyDir, "AUTHKEYS_MISSING",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Other.Line + " old@laptop\n", "0600", Alice, Alice)
                .Mkdir(Central, "0755").Config("AuthorizedKeysFile /etc/ssh/keys/%u")),
        Refused(CentralOtherKey, "KEY_NOT_AUTHORIZED",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Other.Line + " old@laptop\n", "0600", Alice, Alice)
                .Mkdir(Central, "0755").WriteFile(AliceCentral, LabKeys.Other.Line + " old@laptop\n", "0644")
                .Config("AuthorizedKeysFile /etc/ssh/keys/%u")),
        Refused(CentralUnreachable, "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().WithOtherLine().Mkdir(Central, "0700").Config("AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys2")),
        (Refused(CentralUnreadable, "AUTHKEYS_UNREADABLE",
            t => t.Cast().WriteFile(AliceKeys, LabKeys.Other.Line + " old@laptop\n", "0600", Alice, Alice)
                .Mkdir(Central, "0755").WriteFile(AliceCentral, LabKeys.Main.Line + " central\n", "0600")
                .Config("AuthorizedKeysFile /etc/ssh/keys/%u .ssh/authorized_keys2"))
            with { LogHas = "Failed publickey for alice" }),
        Refused(MatchOwnFile, "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().WithOtherLine().Config("Match User alice\n    AuthorizedKeysFile .ssh/authorized_keys2")),
        Refused(MatchCentral, "AUTHKEYS_FILE_CONFIG",
            t => t.Cast().WithOtherLine().Config("Match User alice\n    AuthorizedKeysFile /etc/ssh/keys/%u")),
    ];
}
