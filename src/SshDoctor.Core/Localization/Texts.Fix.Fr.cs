namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plan :",
        ["fix.dry_run"] = "Simulation : rien n'a été modifié. Relancez la même commande sans --dry-run pour appliquer ces changements.",
        ["fix.applied"] = "{count} modification(s) appliquée(s) dans l'exécution {run}. Pour revenir à l'état précédent : {undo}",
        ["fix.nothing"] = "Rien que fix puisse réparer.",
        ["fix.skipped"] = "Non traité :",
        ["fix.before_after"] = "Avant : {before}. Après : {after}.",
        ["fix.verdict.accepted_after_reload"] = "acceptée par les fichiers, pas encore par le sshd en cours d’exécution",
        ["fix.reload_needed"] = "Le sshd en cours d’exécution applique toujours l’ancienne règle : il ne lit la configuration modifiée qu’après un rechargement. Rechargez-le quand vous êtes prêt : {command}",
        ["fix.failed"] = "La réparation a échoué et toutes les modifications ont été annulées : {reason}",
        ["fix.skip.no_key"] = "nécessite --key : fix n'ajoute que la clé qu'on lui fournit",
        ["fix.skip.needs_config_flag"] = "décision de politique : appliquez-la avec --allow-config-edit ou exécutez la commande vous-même",
        ["fix.skip.needs_account_flag"] = "décision de politique : appliquez-la avec --allow-account-edit ou exécutez la commande vous-même",
        ["fix.skip.policy"] = "fix ne modifie pas cela : c'est une décision de politique ou cela ne relève pas des fichiers",
        ["fix.verdict.accepted"] = "acceptée",
        ["fix.verdict.refused"] = "refusée",
        ["fix.verdict.unknown"] = "indéterminé",
        ["fix.undo.done"] = "Exécution {run} annulée : {count} chemin(s) restauré(s).",
        ["fix.undo.none"] = "Aucune exécution de sshdoctor à annuler sous {root}.",
        ["fix.undo.unknown"] = "Aucune exécution {run} sous {root}/var/backups/sshdoctor.",
        ["fix.undo.already"] = "L'exécution {run} a déjà été annulée.",
        ["fix.undo.broken"] = "Le journal de l'exécution {run} est illisible ; rien n'a été modifié.",
        ["fix.undo.failed"] = "L'annulation de l'exécution {run} a échoué : {reason}",
    };
}
