namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> SsmKo => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssm.item.nothing"] = "sshdoctor check에서 보고할 내용이 없습니다.",
        ["ssm.item.loses_all"] = "후보 설정에서는 {user} 계정이 모든 SSH 접근을 잃습니다.",
        ["ssm.ui.sent"] = "{instance}에 대해 {type} 유형으로 규정 준수 항목 {count}개를 보냈습니다: 비준수 {noncompliant}개.",
        ["ssm.ui.parameter_written"] = "파라미터 {name}(버전 {version})을 {file}에 기록했습니다(모드 0600). 다음으로 판정하세요: sshdoctor check --all-users --candidate {file}",
        ["ssm.err.no_instance"] = "인스턴스 ID가 없습니다: --instance-id를 지정하거나 SSM 에이전트로 실행하세요(에이전트가 AWS_SSM_INSTANCE_ID를 설정합니다).",
        ["ssm.err.bad_instance"] = "관리형 인스턴스 ID가 아닙니다: {value} (i- 또는 mi- 뒤에 16진수 8자리 또는 17자리).",
        ["ssm.err.bad_type"] = "사용자 지정 규정 준수 유형이 아닙니다: {value} (Custom:NAME 형식, NAME은 문자, 숫자, 공백 또는 _.:/=+@- 1~100자).",
        ["ssm.err.input"] = "sshdoctor check --json의 JSON이 아닙니다({file}): {detail}",
        ["ssm.err.input_error"] = "결과가 아니라 sshdoctor 오류 문서입니다({file}: {detail}).",
        ["ssm.err.read"] = "읽을 수 없습니다({file}): {detail}",
        ["ssm.err.bad_name"] = "파라미터 이름이 아닙니다: {value} (문자, 숫자, _.-/만 가능).",
        ["ssm.err.file_exists"] = "파일이 이미 있습니다({file}): sshdoctor ssm parameter는 새 파일만 씁니다(삭제하거나 다른 이름을 고르세요).",
        ["ssm.err.write"] = "{file}에 쓸 수 없습니다: {detail}",
        ["ssm.err.parameter_not_found"] = "이 리전에 해당 파라미터가 없습니다({name}, ssm:GetParameter 응답: ParameterNotFound).",
    };
}
