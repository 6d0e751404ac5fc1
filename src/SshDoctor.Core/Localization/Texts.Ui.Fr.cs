namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd accepte cette clé pour {user}.",
        ["ui.verdict.accepted_nokey"] = "Rien n'empêche la connexion par clé publique pour {user}.",
        ["ui.verdict.refused"] = "sshd refuse cette clé pour {user}.",
        ["ui.verdict.refused_nokey"] = "sshd refuse la connexion par clé publique pour {user}.",
        ["ui.verdict.unknown"] = "Impossible de conclure pour {user} pour l'instant : voir les remarques.",
        ["ui.heading.blocking"] = "Problèmes bloquants",
        ["ui.heading.warning"] = "Avertissements",
        ["ui.heading.info"] = "Remarques",
        ["ui.fix"] = "Correction",
        ["ui.target"] = "Cible : {root} ({os}, OpenSSH {sshd})",
        ["ui.key"] = "Clé : {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "Connexion par clé publique : acceptée pour {accepted} utilisateurs sur {total}, refusée pour {refused}.",
        ["ui.nothing"] = "Aucun problème détecté.",

        ["err.root_missing"] = "{root} n'existe pas.",
        ["err.root_not_dir"] = "{root} n'est pas un répertoire.",
        ["err.root_unreadable"] = "Impossible de lire {root} : {reason}.",
        ["err.root_not_linux"] = "{root} ne ressemble pas à un système de fichiers racine Linux : {missing} est absent.",
        ["err.key_unreadable"] = "Impossible de lire la clé {path} : {reason}.",
        ["err.user_and_all"] = "Indiquez soit --user, soit --all-users, mais pas les deux.",
        ["err.from_invalid"] = "--from {value} n'est pas une adresse IP.",
        ["err.user_required"] = "Indiquez --user NOM (ou --all-users).",
        ["err.internal"] = "Erreur inattendue : {detail}. Merci de la signaler.",
        ["err.needs_root"] = "Impossible de lire {path} : permission refusée. sshdoctor lit les fichiers du serveur comme sshd, ce qui demande les droits root : lancez-le avec sudo.",

        ["reason.not_searchable"] = "l'utilisateur ne peut pas entrer dans {path}",
        ["reason.not_readable"] = "l'utilisateur ne peut pas lire {path}",
        ["reason.not_owner"] = "l'utilisateur n'est pas propriétaire de {path}",
    };
}
