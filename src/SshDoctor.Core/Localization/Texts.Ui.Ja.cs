namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiJa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd は {user} に対してこの鍵を受け付けます。",
        ["ui.verdict.accepted_nokey"] = "{user} の公開鍵ログインを妨げるものはほかにありませんが、鍵が指定されていません。特定の鍵を確認するには --key FILE を付けてください。",
        ["ui.verdict.no_key_authorized"] = "{user} には許可された鍵が 1 つもないため、sshd が受け入れる鍵がありません。--key FILE で鍵を指定すると、追加する方法を示します。",
        ["ui.verdict.refused"] = "sshd は {user} に対してこの鍵を拒否します。",
        ["ui.verdict.refused_nokey"] = "sshd は {user} の公開鍵ログインを拒否します。",
        ["ui.verdict.unknown"] = "{user} についてはまだ判定できません。補足を確認してください。",
        ["ui.heading.blocking"] = "ログインを妨げている問題",
        ["ui.heading.warning"] = "警告",
        ["ui.heading.info"] = "補足",
        ["ui.fix"] = "対処",
        ["ui.target"] = "対象: {root} ({os}、OpenSSH {sshd})",
        ["ui.target.guessed"] = "対象: {root}（{os}、OpenSSH {sshd} と推定: バージョンを読み取れませんでした）",
        ["ui.rescue_commands"] = "以下のコマンドはこのレスキュー用ホストで実行するためのものです。パスはボリュームのマウントポイント ({root}) から始まり、所有者は数値 (ボリューム上の uid:gid) で示し、ボリュームの sshd は動いていないためサービスのリロードは行いません。修復したファイルはインスタンスの起動時に読み込まれます。",
        ["ui.key"] = "鍵: {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "公開鍵ログイン: {total} ユーザーのうち、受理 {accepted} ユーザー、拒否 {refused} ユーザー。",
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
        ["err.unknown_command"] = "'{token}' は sshdoctor のコマンドではありません。",
        ["err.unknown_option"] = "{command} に {token} というオプションはありません。",
        ["err.unexpected_argument"] = "{command} は引数 '{token}' を受け付けません。",
        ["err.did_you_mean"] = "もしかして {suggestion} のことですか？",
        ["err.try_help"] = "'{help}' を実行してください。",
        ["err.command_required"] = "コマンドを指定してください: {commands}。",
        ["err.usage_other"] = "{command} のコマンドラインが正しくありません: {detail}",
        ["err.lang_invalid"] = "--lang {value}: 指定できる言語は en、fr、pt、ko、ja です。",
    };
}
