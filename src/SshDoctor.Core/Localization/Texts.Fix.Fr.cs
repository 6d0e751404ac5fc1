namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plan :",
        ["fix.dry_run"] = "Simulation : rien n'a été modifié. Relancez la même commande sans --dry-run pour appliquer ces changements.",
        ["fix.applied"] = "{count#one=# modification appliquée|other=# modifications appliquées} lors de l'exécution {run}. Pour revenir à l'état précédent : {undo}",
        ["fix.nothing"] = "Rien que fix puisse réparer.",
        ["fix.skipped"] = "Non traité :",
        ["fix.before_after"] = "Avant : {before}. Après : {after}.",
        ["fix.failed"] = "La réparation a échoué et toutes les modifications ont été annulées : {reason}",
        ["fix.skip.no_key"] = "nécessite --key : fix n'ajoute que la clé qu'on lui fournit",
        ["fix.skip.needs_config_flag"] = "choix qui revient à l'administrateur : appliquez-le avec --allow-config-edit ou lancez la commande vous-même",
        ["fix.skip.needs_account_flag"] = "choix qui revient à l'administrateur : appliquez-le avec --allow-account-edit ou lancez la commande vous-même",
        ["fix.skip.policy"] = "fix ne modifie pas cela : c'est un choix d'administration, ou cela se trouve hors des fichiers",
        ["fix.verdict.accepted_after_reload"] = "acceptée par les fichiers, pas encore par le sshd en cours d’exécution",
        ["fix.reload_needed"] = "Le sshd en cours d’exécution applique toujours l’ancienne règle : il ne lit la configuration modifiée qu’après un rechargement. Rechargez-le quand vous êtes prêt : {command}",
        ["fix.verdict.accepted"] = "acceptée",
        ["fix.verdict.refused"] = "refusée",
        ["fix.verdict.unknown"] = "indéterminé",
        ["fix.undo.done"] = "Exécution {run} annulée : {count#one=# chemin restauré|other=# chemins restaurés}.",
        ["fix.undo.none"] = "Aucune exécution de sshdoctor à annuler sous {root}.",
        ["fix.undo.unknown"] = "Aucune exécution {run} sous {root}/var/backups/sshdoctor.",
        ["fix.undo.already"] = "L'exécution {run} a déjà été annulée.",
        ["fix.undo.broken"] = "Le journal de l'exécution {run} est illisible ; rien n'a été modifié.",
        ["fix.undo.failed"] = "L'annulation de l'exécution {run} a échoué : {reason}",
        ["fix.note.append_key"] = "ajouter la clé",
        ["fix.note.rewrite_line"] = "réécrire la ligne {line} sous une forme valide",
        ["fix.note.to_utf8"] = "convertir en UTF-8 en conservant chaque ligne",
        ["fix.note.with_key"] = "avec la clé",
        ["fix.note.admit"] = "ligne {line}, {directive} : admettre {user}",
        ["fix.note.pubkey_yes"] = "ligne {line} : PubkeyAuthentication yes",
        ["fix.note.unlock"] = "{user} : déverrouiller le compte",
        ["fix.note.no_expiry"] = "{user} : supprimer la date d'expiration",
        ["fix.note.no_forced_change"] = "{user} : ne plus imposer de changement de mot de passe",
        ["fix.note.login_shell"] = "{user} : shell de connexion {shell}",
    };
}
