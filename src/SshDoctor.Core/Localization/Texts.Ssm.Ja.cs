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
        ["help.ssm"] = "AWS Systems Manager を通じて sshdoctor check の結果を報告します。インスタンスのコンプライアンス項目を送信し、Parameter Store から候補の設定を取得します。docs/ssm/sshdoctor-check.json は、対象の各インスタンスでこの 2 つを実行する SSM コマンドドキュメントです。",
        ["help.ssm.opt.profile"] = "AWS プロファイル (既定: AWS_PROFILE、なければ default)。",
        ["help.ssm.opt.region"] = "AWS リージョン (既定: AWS_REGION、AWS_DEFAULT_REGION、プロファイルのリージョン、最後にインスタンスのメタデータ)。",
        ["help.ssm.compliance"] = "sshdoctor check の結果を、インスタンスの SSM コンプライアンス項目として送信します。検出事項とアカウントごとに 1 項目 (CRITICAL: 候補の設定でそのアカウントがすべてのアクセスを失う、HIGH: ブロッキング、MEDIUM: 警告、INFORMATIONAL: 情報で、準拠として送信)、報告することがなければ準拠の項目を 1 つ送ります。送信すると、同じタイプの以前の項目は置き換えられます。ssm:PutComplianceItems が必要です。",
        ["help.ssm.compliance.exit"] = "0 送信した、2 入力が不正 (インスタンス ID がない、check のドキュメントではない)、3 AWS が拒否したか失敗した。",
        ["help.ssm.compliance.arg.file"] = "sshdoctor check --json の JSON (標準入力なら -)。",
        ["help.ssm.compliance.opt.type"] = "コンプライアンスタイプ: Custom:NAME (NAME は英字、数字、空白、_.:/=+@- の 1～100 文字)。",
        ["help.ssm.compliance.opt.instance_id"] = "マネージドインスタンス (既定: SSM エージェントが設定する AWS_SSM_INSTANCE_ID)。",
        ["help.ssm.parameter"] = "SSM Parameter Store から sshd の候補設定 (String、または復号した SecureString) を取得して新しいファイルに書き込みます。そのファイルを check --candidate で判定してください。ssm:GetParameter が必要で、SecureString の場合は kms:Decrypt も必要です。",
        ["help.ssm.parameter.exit"] = "0 書き込んだ、2 入力が不正 (パラメータが存在しない、ファイルがすでにある)、3 AWS が拒否したか失敗した。",
        ["help.ssm.parameter.arg.name"] = "パラメータ名 (例: /sshdoctor/candidate)。",
        ["help.ssm.parameter.opt.output"] = "書き込むファイル。まだ存在しないファイルである必要があり、モード 0600 で作成されます。",
        ["help.ex.ssm.compliance.1"] = "SSM ドキュメントが各インスタンスで実行するコマンド",
        ["help.ex.ssm.compliance.2"] = "保存した結果から、インスタンスを指定して",
        ["help.ex.ssm.parameter.1"] = "候補の設定を取得してから判定する",
    };
}
