using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>
/// Match LocalAddress / LocalPort with the lab's one ListenAddress (127.0.0.1) and one Port: check decides them.
/// Judged by the machine's sshd 9.2p1.
/// </summary>
public static class LocalMatchScenarios
{
    public static readonly Scenario[] All =
    [
        Refused("PUBKEY_AUTH_DISABLED: Match LocalAddress 127.0.0.1 (the only ListenAddress)", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("Match LocalAddress 127.0.0.1\n    PubkeyAuthentication no")),
        Refused("PUBKEY_AUTH_DISABLED: Match LocalAddress 127.0.0.0/8", "PUBKEY_AUTH_DISABLED",
            t => t.Cast().Config("Match LocalAddress 127.0.0.0/8\n    PubkeyAuthentication no")),
        Accepted("trap: Match LocalAddress 10.9.8.7 (sshd listens only on 127.0.0.1)",
            t => t.Cast().Config("Match LocalAddress 10.9.8.7\n    PubkeyAuthentication no")),
        Accepted("trap: Match LocalPort 1 (sshd listens only on the lab's port)",
            t => t.Cast().Config("Match LocalPort 1\n    PubkeyAuthentication no")),
    ];
}
