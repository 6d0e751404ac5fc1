namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CertsJa => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CERT_CA_UNTRUSTED.message"] = "この証明書（キー ID {key_id}）は CA {ca} が署名していますが、sshd は {user} についてこの CA を TrustedUserCAKeys でも cert-authority 行でも信頼していないため、証明書を拒否します。",
        ["CERT_CA_UNTRUSTED.fix"] = "このサーバーが信頼する CA で鍵に署名してください。CA {ca} を信頼すべき場合は、TrustedUserCAKeys か {user} の authorized_keys の cert-authority 行に追加してください。",
        ["CERT_PRINCIPAL_MISMATCH.message"] = "この証明書（キー ID {key_id}、プリンシパル {principals}）には、{via} が {user} に許可するプリンシパルがありません。{detail}。",
        ["CERT_PRINCIPAL_MISMATCH.fix"] = "正しいプリンシパルで証明書を発行する（ssh-keygen -s … -n）か、sshd が {user} のプリンシパルを探す場所に証明書のプリンシパルを追加してください。",
        ["CERT_VALIDITY.message"] = "この証明書（キー ID {key_id}）の有効期間は {valid_after} から {valid_before} までで、sshd は {via} でこれを拒否します。{detail}。",
        ["CERT_VALIDITY.fix"] = "現在有効な証明書を新たに発行し（ssh-keygen -s … -V）、サーバーの時計を確認してください。",
        ["CERT_SOURCE_ADDRESS.message"] = "この証明書は {pattern}（{via}）からのクライアントしか許可せず、{from} はそこに含まれません。",
        ["CERT_SOURCE_ADDRESS.fix"] = "許可されたアドレスから接続するか、source-address に {from} を含む証明書を発行してください。",
        ["CERT_PRINCIPALS_COMMAND.message"] = "このユーザーに許可されるプリンシパルは AuthorizedPrincipalsCommand {command}（{source}）から得られます。sshdoctor はこのコマンドを実行しないため、判定できません。",
        ["CERT_PRINCIPALS_COMMAND.fix"] = "{command} を AuthorizedPrincipalsCommandUser として実行し、出力に証明書のプリンシパルが含まれるか確認してください。",
        ["PAM_ACCOUNT_DENIED.message"] = "鍵が受理された後、PAM の account 段階が {user} を拒否します（UsePAM yes）。{reason}。",
        ["PAM_ACCOUNT_DENIED.fix"] = "pam_unix が受け入れるよう、/etc/shadow のアカウント項目を修正してください（例: chage）。",
        ["PASSWORD_CHANGE_REQUIRED.message"] = "sshd は {user} の鍵を受理しますが、その後 PAM がパスワード変更を要求します（{reason}）。端末がないとセッションは \"Password change required but no TTY available\" で終了します。",
        ["PASSWORD_CHANGE_REQUIRED.fix"] = "ssh -t でログインしてパスワードを変更するか、chage -d で最終変更日を設定し直してください。",
        ["CLIENT_CONDITION.message"] = "結果はクライアントによって変わります。このサーバーは {algorithm} 署名を拒否するため、RSA 鍵を rsa-sha2 で署名するクライアントは受理され、古いクライアント（PuTTY 0.75 未満、WinSCP 5.19 未満、OpenSSH 7.2 未満、SSH.NET 2023.0.0 未満、libssh2 1.11 未満、paramiko 2.9 未満）は拒否されます。",
        ["CLIENT_CONDITION.fix"] = "判定を得るには、--client 名前-バージョン（例: --client putty-0.74）を指定して再実行してください。",

        ["cert.principals.bad_token"] = "AuthorizedPrincipalsFile のパスに不正な % トークンがあります",
        ["cert.principals.missing"] = "AuthorizedPrincipalsFile が存在しません",
        ["cert.principals.unreadable"] = "ユーザーが AuthorizedPrincipalsFile を読めません",
        ["cert.principals.unsafe"] = "AuthorizedPrincipalsFile の所有者またはパーミッションが不正で、StrictModes により sshd が無視します",
        ["cert.principals.not_listed"] = "AuthorizedPrincipalsFile にそのどれも記載されていません",
        ["cert.principals.option"] = "principals= オプションにそのどれも記載されていません",
        ["cert.principals.none"] = "証明書にプリンシパルが一つもありません",
        ["cert.principals.name_not_listed"] = "ユーザー名がその中にありません",
        ["cert.validity.expired"] = "有効期限が切れています",
        ["cert.validity.not_yet_valid"] = "まだ有効になっていません",
        ["cert.validity.host_certificate"] = "ユーザー証明書ではなくホスト証明書です",
        ["cert.validity.line_expired"] = "cert-authority 行の expiry-time を過ぎています",
        ["pam.reason.inactive"] = "パスワードの期限切れから shadow 項目の非アクティブ日数を超えています",
        ["pam.reason.no_shadow"] = "アカウントに /etc/shadow の項目がありません",
        ["pam.reason.lastchg_zero"] = "shadow 項目の最終変更日が 0 です",
        ["pam.reason.max_age"] = "パスワードが最長使用期間を過ぎています",
        ["err.certificate_invalid"] = "証明書 {path} を読めません。証明書の種類を名乗っていますが、正しい OpenSSH 証明書ではありません。",
        ["err.client_invalid"] = "不明なクライアント \"{value}\" です。putty-0.74、openssh-9.6、winscp-5.17、paramiko-2.8、libssh2-1.10、sshnet-2020.0.2 のように 名前-バージョン で指定してください。",

        ["explain.check.CERT_CA_UNTRUSTED"] = "証明書の CA が TrustedUserCAKeys にも cert-authority 行にもない可能性があります。",
        ["explain.check.CERT_PRINCIPAL_MISMATCH"] = "証明書にこのユーザーが許可するプリンシパルがない可能性があります。",
        ["explain.check.CERT_VALIDITY"] = "証明書の有効期限が切れているか、まだ有効でない可能性があります。",
        ["explain.check.CERT_SOURCE_ADDRESS"] = "証明書の source-address がクライアントを除外している可能性があります。",
        ["explain.check.CERT_PRINCIPALS_COMMAND"] = "プリンシパルは AuthorizedPrincipalsCommand からしか得られません。実行して証明書のプリンシパルがあるか確認してください。",
        ["explain.check.PAM_ACCOUNT_DENIED"] = "PAM の account 段階がアカウントを拒否している可能性があります（非アクティブなパスワード、shadow 項目なし、pam_access）。",
        ["explain.check.PASSWORD_CHANGE_REQUIRED"] = "端末のないセッションではできないパスワード変更を PAM が要求している可能性があります。",
        ["explain.check.CLIENT_CONDITION"] = "結果は、クライアントが RSA 鍵を rsa-sha2 で署名するかどうかで変わります。",
    };
}
