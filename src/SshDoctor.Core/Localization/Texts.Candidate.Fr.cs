namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CandidateFr => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CANDIDATE_NOT_READ.message"] = "sshd ne lirait pas le fichier candidat {path} : aucune directive Include de {source} ne le couvre, il ne change donc rien.",
        ["CANDIDATE_NOT_READ.fix"] = "Indiquez l'emplacement que sshd lit avec --candidate FILE=/etc/ssh/sshd_config.d/NAME.conf, ou vérifiez les lignes Include de {source}.",
        ["explain.check.CANDIDATE_NOT_READ"] = "Un fichier proposé ne serait pas lu par sshd (aucun Include ne couvre son emplacement).",
        ["ui.candidate.file"] = "Candidat : {path} (depuis {source})",
        ["ui.candidate.judged"] = "Comptes examinés : {accounts} · clés : {keys} · comptes sans clé : {keyless}",
        ["ui.candidate.certificate"] = "certificat de l'autorité {ca} pour le principal {principal}",
        ["ui.candidate.judged_certificates"] = "Certificats examinés (un par autorité et principal) : {count}",
        ["ui.candidate.server_down"] = "Avec le candidat, sshd ne démarrerait pas (et ne se rechargerait pas) : personne ne pourrait se connecter.",
        ["ui.candidate.heading.lost"] = "Perdraient l'accès",
        ["ui.candidate.heading.may_lose"] = "Pourraient perdre l'accès (selon l'adresse du client : précisez --from)",
        ["ui.candidate.heading.gained"] = "Obtiendraient l'accès",
        ["ui.candidate.no_loss"] = "Personne ne perd l'accès par clé publique avec le candidat.",
        ["ui.candidate.losing_all"] = "Comptes qui perdraient tout accès par clé publique : {users}.",
        ["ui.candidate.some_keys_lost"] = "Certaines clés cesseraient (ou pourraient cesser) de fonctionner ; chaque compte garde au moins une clé qui fonctionne.",
        ["ui.candidate.invalid"] = "Ne l'installez pas : sshd -t le refuserait (voir ci-dessus).",
        ["ui.candidate.state.accepted"] = "acceptée",
        ["ui.candidate.state.refused"] = "refusée",
        ["ui.candidate.state.unknown"] = "indéterminée",
        ["err.candidate_place"] = "--candidate {value} : l'emplacement dans la cible doit être un chemin absolu sans composant « . » ni « .. ».",
        ["err.candidate_twice"] = "Deux candidats pour le même emplacement {path}.",
        ["err.candidate_unreadable"] = "Impossible de lire le candidat {path} : {reason}.",
        ["err.candidate.no_file"] = "fichier introuvable",
        ["err.candidate.too_big"] = "plus de 1 Mio",
        ["report.hosts"] = "Hôtes : {hosts} (examinés : {judged})",
        ["report.heading.losing"] = "Comptes qui perdraient l'accès, par hôte",
        ["report.by_hosts"] = "(constat, nombre d'hôtes, lesquels)",
        ["report.heading.not_judged"] = "Hôtes qui n'ont pas pu être examinés",
        ["report.result.loses_access"] = "Quelqu'un perdrait l'accès : ne déployez pas la modification.",
        ["report.result.blocking"] = "Certains hôtes refusent aujourd'hui les connexions par clé publique : voir les problèmes bloquants.",
        ["report.result.incomplete"] = "Rien ne bloque sur les hôtes examinés, mais certains hôtes n'ont pas pu être examinés.",
        ["report.result.clean"] = "Rien ne bloque la connexion par clé publique, sur aucun hôte.",
        ["err.report_input"] = "Impossible de lire {path} : {reason}.",
        ["ansible.refused"] = "sshd refuse la connexion par clé publique pour : {users}.",
        ["ansible.refused_one"] = "sshd refuse la connexion par clé publique.",
        ["ansible.ok"] = "Rien ne bloque la connexion par clé publique.",
    };
}
