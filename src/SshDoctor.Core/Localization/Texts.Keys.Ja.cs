namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> KeysJa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["keys.error.too_big"] = "ファイルが {max} を超えています。鍵ファイルではありません。",
        ["keys.error.damaged"] = "鍵ファイルのようですが、壊れています ({detail})。",
        ["keys.error.is_directory"] = "{path} はディレクトリで、鍵ファイルではありません。",
        ["keys.error.not_found"] = "{path}: ファイルが見つかりません。",
        ["keys.error.unreadable"] = "{path} を読み込めません: {detail}。",
        ["keys.error.inconsistent"] = "この鍵の秘密鍵部分と公開鍵部分が一致しません。ファイルが壊れています。",
        ["keys.error.unsupported_curve"] = "楕円曲線 {curve} は SSH では使えません (使えるのは nistp256、nistp384、nistp521 のみです)。",
        ["keys.error.unsupported_algorithm"] = "鍵のアルゴリズム {algorithm} には対応していません。",
        ["keys.error.empty"] = "ファイルが空です。",
        ["keys.error.binary"] = "バイナリファイルで、鍵ファイルではありません (SSH の鍵はテキストです)。",
        ["keys.error.unrecognized"] = "sshdoctor が認識できる鍵ファイルではありません (OpenSSH、PEM、PKCS#8、PuTTY .ppk、RFC 4716)。",
        ["keys.error.truncated"] = "{format} のデータが不完全です。ファイルが途中で切れているか、一部しかコピーされていません。",
        ["keys.error.bad_base64"] = "{format} のデータが正しい base64 ではありません。ファイルが壊れているか、編集されています。",
        ["keys.error.x509"] = "これは X.509 証明書で、SSH の鍵ではありません。",
        ["keys.error.ssh_certificate"] = "これは OpenSSH 証明書で、鍵ではありません。証明書の発行対象の鍵を調べてください。",
        ["keys.error.damaged_public"] = "この {type} 公開鍵の行は壊れています (base64 が切れている、改行されている、または編集されています)。",
        ["keys.error.ppk_v1"] = "この PuTTY 鍵は古いバージョン 1 形式です。新しい PuTTYgen で開いて保存し直してください。",
        ["keys.error.ppk_version"] = "不明な PuTTY 鍵ファイルのバージョンです ({version})。",
        ["keys.error.ssh1"] = "これは SSH プロトコル 1 の鍵で、現在のサーバーはどれも受け付けません。",
        ["keys.error.sshcom"] = "これは ssh.com (SECSH) 形式の秘密鍵です。先に PuTTYgen に読み込み (Conversions > Import key)、別の形式で保存してください。",
        ["keys.error.unsupported_pem"] = "PEM ブロック「{label}」は SSH の鍵ではありません。",
        ["keys.error.bad_passphrase"] = "パスフレーズが違います。この鍵を復号できません。",
        ["keys.error.unsupported_cipher"] = "この鍵は {cipher} で暗号化されていますが、sshdoctor はこれに対応していません。",
        ["keys.error.unsupported_kdf"] = "この鍵のパスフレーズは {kdf} で導出されていますが、sshdoctor はこれに対応していません。",
    };
}
