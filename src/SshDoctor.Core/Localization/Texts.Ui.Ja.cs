namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiJa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd は {user} に対してこの鍵を受け付けます。",
        ["ui.verdict.accepted_nokey"] = "{user} の公開鍵ログインを妨げるものはありません。",
        ["ui.verdict.refused"] = "sshd は {user} に対してこの鍵を拒否します。",
        ["ui.verdict.refused_nokey"] = "sshd は {user} の公開鍵ログインを拒否します。",
        ["ui.verdict.unknown"] = "{user} についてはまだ判定できません。補足を確認してください。",
        ["ui.heading.blocking"] = "ログインを妨げている問題",
        ["ui.heading.warning"] = "警告",
        ["ui.heading.info"] = "補足",
        ["ui.fix"] = "対処",
        ["ui.target"] = "対象: {root} ({os}、OpenSSH {sshd})",
        ["ui.key"] = "鍵: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "公開鍵ログイン: {total} ユーザー中 {accepted} ユーザーで受け付け、{refused} ユーザーで拒否。",
        ["ui.nothing"] = "問題は見つかりませんでした。",

        ["err.root_missing"] = "{root} が存在しません。",
        ["err.root_not_dir"] = "{root} はディレクトリではありません。",
        ["err.root_unreadable"] = "{root} を読み取れません: {reason}。",
        ["err.root_not_linux"] = "{root} は Linux のルートファイルシステムではないようです。{missing} がありません。",
        ["err.key_unreadable"] = "鍵 {path} を読み取れません: {reason}。",
        ["err.user_and_all"] = "--user と --all-users はどちらか一方だけを指定してください。",
        ["err.from_invalid"] = "--from {value} は IP アドレスではありません。",
        ["err.user_required"] = "--user ユーザー名 (または --all-users) を指定してください。",
        ["err.internal"] = "予期しないエラー: {detail}。この問題を報告してください。",
        ["err.needs_root"] = "{path} を読み取れません（アクセスが拒否されました）。sshdoctor は sshd と同じようにサーバーのファイルを読むため、root 権限が必要です。sudo を付けて実行してください。",

        ["reason.not_searchable"] = "ユーザーが {path} に入れない",
        ["reason.not_readable"] = "ユーザーが {path} を読み取れない",
        ["reason.not_owner"] = "ユーザーが {path} の所有者ではない",
    };
}
