namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixKo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "계획:",
        ["fix.dry_run"] = "모의 실행: 아무것도 변경하지 않았습니다. 적용하려면 --dry-run 없이 같은 명령을 실행하십시오.",
        ["fix.applied"] = "실행 {run}에서 변경 {count}건을 적용했습니다. 이전 상태로 되돌리려면: {undo}",
        ["fix.nothing"] = "fix로 복구할 수 있는 항목이 없습니다.",
        ["fix.skipped"] = "변경하지 않은 항목:",
        ["fix.before_after"] = "이전: {before}. 이후: {after}.",
        ["fix.verdict.accepted_after_reload"] = "파일 기준으로는 허용되지만 실행 중인 sshd에는 아직 반영되지 않음",
        ["fix.reload_needed"] = "실행 중인 sshd는 여전히 이전 규칙을 적용합니다. 수정된 설정은 다시 불러와야 읽습니다. 준비되면 다시 불러오세요: {command}",
        ["fix.failed"] = "복구에 실패하여 모든 변경을 되돌렸습니다: {reason}",
        ["fix.skip.no_key"] = "--key가 필요합니다. fix는 지정된 키만 추가합니다",
        ["fix.skip.needs_config_flag"] = "정책 결정 사항입니다. --allow-config-edit로 적용하거나 명령을 직접 실행하십시오",
        ["fix.skip.needs_account_flag"] = "정책 결정 사항입니다. --allow-account-edit로 적용하거나 명령을 직접 실행하십시오",
        ["fix.skip.policy"] = "fix가 변경하지 않는 항목입니다. 정책 결정이거나 파일 밖의 문제입니다",
        ["fix.verdict.accepted"] = "허용",
        ["fix.verdict.refused"] = "거부",
        ["fix.verdict.unknown"] = "판단 불가",
        ["fix.undo.done"] = "실행 {run}을(를) 되돌렸습니다. 경로 {count}개를 복원했습니다.",
        ["fix.undo.none"] = "{root}에 되돌릴 sshdoctor 실행 기록이 없습니다.",
        ["fix.undo.unknown"] = "{root}/var/backups/sshdoctor에 실행 {run}이(가) 없습니다.",
        ["fix.undo.already"] = "실행 {run}은(는) 이미 되돌렸습니다.",
        ["fix.undo.broken"] = "실행 {run}의 기록을 읽을 수 없어 아무것도 변경하지 않았습니다.",
        ["fix.undo.failed"] = "실행 {run}을(를) 되돌리지 못했습니다: {reason}",
    };
}
