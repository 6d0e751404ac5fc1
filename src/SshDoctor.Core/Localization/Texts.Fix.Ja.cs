namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixJa = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "計画:",
        ["fix.dry_run"] = "ドライランです。何も変更していません。適用するには --dry-run を付けずに同じコマンドを実行してください。",
        ["fix.applied"] = "実行 {run} で {count} 件の変更を適用しました。元の状態に戻すには: sshdoctor undo --run {run}",
        ["fix.nothing"] = "fix で修復できる項目はありません。",
        ["fix.skipped"] = "変更しなかった項目:",
        ["fix.before_after"] = "修復前: {before}。修復後: {after}。",
        ["fix.failed"] = "修復に失敗しました: {reason}",
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
        ["fix.rollback.all"] = "この実行で行った変更はすべて元に戻しました。",
        ["fix.rollback.nothing"] = "まだ何も変更していませんでした。",
        ["fix.rollback.incomplete"] = "元に戻す処理は完了していません。下に挙げたものは復元できませんでした。バックアップは {dir} に残してあります。",
        ["fix.undo.not_restored"] = "復元できませんでした: {path}（{reason}）",
        ["fix.undo.incomplete"] = "実行 {run} の取り消しは完了していません。復元 {restored} 件、そのままにしたもの {failed} 件（上の一覧を参照）。",
        ["fix.undo.untrusted"] = "実行 {run} はこのマシンに記録されていません（{record} がありません）。記録は対象の中にあり、改ざんされている可能性があります。fix を実行したマシンで undo を実行するか、すべての検査に通るものだけを復元するには --trust-journal を付けてください。",
        ["fix.skip.hardlinked"] = "ハードリンクが複数あるファイルです。変更すると他の名前のファイルも変わるため、fix は手を付けません",
        ["fix.skip.too_large"] = "ファイルが大きすぎて全体を書き直せません。fix はファイルの一部だけを書き直すことはしません",
        ["fix.skip.outside"] = "パスが対象の外に出るか、何もない場所で '..' を通ります。fix はこのパスを作成しません",
    };
}
