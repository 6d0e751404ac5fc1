namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixJa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "計画:",
        ["fix.dry_run"] = "ドライランです。何も変更していません。適用するには --dry-run を付けずに同じコマンドを実行してください。",
        ["fix.applied"] = "実行 {run} で {count} 件の変更を適用しました。元の状態に戻すには: {undo}",
        ["fix.nothing"] = "fix で修復できる項目はありません。",
        ["fix.skipped"] = "変更しなかった項目:",
        ["fix.before_after"] = "修復前: {before}。修復後: {after}。",
        ["fix.verdict.accepted_after_reload"] = "ファイル上は受け入れられますが、実行中の sshd にはまだ反映されていません",
        ["fix.reload_needed"] = "実行中の sshd は古い規則のままです。編集した設定はリロードするまで読み込まれません。準備ができたらリロードしてください: {command}",
        ["fix.failed"] = "修復に失敗したため、すべての変更を元に戻しました: {reason}",
        ["fix.skip.no_key"] = "--key が必要です。fix は指定された鍵だけを追加します",
        ["fix.skip.needs_config_flag"] = "ポリシー上の判断が必要です。--allow-config-edit を付けて適用するか、コマンドを自分で実行してください",
        ["fix.skip.needs_account_flag"] = "ポリシー上の判断が必要です。--allow-account-edit を付けて適用するか、コマンドを自分で実行してください",
        ["fix.skip.policy"] = "fix では変更しません。ポリシー上の判断か、ファイル以外の問題です",
        ["fix.verdict.accepted"] = "受け付ける",
        ["fix.verdict.refused"] = "拒否する",
        ["fix.verdict.unknown"] = "判定不能",
        ["fix.undo.done"] = "実行 {run} を元に戻しました。{count} 個のパスを復元しました。",
        ["fix.undo.none"] = "{root} には元に戻せる sshdoctor の実行がありません。",
        ["fix.undo.unknown"] = "{root}/var/backups/sshdoctor に実行 {run} はありません。",
        ["fix.undo.already"] = "実行 {run} はすでに元に戻されています。",
        ["fix.undo.broken"] = "実行 {run} の記録を読み取れないため、何も変更していません。",
        ["fix.undo.failed"] = "実行 {run} を元に戻せませんでした: {reason}",
    };
}
