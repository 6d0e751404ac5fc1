namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> SsmJa => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssm.item.nothing"] = "sshdoctor check で報告すべき問題は見つかりませんでした。",
        ["ssm.item.loses_all"] = "候補の設定では {user} はすべての SSH アクセスを失います。",
        ["ssm.ui.sent"] = "{instance} のコンプライアンス項目 {count} 件を {type} として送信しました（非準拠 {noncompliant} 件）。",
        ["ssm.ui.parameter_written"] = "パラメータ {name}（バージョン {version}）を {file} に書き込みました（モード 0600）。判定: sshdoctor check --all-users --candidate {file}",
        ["ssm.err.no_instance"] = "インスタンス ID がありません。--instance-id を指定するか、SSM エージェントから実行してください（エージェントが AWS_SSM_INSTANCE_ID を設定します）。",
        ["ssm.err.bad_instance"] = "マネージドインスタンスの ID ではありません: {value}（i- または mi- と 16 進数 8 桁か 17 桁）。",
        ["ssm.err.bad_type"] = "カスタムのコンプライアンスタイプではありません: {value}（Custom:NAME の形式。NAME は英数字・空白・_.:/=+@- の 1〜100 文字）。",
        ["ssm.err.input"] = "{file} は sshdoctor check --json の JSON ではありません: {detail}",
        ["ssm.err.input_error"] = "{file} は結果ではなく sshdoctor のエラー文書です（{detail}）。",
        ["ssm.err.read"] = "{file} を読めません: {detail}",
        ["ssm.err.bad_name"] = "パラメータ名ではありません: {value}（英数字と _.-/ のみ）。",
        ["ssm.err.file_exists"] = "{file} はすでに存在します。sshdoctor ssm parameter は新しいファイルにしか書き込みません（削除するか別の名前にしてください）。",
        ["ssm.err.write"] = "{file} に書き込めません: {detail}",
        ["ssm.err.parameter_not_found"] = "このリージョンにパラメータ {name} はありません（ssm:GetParameter の応答: ParameterNotFound）。",
    };
}
