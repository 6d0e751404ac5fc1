namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static IReadOnlyDictionary<string, string> CertsFr => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["CERT_CA_UNTRUSTED.message"] = "Le certificat (identifiant {key_id}) est signé par l'autorité {ca}, à laquelle sshd ne fait confiance pour {user} ni dans TrustedUserCAKeys ni sur une ligne cert-authority\u202F: le certificat est refusé.",
        ["CERT_CA_UNTRUSTED.fix"] = "Faites signer la clé par une autorité reconnue par ce serveur ou, si l'autorité {ca} doit être reconnue, ajoutez-la à TrustedUserCAKeys ou sur une ligne cert-authority du fichier authorized_keys de {user}.",
        ["CERT_PRINCIPAL_MISMATCH.message"] = "Le certificat (identifiant {key_id}, principaux {principals}) ne porte aucun principal que {via} autorise pour {user}\u202F: {detail}.",
        ["CERT_PRINCIPAL_MISMATCH.fix"] = "Émettez un certificat avec le bon principal (ssh-keygen -s … -n), ou ajoutez l'un de ses principaux là où sshd cherche ceux de {user}.",
        ["CERT_VALIDITY.message"] = "Le certificat (identifiant {key_id}) est valable du {valid_after} au {valid_before}\u202F; sshd le refuse par {via}\u202F: {detail}.",
        ["CERT_VALIDITY.fix"] = "Émettez un nouveau certificat valable dès maintenant (ssh-keygen -s … -V) et vérifiez l'horloge du serveur.",
        ["CERT_SOURCE_ADDRESS.message"] = "Le certificat n'admet que les clients venant de {pattern} ({via}), et {from} n'en fait pas partie.",
        ["CERT_SOURCE_ADDRESS.fix"] = "Connectez-vous depuis une adresse admise, ou émettez un certificat dont le source-address inclut {from}.",
        ["CERT_PRINCIPALS_COMMAND.message"] = "Les principaux admis pour cet utilisateur viennent de l'AuthorizedPrincipalsCommand {command} ({source})\u202F; sshdoctor n'exécute pas cette commande et ne peut donc pas trancher.",
        ["CERT_PRINCIPALS_COMMAND.fix"] = "Exécutez {command} sous son AuthorizedPrincipalsCommandUser et cherchez l'un des principaux du certificat dans ce qu'elle affiche.",
        ["PAM_ACCOUNT_DENIED.message"] = "L'étape «\u00A0account\u00A0» de PAM refuse {user} une fois la clé acceptée (UsePAM yes)\u202F: {reason}.",
        ["PAM_ACCOUNT_DENIED.fix"] = "Réparez l'entrée du compte dans /etc/shadow (par exemple avec chage) pour que pam_unix l'accepte.",
        ["PASSWORD_CHANGE_REQUIRED.message"] = "sshd accepte la clé pour {user}, puis PAM exige un changement de mot de passe ({reason})\u202F: sans terminal, la session se termine par «\u00A0Password change required but no TTY available\u00A0».",
        ["PASSWORD_CHANGE_REQUIRED.fix"] = "Connectez-vous avec ssh -t et changez le mot de passe, ou fixez une nouvelle date de dernier changement avec chage -d.",
        ["CLIENT_CONDITION.message"] = "Le résultat dépend du client\u202F: ce serveur refuse les signatures {algorithm}, donc les clients qui signent les clés RSA en rsa-sha2 sont acceptés et les plus anciens (PuTTY avant 0.75, WinSCP avant 5.19, OpenSSH avant 7.2, SSH.NET avant 2023.0.0, libssh2 avant 1.11, paramiko avant 2.9) sont refusés.",
        ["CLIENT_CONDITION.fix"] = "Relancez avec --client NOM-VERSION (par exemple --client putty-0.74) pour obtenir un verdict.",

        ["cert.principals.bad_token"] = "le chemin d'AuthorizedPrincipalsFile contient un jeton % invalide",
        ["cert.principals.missing"] = "le fichier AuthorizedPrincipalsFile n'existe pas",
        ["cert.principals.unreadable"] = "l'utilisateur ne peut pas lire le fichier AuthorizedPrincipalsFile",
        ["cert.principals.unsafe"] = "le fichier AuthorizedPrincipalsFile a un propriétaire ou des droits incorrects, et StrictModes le fait ignorer par sshd",
        ["cert.principals.not_listed"] = "le fichier AuthorizedPrincipalsFile n'en cite aucun",
        ["cert.principals.option"] = "l'option principals= n'en cite aucun",
        ["cert.principals.none"] = "le certificat ne porte aucun principal",
        ["cert.principals.name_not_listed"] = "le nom de l'utilisateur n'en fait pas partie",
        ["cert.validity.expired"] = "il a expiré",
        ["cert.validity.not_yet_valid"] = "il n'est pas encore valable",
        ["cert.validity.host_certificate"] = "c'est un certificat d'hôte, pas un certificat d'utilisateur",
        ["cert.validity.line_expired"] = "l'expiry-time de la ligne cert-authority est dépassé",
        ["pam.reason.inactive"] = "le mot de passe a expiré depuis plus longtemps que le délai d'inactivité de l'entrée shadow",
        ["pam.reason.no_shadow"] = "le compte n'a pas d'entrée dans /etc/shadow",
        ["pam.reason.lastchg_zero"] = "la date de dernier changement de l'entrée shadow vaut 0",
        ["pam.reason.max_age"] = "le mot de passe a dépassé sa durée de validité maximale",
        ["err.certificate_invalid"] = "Impossible de lire le certificat {path}\u202F: il annonce un type de certificat mais n'est pas un certificat OpenSSH valide.",
        ["err.client_invalid"] = "Client inconnu «\u202F{value}\u202F»\u202F: indiquez NOM-VERSION, par exemple putty-0.74, openssh-9.6, winscp-5.17, paramiko-2.8, libssh2-1.10 ou sshnet-2020.0.2.",

        ["explain.check.CERT_CA_UNTRUSTED"] = "L'autorité du certificat n'est peut-être reconnue ni dans TrustedUserCAKeys ni sur une ligne cert-authority.",
        ["explain.check.CERT_PRINCIPAL_MISMATCH"] = "Le certificat ne porte peut-être aucun principal admis pour cet utilisateur.",
        ["explain.check.CERT_VALIDITY"] = "Le certificat a peut-être expiré, ou n'est pas encore valable.",
        ["explain.check.CERT_SOURCE_ADDRESS"] = "Le source-address du certificat exclut peut-être le client.",
        ["explain.check.CERT_PRINCIPALS_COMMAND"] = "Les principaux ne peuvent venir que de l'AuthorizedPrincipalsCommand\u202F: exécutez-la et cherchez ceux du certificat.",
        ["explain.check.PAM_ACCOUNT_DENIED"] = "L'étape «\u00A0account\u00A0» de PAM refuse peut-être le compte (mot de passe inactif, pas d'entrée shadow, pam_access).",
        ["explain.check.PASSWORD_CHANGE_REQUIRED"] = "PAM exige peut-être un changement de mot de passe impossible sans terminal.",
        ["explain.check.CLIENT_CONDITION"] = "Le résultat dépend de la façon dont le client signe les clés RSA (rsa-sha2 ou non).",
    };
}
