namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> FixFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["fix.plan"] = "Plan :",
        ["fix.dry_run"] = "Simulation : rien n'a été modifié. Relancez la même commande sans --dry-run pour appliquer ces changements.",
        ["fix.applied"] = "{count} modification(s) appliquée(s) dans l'exécution {run}. Pour revenir à l'état précédent : sshdoctor undo --run {run}",
        ["fix.nothing"] = "Rien que fix puisse réparer.",
        ["fix.skipped"] = "Non traité :",
        ["fix.before_after"] = "Avant : {before}. Après : {after}.",
        ["fix.failed"] = "La réparation a échoué : {reason}",
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
        ["fix.rollback.all"] = "Toutes les modifications faites par cette exécution ont été annulées.",
        ["fix.rollback.nothing"] = "Rien n'avait encore été modifié.",
        ["fix.rollback.incomplete"] = "L'annulation est incomplète : ce qui est listé ci-dessous n'a pas été restauré. Les sauvegardes sont conservées dans {dir}.",
        ["fix.undo.not_restored"] = "Non restauré : {path} ({reason})",
        ["fix.undo.incomplete"] = "L'annulation de l'exécution {run} est incomplète : restaurés {restored}, laissés en l'état {failed} (liste ci-dessus).",
        ["fix.undo.untrusted"] = "L'exécution {run} n'a pas été enregistrée sur cette machine ({record} est absent) : son journal se trouve dans la cible, qui a pu le falsifier. Lancez undo sur la machine qui a lancé fix, ou ajoutez --trust-journal pour ne restaurer que ce qui passe toutes les vérifications.",
        ["fix.skip.hardlinked"] = "un fichier qui a plusieurs liens physiques : le modifier modifierait aussi les autres noms, fix n'y touche donc pas",
        ["fix.skip.too_large"] = "le fichier est trop gros pour être réécrit en entier, et fix ne réécrit jamais une partie d'un fichier",
        ["fix.skip.outside"] = "le chemin sort de la cible ou passe par « .. » là où rien n'existe : fix ne le crée pas",
    };
}
