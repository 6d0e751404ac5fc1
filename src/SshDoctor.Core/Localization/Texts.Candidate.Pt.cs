namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CandidatePt => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CANDIDATE_NOT_READ.message"] = "O sshd não leria o arquivo candidato {path}: nenhuma diretiva Include de {source} o abrange, então ele não muda nada.",
        ["CANDIDATE_NOT_READ.fix"] = "Indique o local que o sshd lê com --candidate FILE=/etc/ssh/sshd_config.d/NAME.conf, ou confira as linhas Include de {source}.",
        ["explain.check.CANDIDATE_NOT_READ"] = "Um arquivo proposto não seria lido pelo sshd (nenhum Include abrange o local dele).",
        ["ui.candidate.file"] = "Candidato: {path} (de {source})",
        ["ui.candidate.judged"] = "Contas avaliadas: {accounts} · chaves: {keys} · contas sem chave: {keyless}",
        ["ui.candidate.certificate"] = "certificado da autoridade {ca} para o principal {principal}",
        ["ui.candidate.judged_certificates"] = "Certificados avaliados (um por autoridade e principal): {count}",
        ["ui.candidate.server_down"] = "Com o candidato, o sshd não iniciaria (nem recarregaria): ninguém conseguiria entrar.",
        ["ui.candidate.heading.lost"] = "Perderiam o acesso",
        ["ui.candidate.heading.may_lose"] = "Poderiam perder o acesso (depende do endereço do cliente: informe --from)",
        ["ui.candidate.heading.gained"] = "Ganhariam acesso",
        ["ui.candidate.no_loss"] = "Ninguém perde o acesso por chave pública com o candidato.",
        ["ui.candidate.losing_all"] = "Contas que perderiam todo o acesso por chave pública: {users}.",
        ["ui.candidate.some_keys_lost"] = "Algumas chaves deixariam (ou poderiam deixar) de funcionar; cada conta mantém pelo menos uma chave que funciona.",
        ["ui.candidate.invalid"] = "Não o instale: o sshd -t o rejeitaria (veja acima).",
        ["ui.candidate.state.accepted"] = "aceita",
        ["ui.candidate.state.refused"] = "recusada",
        ["ui.candidate.state.unknown"] = "indefinida",
        ["err.candidate_place"] = "--candidate {value}: o local no destino deve ser um caminho absoluto sem componentes '.' ou '..'.",
        ["err.candidate_twice"] = "Dois candidatos para o mesmo local {path}.",
        ["err.candidate_unreadable"] = "Não foi possível ler o candidato {path}: {reason}.",
        ["err.candidate.no_file"] = "arquivo inexistente",
        ["err.candidate.too_big"] = "maior que 1 MiB",
        ["report.hosts"] = "Hosts: {hosts} (avaliados: {judged})",
        ["report.heading.losing"] = "Contas que perderiam o acesso, por host",
        ["report.by_hosts"] = "(constatação, número de hosts, quais)",
        ["report.heading.not_judged"] = "Hosts que não puderam ser avaliados",
        ["report.result.loses_access"] = "Alguém perderia o acesso: não implante a mudança.",
        ["report.result.blocking"] = "Alguns hosts recusam hoje logins por chave pública: veja os problemas bloqueantes.",
        ["report.result.incomplete"] = "Nada bloqueia nos hosts avaliados, mas alguns hosts não puderam ser avaliados.",
        ["report.result.clean"] = "Nada bloqueia o login por chave pública em nenhum host.",
        ["err.report_input"] = "Não foi possível ler {path}: {reason}.",
        ["ansible.refused"] = "O sshd recusa o login por chave pública para: {users}.",
        ["ansible.refused_one"] = "O sshd recusa o login por chave pública.",
        ["ansible.ok"] = "Nada bloqueia o login por chave pública.",
    };
}
