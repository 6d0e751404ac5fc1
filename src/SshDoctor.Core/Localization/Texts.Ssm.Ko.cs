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
        ["help.ssm"] = "AWS Systems Manager를 통해 sshdoctor check 결과를 보고합니다. 인스턴스의 규정 준수 항목을 보내고, Parameter Store에서 후보 설정을 가져옵니다. docs/ssm/sshdoctor-check.json은 대상 인스턴스마다 이 두 가지를 실행하는 SSM 명령 문서입니다.",
        ["help.ssm.opt.profile"] = "AWS 프로필(기본값: AWS_PROFILE, 없으면 default).",
        ["help.ssm.opt.region"] = "AWS 리전(기본값: AWS_REGION, AWS_DEFAULT_REGION, 프로필의 리전, 그다음 인스턴스 메타데이터의 리전).",
        ["help.ssm.compliance"] = "sshdoctor check 결과를 인스턴스의 SSM 규정 준수 항목으로 보냅니다. 발견 사항과 계정마다 항목 하나씩(CRITICAL: 후보 설정에서 계정이 모든 접근을 잃음, HIGH: 차단, MEDIUM: 경고, INFORMATIONAL: 정보, 준수로 보냄), 보고할 것이 없으면 준수 항목 하나를 보냅니다. 업로드하면 같은 유형의 이전 항목이 대체됩니다. ssm:PutComplianceItems 권한이 필요합니다.",
        ["help.ssm.compliance.exit"] = "0 보냄, 2 잘못된 입력(인스턴스 ID 없음, check 문서가 아님), 3 AWS가 거부했거나 실패함.",
        ["help.ssm.compliance.arg.file"] = "sshdoctor check --json의 JSON(표준 입력은 -).",
        ["help.ssm.compliance.opt.type"] = "규정 준수 유형: Custom:NAME(NAME은 문자, 숫자, 공백, _.:/=+@- 중 1~100자).",
        ["help.ssm.compliance.opt.instance_id"] = "관리형 인스턴스(기본값: SSM 에이전트가 설정하는 AWS_SSM_INSTANCE_ID).",
        ["help.ssm.parameter"] = "SSM Parameter Store에서 sshd 후보 설정(String, 또는 복호화한 SecureString)을 가져와 새 파일에 저장합니다. 그 파일을 check --candidate로 판정하세요. ssm:GetParameter 권한이 필요하고, SecureString이면 kms:Decrypt 권한도 필요합니다.",
        ["help.ssm.parameter.exit"] = "0 저장함, 2 잘못된 입력(파라미터 없음, 파일이 이미 있음), 3 AWS가 거부했거나 실패함.",
        ["help.ssm.parameter.arg.name"] = "파라미터 이름(예: /sshdoctor/candidate).",
        ["help.ssm.parameter.opt.output"] = "저장할 파일. 아직 없는 파일이어야 하며 모드 0600으로 만들어집니다.",
        ["help.ex.ssm.compliance.1"] = "SSM 문서가 각 인스턴스에서 실행하는 명령",
        ["help.ex.ssm.compliance.2"] = "저장해 둔 결과로, 인스턴스를 지정해서",
        ["help.ex.ssm.parameter.1"] = "후보 설정을 가져온 뒤 판정",
    };
}
