namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CandidateEn => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CANDIDATE_NOT_READ.message"] = "sshd would not read the candidate {path}: no Include of {source} covers it, so it changes nothing.",
        ["CANDIDATE_NOT_READ.fix"] = "Name the place sshd reads with --candidate FILE=/etc/ssh/sshd_config.d/NAME.conf, or check the Include lines of {source}.",
        ["explain.check.CANDIDATE_NOT_READ"] = "A proposed file would not be read by sshd (no Include covers its place).",
        ["ui.candidate.file"] = "Candidate: {path} (from {source})",
        ["ui.candidate.judged"] = "Accounts judged: {accounts} · keys: {keys} · accounts without a key: {keyless}",
        ["ui.candidate.certificate"] = "certificate by CA {ca} for principal {principal}",
        ["ui.candidate.judged_certificates"] = "Certificates judged (one per CA and principal): {count}",
        ["ui.candidate.server_down"] = "With the candidate, sshd would not start (or reload): nobody could log in.",
        ["ui.candidate.heading.lost"] = "Would lose access",
        ["ui.candidate.heading.may_lose"] = "Might lose access (depends on the client address: give --from)",
        ["ui.candidate.heading.gained"] = "Would gain access",
        ["ui.candidate.no_loss"] = "Nobody loses public-key access with the candidate.",
        ["ui.candidate.losing_all"] = "Accounts that would lose all public-key access: {users}.",
        ["ui.candidate.some_keys_lost"] = "Some keys would (or might) stop working; every account keeps at least one working key.",
        ["ui.candidate.invalid"] = "Do not install it: sshd -t would reject it (see above).",
        ["ui.candidate.state.accepted"] = "accepted",
        ["ui.candidate.state.refused"] = "refused",
        ["ui.candidate.state.unknown"] = "undecided",
        ["err.candidate_place"] = "--candidate {value}: the place in the target must be an absolute path without '.' or '..' parts.",
        ["err.candidate_twice"] = "Two candidates for the same place {path}.",
        ["err.candidate_unreadable"] = "Cannot read the candidate {path}: {reason}.",
        ["err.candidate.no_file"] = "no such file",
        ["err.candidate.too_big"] = "larger than 1 MiB",
        ["report.hosts"] = "Hosts: {hosts} (judged: {judged})",
        ["report.heading.losing"] = "Accounts that would lose access, per host",
        ["report.by_hosts"] = "(finding, hosts, which)",
        ["report.heading.not_judged"] = "Hosts that could not be judged",
        ["report.result.loses_access"] = "Someone would lose access: do not roll the change out.",
        ["report.result.blocking"] = "Some hosts refuse public-key logins today: see the blocking findings.",
        ["report.result.incomplete"] = "Nothing blocks on the hosts judged, but some hosts could not be judged.",
        ["report.result.clean"] = "Nothing blocks public-key login on any host.",
        ["err.report_input"] = "Cannot read {path}: {reason}.",
        ["ansible.refused"] = "sshd refuses public-key login for: {users}.",
        ["ansible.refused_one"] = "sshd refuses public-key login.",
        ["ansible.ok"] = "Nothing blocks public-key login.",
    };
}
