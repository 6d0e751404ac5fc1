namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixKo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "계획:",
        ["fix.dry_run"] = "모의 실행: 아무것도 변경하지 않았습니다. 적용하려면 --dry-run 없이 같은 명령을 실행하십시오.",
        ["fix.applied"] = "실행 {run}에서 변경 {count}건을 적용했습니다. 이전 상태로 되돌리려면: sshdoctor undo --run {run}",
        ["fix.nothing"] = "fix로 복구할 수 있는 항목이 없습니다.",
        ["fix.skipped"] = "변경하지 않은 항목:",
        ["fix.before_after"] = "이전: {before}. 이후: {after}.",
        ["fix.failed"] = "복구에 실패했습니다: {reason}",
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
        ["fix.rollback.all"] = "이번 실행에서 바꾼 내용을 모두 되돌렸습니다.",
        ["fix.rollback.nothing"] = "아직 아무것도 바뀌지 않았습니다.",
        ["fix.rollback.incomplete"] = "되돌리기가 완전하지 않습니다. 아래에 나열한 항목은 복원하지 못했습니다. 백업은 {dir}에 보관되어 있습니다.",
        ["fix.undo.not_restored"] = "복원하지 못함: {path} ({reason})",
        ["fix.undo.incomplete"] = "실행 {run}의 되돌리기가 완전하지 않습니다. 복원 {restored}개, 그대로 둔 항목 {failed}개(위 목록 참조).",
        ["fix.undo.untrusted"] = "실행 {run}이 이 컴퓨터에 기록되어 있지 않습니다({record} 없음). 기록은 대상 안에 있어 위조되었을 수 있습니다. fix를 실행한 컴퓨터에서 undo를 실행하거나, 모든 검사를 통과한 항목만 복원하려면 --trust-journal을 추가하십시오.",
        ["fix.skip.hardlinked"] = "하드 링크가 여러 개인 파일입니다. 바꾸면 다른 이름의 파일도 함께 바뀌므로 fix는 건드리지 않습니다",
        ["fix.skip.too_large"] = "파일이 너무 커서 전체를 다시 쓸 수 없으며, fix는 파일의 일부만 다시 쓰지 않습니다",
        ["fix.skip.outside"] = "경로가 대상 밖으로 나가거나 아무것도 없는 곳에서 '..'를 거칩니다. fix는 이 경로를 만들지 않습니다",
    };
}
