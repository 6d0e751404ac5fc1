namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> SsmFr => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["ssm.item.nothing"] = "sshdoctor check n'a rien trouvé à signaler.",
        ["ssm.item.loses_all"] = "{user} perd tout accès SSH avec la configuration candidate.",
        ["ssm.ui.sent"] = "{count} éléments de conformité envoyés pour {instance} en tant que {type} : {noncompliant} non conformes.",
        ["ssm.ui.parameter_written"] = "Paramètre {name} (version {version}) écrit dans {file} (mode 0600) ; jugez-le avec : sshdoctor check --all-users --candidate {file}",
        ["ssm.err.no_instance"] = "Aucun ID d'instance : donnez --instance-id, ou lancez la commande par l'agent SSM (il définit AWS_SSM_INSTANCE_ID).",
        ["ssm.err.bad_instance"] = "Ce n'est pas un ID d'instance gérée : {value} (attendu : i- ou mi- et 8 ou 17 chiffres hexadécimaux).",
        ["ssm.err.bad_type"] = "Ce n'est pas un type de conformité personnalisé : {value} (attendu : Custom:NOM, NOM étant de 1 à 100 lettres, chiffres, espaces ou _.:/=+@-).",
        ["ssm.err.input"] = "{file} n'est pas le JSON de sshdoctor check --json : {detail}",
        ["ssm.err.input_error"] = "{file} est un document d'erreur de sshdoctor, pas un résultat ({detail}).",
        ["ssm.err.read"] = "Impossible de lire {file} : {detail}",
        ["ssm.err.bad_name"] = "Ce n'est pas un nom de paramètre : {value} (lettres, chiffres et _.-/ seulement).",
        ["ssm.err.file_exists"] = "{file} existe déjà : sshdoctor ssm parameter n'écrit qu'un nouveau fichier (supprimez-le ou choisissez un autre nom).",
        ["ssm.err.write"] = "Impossible d'écrire {file} : {detail}",
        ["ssm.err.parameter_not_found"] = "Le paramètre {name} n'existe pas dans cette région (ssm:GetParameter a répondu ParameterNotFound).",
    };
}
