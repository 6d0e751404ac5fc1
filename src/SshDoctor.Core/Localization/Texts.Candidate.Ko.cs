namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CandidateKo => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CANDIDATE_NOT_READ.message"] = "후보 파일 {path}: {source}의 어떤 Include 지시문에도 포함되지 않아 sshd가 읽지 않으므로 아무것도 바뀌지 않습니다.",
        ["CANDIDATE_NOT_READ.fix"] = "--candidate FILE=/etc/ssh/sshd_config.d/NAME.conf 형식으로 sshd가 읽는 위치를 지정하거나 {source}의 Include 줄을 확인하십시오.",
        ["explain.check.CANDIDATE_NOT_READ"] = "제안된 파일이 sshd에 읽히지 않습니다(해당 위치를 포함하는 Include가 없음).",
        ["ui.candidate.file"] = "후보: {path} (원본: {source})",
        ["ui.candidate.judged"] = "검사한 계정: {accounts} · 키: {keys} · 키가 없는 계정: {keyless}",
        ["ui.candidate.certificate"] = "인증서(CA {ca}, principal {principal})",
        ["ui.candidate.judged_certificates"] = "검사한 인증서(CA와 principal 조합마다 하나): {count}",
        ["ui.candidate.server_down"] = "이 후보를 적용하면 sshd가 시작(또는 다시 로드)되지 않아 아무도 로그인할 수 없습니다.",
        ["ui.candidate.heading.lost"] = "접근을 잃게 되는 항목",
        ["ui.candidate.heading.may_lose"] = "접근을 잃을 수 있는 항목 (클라이언트 주소에 따라 다름: --from 지정)",
        ["ui.candidate.heading.gained"] = "새로 접근할 수 있게 되는 항목",
        ["ui.candidate.no_loss"] = "이 후보를 적용해도 공개 키 접근을 잃는 계정은 없습니다.",
        ["ui.candidate.losing_all"] = "공개 키 접근을 모두 잃게 되는 계정: {users}",
        ["ui.candidate.some_keys_lost"] = "일부 키가 작동하지 않게 되거나 그럴 가능성이 있지만, 모든 계정에 작동하는 키가 하나 이상 남습니다.",
        ["ui.candidate.invalid"] = "설치하지 마십시오. sshd -t 검사에서 거부됩니다(위 참조).",
        ["ui.candidate.state.accepted"] = "허용",
        ["ui.candidate.state.refused"] = "거부",
        ["ui.candidate.state.unknown"] = "판단 불가",
        ["err.candidate_place"] = "--candidate {value}: 대상 안의 위치는 '.' 또는 '..' 구성 요소가 없는 절대 경로여야 합니다.",
        ["err.candidate_twice"] = "같은 위치에 후보가 두 개 있습니다: {path}",
        ["err.candidate_unreadable"] = "후보 파일을 읽을 수 없습니다: {path} ({reason})",
        ["err.candidate.no_file"] = "파일이 없음",
        ["err.candidate.too_big"] = "1MiB 초과",
        ["report.hosts"] = "호스트: {hosts} (검사 완료: {judged})",
        ["report.heading.losing"] = "접근을 잃게 되는 계정 (호스트별)",
        ["report.by_hosts"] = "(항목, 호스트 수, 해당 호스트)",
        ["report.heading.not_judged"] = "검사하지 못한 호스트",
        ["report.result.loses_access"] = "접근을 잃는 계정이 있으므로 변경 사항을 배포하지 마십시오.",
        ["report.result.blocking"] = "현재 공개 키 로그인을 거부하는 호스트가 있습니다. 차단 원인을 확인하십시오.",
        ["report.result.incomplete"] = "검사한 호스트에는 차단 원인이 없지만, 검사하지 못한 호스트가 있습니다.",
        ["report.result.clean"] = "어느 호스트에서도 공개 키 로그인을 막는 원인이 없습니다.",
        ["err.report_input"] = "읽을 수 없습니다: {path} ({reason})",
        ["ansible.refused"] = "sshd가 공개 키 로그인을 거부하는 계정: {users}",
        ["ansible.refused_one"] = "sshd가 공개 키 로그인을 거부합니다.",
        ["ansible.ok"] = "공개 키 로그인을 막는 원인이 없습니다.",
    };
}
