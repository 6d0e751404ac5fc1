namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CertsKo => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CERT_CA_UNTRUSTED.message"] = "인증서(키 ID {key_id})는 {ca} CA가 서명했지만, sshd는 {user}에 대해 이 CA를 TrustedUserCAKeys에서도 cert-authority 줄에서도 신뢰하지 않으므로 인증서를 거부합니다.",
        ["CERT_CA_UNTRUSTED.fix"] = "이 서버가 신뢰하는 CA로 키에 서명하십시오. {ca} CA를 신뢰해야 한다면 TrustedUserCAKeys 또는 {user}의 authorized_keys에 있는 cert-authority 줄에 추가하십시오.",
        ["CERT_PRINCIPAL_MISMATCH.message"] = "인증서(키 ID {key_id}, principal {principals})에는 {via} 설정이 사용자 {user}에게 허용하는 principal이 없습니다. {detail}.",
        ["CERT_PRINCIPAL_MISMATCH.fix"] = "올바른 principal로 인증서를 발급하거나(ssh-keygen -s … -n), sshd가 {user}의 principal을 찾는 곳에 인증서의 principal 하나를 추가하십시오.",
        ["CERT_VALIDITY.message"] = "인증서(키 ID {key_id})의 유효 기간은 {valid_after}부터 {valid_before}까지이며, sshd는 {via}에서 이 인증서를 거부합니다. {detail}.",
        ["CERT_VALIDITY.fix"] = "지금 유효한 인증서를 새로 발급하고(ssh-keygen -s … -V) 서버 시계를 확인하십시오.",
        ["CERT_SOURCE_ADDRESS.message"] = "인증서는 {pattern}({via})에서 오는 클라이언트만 허용하며, {from} 주소는 여기에 포함되지 않습니다.",
        ["CERT_SOURCE_ADDRESS.fix"] = "허용된 주소에서 접속하거나, source-address에 {from} 주소가 포함된 인증서를 발급하십시오.",
        ["CERT_PRINCIPALS_COMMAND.message"] = "이 사용자에게 허용되는 principal은 AuthorizedPrincipalsCommand {command}({source})에서 나옵니다. sshdoctor는 이 명령을 실행하지 않으므로 판단할 수 없습니다.",
        ["CERT_PRINCIPALS_COMMAND.fix"] = "{command} 명령을 AuthorizedPrincipalsCommandUser 권한으로 실행하여 출력에 인증서의 principal이 있는지 확인하십시오.",
        ["PAM_ACCOUNT_DENIED.message"] = "키가 수락된 뒤 PAM의 account 단계가 사용자 {user}의 로그인을 거부합니다(UsePAM yes). {reason}.",
        ["PAM_ACCOUNT_DENIED.fix"] = "pam_unix가 받아들이도록 /etc/shadow의 계정 항목을 고치십시오(예: chage).",
        ["PASSWORD_CHANGE_REQUIRED.message"] = "sshd는 {user}의 키를 수락하지만 이후 PAM이 비밀번호 변경을 요구합니다({reason}). 터미널이 없으면 세션은 \"Password change required but no TTY available\"로 끝납니다.",
        ["PASSWORD_CHANGE_REQUIRED.fix"] = "ssh -t로 로그인하여 비밀번호를 바꾸거나, chage -d로 마지막 변경 날짜를 새로 지정하십시오.",
        ["CLIENT_CONDITION.message"] = "결과는 클라이언트에 따라 다릅니다. 이 서버는 {algorithm} 서명을 거부하므로 RSA 키를 rsa-sha2로 서명하는 클라이언트는 수락되고, 오래된 클라이언트(PuTTY 0.75 미만, WinSCP 5.19 미만, OpenSSH 7.2 미만, SSH.NET 2023.0.0 미만, libssh2 1.11 미만, paramiko 2.9 미만)는 거부됩니다.",
        ["CLIENT_CONDITION.fix"] = "판정을 얻으려면 --client 이름-버전(예: --client putty-0.74)을 지정하여 다시 실행하십시오.",

        ["cert.principals.bad_token"] = "AuthorizedPrincipalsFile 경로에 잘못된 % 토큰이 있습니다",
        ["cert.principals.missing"] = "AuthorizedPrincipalsFile 파일이 없습니다",
        ["cert.principals.unreadable"] = "사용자가 AuthorizedPrincipalsFile 파일을 읽을 수 없습니다",
        ["cert.principals.unsafe"] = "AuthorizedPrincipalsFile 파일의 소유자나 권한이 잘못되어 StrictModes에 따라 sshd가 무시합니다",
        ["cert.principals.not_listed"] = "AuthorizedPrincipalsFile 파일에 그중 어느 것도 없습니다",
        ["cert.principals.option"] = "principals= 옵션에 그중 어느 것도 없습니다",
        ["cert.principals.none"] = "인증서에 principal이 하나도 없습니다",
        ["cert.principals.name_not_listed"] = "사용자 이름이 그중에 없습니다",
        ["cert.validity.expired"] = "만료되었습니다",
        ["cert.validity.not_yet_valid"] = "아직 유효하지 않습니다",
        ["cert.validity.host_certificate"] = "사용자 인증서가 아니라 호스트 인증서입니다",
        ["cert.validity.line_expired"] = "cert-authority 줄의 expiry-time이 지났습니다",
        ["pam.reason.inactive"] = "비밀번호가 만료된 뒤 shadow 항목의 비활성 기간이 지났습니다",
        ["pam.reason.no_shadow"] = "계정에 /etc/shadow 항목이 없습니다",
        ["pam.reason.lastchg_zero"] = "shadow 항목의 마지막 변경 날짜가 0입니다",
        ["pam.reason.max_age"] = "비밀번호가 최대 사용 기간을 넘었습니다",
        ["err.certificate_invalid"] = "인증서 파일 {path}의 내용을 읽을 수 없습니다. 인증서 형식을 표시하지만 올바른 OpenSSH 인증서가 아닙니다.",
        ["err.client_invalid"] = "알 수 없는 클라이언트 \"{value}\"입니다. putty-0.74, openssh-9.6, winscp-5.17, paramiko-2.8, libssh2-1.10, sshnet-2020.0.2처럼 이름-버전 형식으로 지정하십시오.",

        ["explain.check.CERT_CA_UNTRUSTED"] = "인증서의 CA가 TrustedUserCAKeys에도 cert-authority 줄에도 없을 수 있습니다.",
        ["explain.check.CERT_PRINCIPAL_MISMATCH"] = "인증서에 이 사용자가 허용하는 principal이 없을 수 있습니다.",
        ["explain.check.CERT_VALIDITY"] = "인증서가 만료되었거나 아직 유효하지 않을 수 있습니다.",
        ["explain.check.CERT_SOURCE_ADDRESS"] = "인증서의 source-address가 클라이언트를 제외할 수 있습니다.",
        ["explain.check.CERT_PRINCIPALS_COMMAND"] = "principal은 AuthorizedPrincipalsCommand에서만 올 수 있습니다. 명령을 실행하여 인증서의 principal이 있는지 확인하십시오.",
        ["explain.check.PAM_ACCOUNT_DENIED"] = "PAM의 account 단계가 계정을 거부할 수 있습니다(비활성 비밀번호, shadow 항목 없음, pam_access).",
        ["explain.check.PASSWORD_CHANGE_REQUIRED"] = "PAM이 터미널 없는 세션에서는 할 수 없는 비밀번호 변경을 요구할 수 있습니다.",
        ["explain.check.CLIENT_CONDITION"] = "결과는 클라이언트가 RSA 키를 rsa-sha2로 서명하는지에 따라 달라집니다.",
    };
}
