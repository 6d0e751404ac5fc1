namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CandidateJa => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CANDIDATE_NOT_READ.message"] = "候補ファイル {path} は sshd に読み込まれません。{source} のどの Include 指定にも含まれないため、何も変わりません。",
        ["CANDIDATE_NOT_READ.fix"] = "--candidate FILE=/etc/ssh/sshd_config.d/NAME.conf の形で sshd が読む場所を指定するか、{source} の Include 行を確認してください。",
        ["explain.check.CANDIDATE_NOT_READ"] = "提案されたファイルは sshd に読み込まれません（その場所を含む Include がありません）。",
        ["ui.candidate.file"] = "候補: {path}（元: {source}）",
        ["ui.candidate.judged"] = "判定したアカウント: {accounts} · 鍵: {keys} · 鍵のないアカウント: {keyless}",
        ["ui.candidate.certificate"] = "証明書（CA {ca}、プリンシパル {principal}）",
        ["ui.candidate.judged_certificates"] = "判定した証明書（CA とプリンシパルの組ごとに 1 つ）: {count}",
        ["ui.candidate.server_down"] = "この候補では sshd が起動（または再読み込み）できず、誰もログインできなくなります。",
        ["ui.candidate.heading.lost"] = "アクセスを失うもの",
        ["ui.candidate.heading.may_lose"] = "アクセスを失う可能性があるもの（クライアントのアドレス次第: --from を指定）",
        ["ui.candidate.heading.gained"] = "新たにアクセスできるもの",
        ["ui.candidate.no_loss"] = "この候補で公開鍵によるアクセスを失うアカウントはありません。",
        ["ui.candidate.losing_all"] = "公開鍵によるアクセスをすべて失うアカウント: {users}",
        ["ui.candidate.some_keys_lost"] = "一部の鍵が使えなくなる（またはその可能性がある）ものの、各アカウントには使える鍵が少なくとも 1 つ残ります。",
        ["ui.candidate.invalid"] = "インストールしないでください。sshd -t で拒否されます（上記参照）。",
        ["ui.candidate.state.accepted"] = "許可",
        ["ui.candidate.state.refused"] = "拒否",
        ["ui.candidate.state.unknown"] = "判定不能",
        ["err.candidate_place"] = "--candidate {value}: ターゲット内の場所は「.」や「..」を含まない絶対パスにしてください。",
        ["err.candidate_twice"] = "同じ場所に候補が 2 つあります: {path}",
        ["err.candidate_unreadable"] = "候補ファイル {path} を読み込めません: {reason}",
        ["err.candidate.no_file"] = "ファイルがありません",
        ["err.candidate.too_big"] = "1 MiB を超えています",
        ["report.hosts"] = "ホスト: {hosts}（判定済み: {judged}）",
        ["report.heading.losing"] = "アクセスを失うアカウント（ホスト別）",
        ["report.by_hosts"] = "（項目、ホスト数、該当ホスト）",
        ["report.heading.not_judged"] = "判定できなかったホスト",
        ["report.result.loses_access"] = "アクセスを失うアカウントがあります。この変更は展開しないでください。",
        ["report.result.blocking"] = "現時点で公開鍵ログインを拒否しているホストがあります。ブロック要因を確認してください。",
        ["report.result.incomplete"] = "判定したホストにブロック要因はありませんが、判定できなかったホストがあります。",
        ["report.result.clean"] = "どのホストにも公開鍵ログインを妨げる要因はありません。",
        ["err.report_input"] = "{path} を読み込めません: {reason}",
        ["ansible.refused"] = "sshd が公開鍵ログインを拒否するアカウント: {users}",
        ["ansible.refused_one"] = "sshd は公開鍵ログインを拒否します。",
        ["ansible.ok"] = "公開鍵ログインを妨げる要因はありません。",
    };
}
