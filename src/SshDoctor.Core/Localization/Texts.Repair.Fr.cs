namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> RepairFr => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["userdata.err.user_invalid"] = "« {user} » n'est pas un nom d'utilisateur valide (lettres, chiffres, « . », « _ » et « - », 32 caractères au plus, sans commencer par « - » ni par un chiffre).",
        ["userdata.intro"] = "Les données utilisateur sont sur la sortie standard. Au prochain démarrage, elles réparent la connexion SSH par clé de « {user} » sur l'instance (propriétaires, droits, ~/.ssh ou authorized_keys manquants, lignes de clé abîmées) et écrivent un compte rendu sur la console série.",
        ["userdata.key"] = "Clé ajoutée si elle manque : {type} {sha256} {comment}",
        ["userdata.nokey"] = "Pas de --key : le script corrige propriétaires et droits et crée ce qui manque, mais n'ajoute aucune clé.",
        ["userdata.warn.title"] = "Avant de commencer :",
        ["userdata.warn.instance_store"] = "Arrêter l'instance efface toutes les données de ses volumes de stockage d'instance. Si le périphérique racine est lui-même un volume de stockage d'instance, l'instance ne peut pas être arrêtée et cette méthode ne s'applique pas.",
        ["userdata.warn.asg"] = "Une instance membre d'un groupe Auto Scaling (y compris celles lancées par Amazon EMR, CloudFormation ou Elastic Beanstalk) peut être résiliée lorsqu'elle est arrêtée : retirez-la du groupe ou protégez-la contre la diminution de capacité avant de commencer.",
        ["userdata.warn.ip"] = "L'adresse IPv4 publique change à l'arrêt puis au démarrage de l'instance, sauf s'il s'agit d'une adresse IP Elastic.",
        ["userdata.warn.cloudinit"] = "L'image doit exécuter cloud-init (c'est le cas d'Amazon Linux, Ubuntu, Debian, RHEL et de la plupart des images cloud).",
        ["userdata.steps.title"] = "Étapes :",
        ["userdata.step.stop"] = "Arrêtez l'instance (console EC2 : État de l'instance > Arrêter l'instance). Arrêtez-la, ne la résiliez pas.",
        ["userdata.step.stop_cli"] = "Arrêtez l'instance : aws ec2 stop-instances --instance-ids {instance}",
        ["userdata.step.paste"] = "Sélectionnez l'instance, puis Actions > Paramètres de l'instance > Modifier les données utilisateur : collez le document entier tel quel, puis Enregistrer.",
        ["userdata.step.aws"] = "Enregistrez la sortie base64 dans {file}, puis définissez-la comme données utilisateur : aws ec2 modify-instance-attribute --instance-id {instance} --attribute userData --value file://{file}",
        ["userdata.step.start"] = "Démarrez l'instance (État de l'instance > Démarrer l'instance).",
        ["userdata.step.start_cli"] = "Démarrez l'instance : aws ec2 start-instances --instance-ids {instance}",
        ["userdata.step.console"] = "Lisez le compte rendu (lignes commençant par sshdoctor:) : aws ec2 get-console-output --instance-id {instance} --output text, ou Actions > Surveiller et dépanner > Obtenir le journal système.",
        ["userdata.step.login"] = "Connectez-vous : ssh -i VOTRE-CLÉ-PRIVÉE {user}@ADRESSE-PUBLIQUE",
        ["userdata.step.remove"] = "Supprimez ensuite les données utilisateur (arrêtez l'instance, Actions > Paramètres de l'instance > Modifier les données utilisateur, videz le champ, Enregistrer, démarrez) : tant qu'elles restent, elles s'exécutent à chaque démarrage.",
    };
}
