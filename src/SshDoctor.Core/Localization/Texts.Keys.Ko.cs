namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> KeysKo = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["keys.error.too_big"] = "파일이 {max}보다 큽니다. 키 파일이 아닙니다.",
        ["keys.error.damaged"] = "키처럼 보이지만 손상된 파일입니다 ({detail}).",
        ["keys.error.is_directory"] = "{path}은(는) 디렉터리이며 키 파일이 아닙니다.",
        ["keys.error.not_found"] = "{path}: 파일이 없습니다.",
        ["keys.error.unreadable"] = "{path}을(를) 읽을 수 없습니다: {detail}.",
        ["keys.error.inconsistent"] = "이 키의 개인 키 부분과 공개 키 부분이 일치하지 않습니다. 파일이 손상되었습니다.",
        ["keys.error.unsupported_curve"] = "타원 곡선 {curve}은(는) SSH에서 사용할 수 없습니다 (nistp256, nistp384, nistp521만 가능).",
        ["keys.error.unsupported_algorithm"] = "키 알고리즘 {algorithm}은(는) 지원되지 않습니다.",
        ["keys.error.empty"] = "파일이 비어 있습니다.",
        ["keys.error.binary"] = "바이너리 파일이며 키 파일이 아닙니다 (SSH 키는 텍스트입니다).",
        ["keys.error.unrecognized"] = "sshdoctor가 인식하는 키 파일이 아닙니다 (OpenSSH, PEM, PKCS#8, PuTTY .ppk, RFC 4716).",
        ["keys.error.truncated"] = "{format} 데이터가 불완전합니다. 파일이 잘렸거나 일부만 복사되었습니다.",
        ["keys.error.bad_base64"] = "{format} 데이터가 올바른 base64가 아닙니다. 파일이 손상되었거나 편집되었습니다.",
        ["keys.error.x509"] = "X.509 인증서이며 SSH 키가 아닙니다.",
        ["keys.error.ssh_certificate"] = "OpenSSH 인증서이며 키가 아닙니다. 이 인증서가 발급된 키를 검사하세요.",
        ["keys.error.damaged_public"] = "이 {type} 공개 키 줄이 손상되었습니다 (base64가 잘렸거나 줄바꿈되었거나 편집됨).",
        ["keys.error.ppk_v1"] = "이 PuTTY 키는 오래된 버전 1 형식입니다. 최신 PuTTYgen에서 열어 다시 저장하세요.",
        ["keys.error.ppk_version"] = "알 수 없는 PuTTY 키 파일 버전입니다 ({version}).",
        ["keys.error.ssh1"] = "SSH 프로토콜 1 키이며, 현재 어떤 서버도 이 키를 받아들이지 않습니다.",
        ["keys.error.sshcom"] = "ssh.com (SECSH) 개인 키입니다. 먼저 PuTTYgen으로 가져와서 (Conversions > Import key) 다른 형식으로 저장하세요.",
        ["keys.error.unsupported_pem"] = "PEM 블록 \"{label}\"은(는) SSH 키가 아닙니다.",
        ["keys.error.bad_passphrase"] = "암호가 틀렸습니다. 이 키를 복호화할 수 없습니다.",
        ["keys.error.unsupported_cipher"] = "이 키는 {cipher}(으)로 암호화되어 있으며, sshdoctor는 이를 지원하지 않습니다.",
        ["keys.error.unsupported_kdf"] = "이 키의 암호는 {kdf}(으)로 유도되며, sshdoctor는 이를 지원하지 않습니다.",
    };
}
