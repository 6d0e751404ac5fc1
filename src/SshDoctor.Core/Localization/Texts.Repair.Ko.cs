namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> RepairKo => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userdata.err.user_invalid"] = "'{user}' 값은 올바른 사용자 이름이 아닙니다(영문자, 숫자, '.', '_', '-'만 사용, 최대 32자, '-'나 숫자로 시작할 수 없음).",
        ["userdata.intro"] = "사용자 데이터는 표준 출력에 있습니다. 다음 부팅 때 인스턴스에서 '{user}'의 SSH 키 로그인을 복구하고(소유자, 권한, 없는 ~/.ssh 또는 authorized_keys, 손상된 키 줄) 직렬 콘솔에 보고서를 기록합니다.",
        ["userdata.key"] = "없으면 추가할 키: {type} {sha256} {comment}",
        ["userdata.nokey"] = "--key가 없습니다. 스크립트는 소유자와 권한을 고치고 없는 항목을 만들지만 키는 추가하지 않습니다.",
        ["userdata.warn.title"] = "시작하기 전에:",
        ["userdata.warn.instance_store"] = "인스턴스를 중지하면 인스턴스 스토어 볼륨의 데이터가 모두 지워집니다. 루트 디바이스 자체가 인스턴스 스토어 볼륨이면 인스턴스를 중지할 수 없으므로 이 방법을 쓸 수 없습니다.",
        ["userdata.warn.asg"] = "Auto Scaling 그룹에 속한 인스턴스(Amazon EMR, CloudFormation, Elastic Beanstalk이 시작한 인스턴스 포함)는 중지하면 종료될 수 있습니다. 먼저 그룹에서 분리하거나 축소 보호를 설정하세요.",
        ["userdata.warn.ip"] = "탄력적 IP 주소가 아니면 인스턴스를 중지했다가 시작할 때 퍼블릭 IPv4 주소가 바뀝니다.",
        ["userdata.warn.cloudinit"] = "이미지에서 cloud-init이 실행되어야 합니다(Amazon Linux, Ubuntu, Debian, RHEL 및 대부분의 클라우드 이미지는 실행합니다).",
        ["userdata.steps.title"] = "절차:",
        ["userdata.step.stop"] = "인스턴스를 중지합니다(EC2 콘솔: 인스턴스 상태 > 인스턴스 중지). 종료가 아니라 중지입니다.",
        ["userdata.step.stop_cli"] = "인스턴스를 중지합니다: aws ec2 stop-instances --instance-ids {instance}",
        ["userdata.step.paste"] = "인스턴스를 선택하고 작업 > 인스턴스 설정 > 사용자 데이터 편집에서 출력된 문서 전체를 그대로 붙여 넣은 뒤 저장합니다.",
        ["userdata.step.aws"] = "base64 출력을 {file}에 저장한 뒤 사용자 데이터로 설정합니다: aws ec2 modify-instance-attribute --instance-id {instance} --attribute userData --value file://{file}",
        ["userdata.step.start"] = "인스턴스를 시작합니다(인스턴스 상태 > 인스턴스 시작).",
        ["userdata.step.start_cli"] = "인스턴스를 시작합니다: aws ec2 start-instances --instance-ids {instance}",
        ["userdata.step.console"] = "보고서(sshdoctor:로 시작하는 줄)를 확인합니다: aws ec2 get-console-output --instance-id {instance} --output text 또는 작업 > 모니터링 및 문제 해결 > 시스템 로그 가져오기.",
        ["userdata.step.login"] = "로그인합니다: ssh -i 개인키-파일 {user}@퍼블릭-주소",
        ["userdata.step.remove"] = "그다음 사용자 데이터를 삭제합니다(인스턴스 중지, 작업 > 인스턴스 설정 > 사용자 데이터 편집에서 내용을 지우고 저장, 인스턴스 시작). 삭제하기 전까지는 부팅할 때마다 실행됩니다.",
    };
}
