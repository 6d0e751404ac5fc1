using SshDoctor.Lab.Harness;
using static SshDoctor.Lab.Scenarios.Scenario;

namespace SshDoctor.Lab.Scenarios;

/// <summary>A. PAM's account stage beyond expiry (UsePAM yes, pam_unix), judged by the machine's sshd 9.2p1.</summary>
public static class PamAccountScenarios
{
    public static readonly Scenario[] All =
    [
        Refused("PAM_ACCOUNT_DENIED: password inactive (max 10 days, inactive 5, changed in 2022)", "PAM_ACCOUNT_DENIED",
                t => t.Cast().ShadowFields("alice", "19000:0:10:7:5::"))
            with { LogHas = "by PAM account configuration" },
        Refused("PAM_ACCOUNT_DENIED: no shadow entry for the account", "PAM_ACCOUNT_DENIED",
                t => t.Cast().ShadowFields("alice", null))
            with { LogHas = "by PAM account configuration" },
        Accepted("PASSWORD_CHANGE_REQUIRED: last change 0 (key accepted, the session needs a TTY)",
                t => t.Cast().ShadowFields("alice", "0:0:99999:7:::"))
            with { SessionFails = true },
        Accepted("PASSWORD_CHANGE_REQUIRED: password past its maximum age (key accepted, the session needs a TTY)",
                t => t.Cast().ShadowFields("alice", "19000:0:10:7:::"))
            with { SessionFails = true },
        Accepted("trap: no shadow entry with UsePAM no (sshd itself does not need one)",
                t => t.Pam(false).Cast().ShadowFields("alice", null)),
    ];
}
