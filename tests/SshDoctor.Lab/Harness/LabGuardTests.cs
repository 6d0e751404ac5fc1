namespace SshDoctor.Lab.Harness;

/// <summary>One visible line in the test list that says whether this machine can run the lab at all.</summary>
public sealed class LabGuardTests
{
    [LabFact]
    public void This_machine_can_run_the_real_sshd_lab() => LabGuard.Require();
}
