namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> KeysFr = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["keys.error.too_big"] = "Le fichier dépasse {max} : ce n’est pas un fichier de clé.",
        ["keys.error.damaged"] = "Le fichier ressemble à une clé, mais il est endommagé ({detail}).",
        ["keys.error.is_directory"] = "{path} est un répertoire, pas un fichier de clé.",
        ["keys.error.not_found"] = "{path} : fichier introuvable.",
        ["keys.error.unreadable"] = "Impossible de lire {path} : {detail}.",
        ["keys.error.inconsistent"] = "Les parties privée et publique de cette clé ne correspondent pas : le fichier est endommagé.",
        ["keys.error.unsupported_curve"] = "La courbe elliptique {curve} n’est pas utilisable avec SSH (seules nistp256, nistp384 et nistp521 le sont).",
        ["keys.error.unsupported_algorithm"] = "L’algorithme de clé {algorithm} n’est pas pris en charge.",
        ["keys.error.empty"] = "Le fichier est vide.",
        ["keys.error.binary"] = "Ce fichier est binaire, ce n’est pas un fichier de clé (les clés SSH sont du texte).",
        ["keys.error.unrecognized"] = "Ce fichier n’est pas une clé reconnue par sshdoctor (OpenSSH, PEM, PKCS#8, PuTTY .ppk ou RFC 4716).",
        ["keys.error.truncated"] = "Les données {format} sont incomplètes : le fichier a été tronqué ou copié en partie seulement.",
        ["keys.error.bad_base64"] = "Les données {format} ne sont pas du base64 valide : le fichier a été endommagé ou modifié.",
        ["keys.error.x509"] = "Ceci est un certificat X.509, pas une clé SSH.",
        ["keys.error.ssh_certificate"] = "Ceci est un certificat OpenSSH, pas une clé : examinez la clé pour laquelle il a été émis.",
        ["keys.error.damaged_public"] = "Cette ligne de clé publique {type} est endommagée (son base64 a été coupé, renvoyé à la ligne ou modifié).",
        ["keys.error.ppk_v1"] = "Cette clé PuTTY utilise l’ancien format version 1 : ouvrez-la dans un PuTTYgen récent et enregistrez-la de nouveau.",
        ["keys.error.ppk_version"] = "Version de fichier de clé PuTTY inconnue ({version}).",
        ["keys.error.ssh1"] = "Ceci est une clé du protocole SSH 1, qu’aucun serveur actuel n’accepte.",
        ["keys.error.sshcom"] = "Ceci est une clé privée ssh.com (SECSH) : importez-la d’abord dans PuTTYgen (Conversions > Import key) et enregistrez-la dans un autre format.",
        ["keys.error.unsupported_pem"] = "Le bloc PEM « {label} » n’est pas une clé SSH.",
        ["keys.error.bad_passphrase"] = "Phrase de passe incorrecte : elle ne déchiffre pas cette clé.",
        ["keys.error.unsupported_cipher"] = "La clé est chiffrée avec {cipher}, que sshdoctor ne prend pas en charge.",
        ["keys.error.unsupported_kdf"] = "La phrase de passe de la clé est dérivée avec {kdf}, que sshdoctor ne prend pas en charge.",
    };
}
