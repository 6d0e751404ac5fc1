namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> UiFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ui.verdict.accepted"] = "sshd accepte cette clé pour {user}.",
        ["ui.verdict.accepted_nokey"] = "Rien d’autre n’empêche la connexion par clé publique pour {user}, mais aucune clé n’a été indiquée : ajoutez --key FICHIER pour vérifier une clé précise.",
        ["ui.verdict.no_key_authorized"] = "Aucune clé n’est autorisée pour {user} : sshd n’a aucune clé à accepter. Indiquez la clé avec --key FICHIER pour savoir comment l’ajouter.",
        ["ui.verdict.refused"] = "sshd refuse cette clé pour {user}.",
        ["ui.verdict.refused_nokey"] = "sshd refuse la connexion par clé publique pour {user}.",
        ["ui.verdict.unknown"] = "Impossible de conclure pour {user} pour l'instant : voir les remarques.",
        ["ui.heading.blocking"] = "Problèmes bloquants",
        ["ui.heading.warning"] = "Avertissements",
        ["ui.heading.info"] = "Remarques",
        ["ui.fix"] = "Correction",
        ["ui.target"] = "Cible : {root} ({os}, OpenSSH {sshd})",
        ["ui.target.guessed"] = "Cible : {root} ({os}, probablement OpenSSH {sshd} : la version n'a pas pu être lue)",
        ["ui.key"] = "Clé : {type} {sha256} {comment}",
        ["ui.summary.all_users"] = "Connexion par clé publique : acceptée pour {accepted} {total#one=utilisateur sur #|other=utilisateurs sur #}, refusée pour {refused}.",
        ["ui.rescue_commands"] = "Les commandes ci-dessous sont destinées à cet hôte de secours : les chemins commencent par le point de montage du volume ({root}), les propriétaires sont numériques (uid:gid tels que sur le volume) et aucun service n’est rechargé, car le sshd du volume ne tourne pas ; il lira les fichiers réparés au démarrage de l’instance.",
        ["ui.nothing"] = "Aucun problème détecté.",

        ["err.root_missing"] = "{root} n'existe pas.",
        ["err.root_not_dir"] = "{root} n'est pas un répertoire.",
        ["err.root_unreadable"] = "Impossible de lire {root} : {reason}.",
        ["err.root_not_linux"] = "{root} ne ressemble pas à un système de fichiers racine Linux : {missing} est absent.",
        ["err.key_unreadable"] = "Impossible de lire la clé {path} : {reason}.",
        ["err.user_and_all"] = "Indiquez soit --user, soit --all-users, mais pas les deux.",
        ["err.from_invalid"] = "--from {value} n'est pas une adresse IP.",
        ["err.user_required"] = "Indiquez --user NOM (ou --all-users).",
        ["err.internal"] = "Erreur inattendue : {detail}. Merci de la signaler.",
        ["err.needs_root"] = "Impossible de lire {path} : permission refusée. sshdoctor lit les fichiers du serveur comme sshd, ce qui demande les droits root : lancez-le avec sudo.",

        ["reason.not_searchable"] = "l'utilisateur ne peut pas entrer dans {path}",
        ["reason.not_readable"] = "l'utilisateur ne peut pas lire {path}",
        ["reason.not_owner"] = "l'utilisateur n'est pas propriétaire de {path}",
        ["err.unknown_command"] = "« {token} » n'est pas une commande de sshdoctor.",
        ["err.unknown_option"] = "{command} n'a pas d'option {token}.",
        ["err.unexpected_argument"] = "{command} n'attend pas l'argument « {token} ».",
        ["err.did_you_mean"] = "Vouliez-vous dire {suggestion} ?",
        ["err.try_help"] = "Essayez « {help} ».",
        ["err.command_required"] = "Indiquez une commande : {commands}.",
        ["err.usage_other"] = "Ligne de commande invalide pour {command} : {detail}",
        ["err.lang_invalid"] = "--lang {value} : les langues sont en, fr, pt, ko et ja.",
    };
}
