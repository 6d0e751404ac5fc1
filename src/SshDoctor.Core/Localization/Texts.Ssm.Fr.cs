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
        ["help.ssm"] = "Rendre compte de sshdoctor check par AWS Systems Manager : éléments de conformité de l'instance, et configurations candidates lues dans Parameter Store. docs/ssm/sshdoctor-check.json est le document de commande SSM qui exécute les deux sur chaque instance ciblée.",
        ["help.ssm.opt.profile"] = "Profil AWS (par défaut : AWS_PROFILE, sinon default).",
        ["help.ssm.opt.region"] = "Région AWS (par défaut : AWS_REGION, AWS_DEFAULT_REGION, celle du profil, puis celle des métadonnées de l'instance).",
        ["help.ssm.compliance"] = "Envoyer le résultat de sshdoctor check comme éléments de conformité SSM de l'instance : un par constat et par compte (CRITICAL : le compte perd tout accès avec la configuration candidate ; HIGH : bloquant ; MEDIUM : avertissement ; INFORMATIONAL : information, envoyée comme conforme), ou un seul élément conforme quand il n'y a rien à signaler. L'envoi remplace les éléments précédents du même type. Nécessite ssm:PutComplianceItems.",
        ["help.ssm.compliance.exit"] = "0 envoyé, 2 entrée invalide (pas d'ID d'instance, pas un document de check), 3 AWS a refusé ou échoué.",
        ["help.ssm.compliance.arg.file"] = "Le JSON de sshdoctor check --json (- pour l'entrée standard).",
        ["help.ssm.compliance.opt.type"] = "Le type de conformité : Custom:NOM (NOM : de 1 à 100 lettres, chiffres, espaces ou _.:/=+@-).",
        ["help.ssm.compliance.opt.instance_id"] = "L'instance gérée (par défaut : AWS_SSM_INSTANCE_ID, que l'agent SSM définit).",
        ["help.ssm.parameter"] = "Récupérer une configuration sshd candidate dans SSM Parameter Store (String, ou SecureString déchiffrée) dans un nouveau fichier, pour la juger avec check --candidate. Nécessite ssm:GetParameter, et kms:Decrypt pour une SecureString.",
        ["help.ssm.parameter.exit"] = "0 écrit, 2 entrée invalide (paramètre inexistant, le fichier existe déjà), 3 AWS a refusé ou échoué.",
        ["help.ssm.parameter.arg.name"] = "Le nom du paramètre (par exemple /sshdoctor/candidate).",
        ["help.ssm.parameter.opt.output"] = "Le fichier à écrire : il ne doit pas encore exister ; il est créé avec le mode 0600.",
        ["help.ex.ssm.compliance.1"] = "ce que le document SSM exécute sur chaque instance",
        ["help.ex.ssm.compliance.2"] = "en nommant l'instance, à partir d'un résultat enregistré",
        ["help.ex.ssm.parameter.1"] = "récupérer la configuration candidate, puis la juger",
    };
}
