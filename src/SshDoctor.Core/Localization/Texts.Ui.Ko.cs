namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiKo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd가 {user} 사용자에 대해 이 키를 허용합니다.",
        ["ui.verdict.accepted_nokey"] = "{user} 사용자의 공개 키 로그인을 막는 다른 문제는 없지만, 확인할 키가 주어지지 않았습니다. 특정 키를 확인하려면 --key FILE을 추가하세요.",
        ["ui.verdict.no_key_authorized"] = "{user} 사용자에게 허용된 키가 하나도 없어 sshd가 받아들일 키가 없습니다. --key FILE로 키를 지정하면 추가하는 방법을 알려 드립니다.",
        ["ui.verdict.refused"] = "sshd가 {user} 사용자에 대해 이 키를 거부합니다.",
        ["ui.verdict.refused_nokey"] = "sshd가 {user} 사용자의 공개 키 로그인을 거부합니다.",
        ["ui.verdict.unknown"] = "{user} 사용자에 대해서는 아직 판정할 수 없습니다. 참고 사항을 확인하십시오.",
        ["ui.heading.blocking"] = "차단 원인",
        ["ui.heading.warning"] = "경고",
        ["ui.heading.info"] = "참고 사항",
        ["ui.fix"] = "해결 방법",
        ["ui.target"] = "대상: {root} ({os}, OpenSSH {sshd})",
        ["ui.target.guessed"] = "대상: {root} ({os}, OpenSSH {sshd|으로} 추정: 버전을 읽을 수 없음)",
        ["ui.rescue_commands"] = "아래 명령은 이 복구용 호스트에서 실행하도록 작성되었습니다. 경로는 볼륨의 마운트 지점({root})으로 시작하고, 소유자는 숫자(볼륨 기준 uid:gid)로 표기하며, 볼륨의 sshd는 실행 중이 아니므로 어떤 서비스도 다시 불러오지 않습니다. 수리된 파일은 인스턴스가 부팅될 때 읽힙니다.",
        ["ui.key"] = "키: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "공개 키 로그인: 사용자 {total}명 중 {accepted}명 허용, {refused}명 거부.",
        ["ui.nothing"] = "문제가 발견되지 않았습니다.",

        ["err.root_missing"] = "{root|이} 존재하지 않습니다.",
        ["err.root_not_dir"] = "{root|은} 디렉터리가 아닙니다.",
        ["err.root_unreadable"] = "{root|을} 읽을 수 없습니다: {reason}.",
        ["err.root_not_linux"] = "{root|은} Linux 루트 파일 시스템으로 보이지 않습니다. {missing|이} 없습니다.",
        ["err.key_unreadable"] = "키 {path|을} 읽을 수 없습니다: {reason}.",
        ["err.user_and_all"] = "--user와 --all-users 중 하나만 지정하십시오.",
        ["err.from_invalid"] = "--from {value|은} IP 주소가 아닙니다.",
        ["err.user_required"] = "--user 이름(또는 --all-users)을 지정하십시오.",
        ["err.internal"] = "예기치 않은 오류: {detail}. 이 문제를 보고해 주십시오.",
        ["err.needs_root"] = "{path}에 접근할 수 없습니다(권한 거부). sshdoctor는 sshd와 같은 방식으로 서버의 파일을 읽으므로 root 권한이 필요합니다. sudo로 실행하세요.",

        ["reason.not_searchable"] = "사용자가 {path}에 들어갈 수 없음",
        ["reason.not_readable"] = "사용자가 {path|을} 읽을 수 없음",
        ["reason.not_owner"] = "사용자가 {path}의 소유자가 아님",
        ["err.unknown_command"] = "'{token}' 명령은 sshdoctor에 없습니다.",
        ["err.unknown_option"] = "{command} 명령에는 {token} 옵션이 없습니다.",
        ["err.unexpected_argument"] = "{command} 명령은 '{token}' 인수를 받지 않습니다.",
        ["err.did_you_mean"] = "혹시 {suggestion|을} 의도하셨나요?",
        ["err.try_help"] = "'{help}' 명령으로 도움말을 확인하세요.",
        ["err.command_required"] = "명령을 지정하세요: {commands}.",
        ["err.usage_other"] = "{command} 명령의 명령줄이 잘못되었습니다: {detail}",
        ["err.lang_invalid"] = "--lang {value}: 사용할 수 있는 언어는 en, fr, pt, ko, ja입니다.",
    };
}
