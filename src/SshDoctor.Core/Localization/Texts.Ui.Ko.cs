namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiKo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd가 {user} 사용자에 대해 이 키를 허용합니다.",
        ["ui.verdict.accepted_nokey"] = "{user} 사용자의 공개 키 로그인을 막는 문제가 없습니다.",
        ["ui.verdict.refused"] = "sshd가 {user} 사용자에 대해 이 키를 거부합니다.",
        ["ui.verdict.refused_nokey"] = "sshd가 {user} 사용자의 공개 키 로그인을 거부합니다.",
        ["ui.verdict.unknown"] = "{user} 사용자에 대해서는 아직 판정할 수 없습니다. 참고 사항을 확인하십시오.",
        ["ui.heading.blocking"] = "차단 원인",
        ["ui.heading.warning"] = "경고",
        ["ui.heading.info"] = "참고 사항",
        ["ui.fix"] = "해결 방법",
        ["ui.target"] = "대상: {root} ({os}, OpenSSH {sshd})",
        ["ui.key"] = "키: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "공개 키 로그인: 사용자 {total}명 중 {accepted}명 허용, {refused}명 거부.",
        ["ui.nothing"] = "문제가 발견되지 않았습니다.",

        ["err.root_missing"] = "{root}이(가) 존재하지 않습니다.",
        ["err.root_not_dir"] = "{root}은(는) 디렉터리가 아닙니다.",
        ["err.root_unreadable"] = "{root}을(를) 읽을 수 없습니다: {reason}.",
        ["err.root_not_linux"] = "{root}은(는) Linux 루트 파일 시스템으로 보이지 않습니다. {missing}이(가) 없습니다.",
        ["err.key_unreadable"] = "키 {path}을(를) 읽을 수 없습니다: {reason}.",
        ["err.user_and_all"] = "--user와 --all-users 중 하나만 지정하십시오.",
        ["err.from_invalid"] = "--from {value}은(는) IP 주소가 아닙니다.",
        ["err.user_required"] = "--user 이름(또는 --all-users)을 지정하십시오.",
        ["err.internal"] = "예기치 않은 오류: {detail}. 이 문제를 보고해 주십시오.",
        ["err.needs_root"] = "{path}에 접근할 수 없습니다(권한 거부). sshdoctor는 sshd와 같은 방식으로 서버의 파일을 읽으므로 root 권한이 필요합니다. sudo로 실행하세요.",

        ["reason.not_searchable"] = "사용자가 {path}에 들어갈 수 없음",
        ["reason.not_readable"] = "사용자가 {path}을(를) 읽을 수 없음",
        ["reason.not_owner"] = "사용자가 {path}의 소유자가 아님",
    };
}
