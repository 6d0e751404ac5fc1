namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> KeysEn = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        // Why a file cannot be read as a key (one line on stderr, exit 2).
        ["keys.error.too_big"] = "The file is larger than {max}: it is not a key file.",
        ["keys.error.damaged"] = "The file looks like a key but is damaged ({detail}).",
        ["keys.error.is_directory"] = "{path} is a directory, not a key file.",
        ["keys.error.not_found"] = "{path}: no such file.",
        ["keys.error.unreadable"] = "Cannot read {path}: {detail}.",
        ["keys.error.inconsistent"] = "The private and public parts of this key do not match: the file is damaged.",
        ["keys.error.unsupported_curve"] = "Elliptic curve {curve} cannot be used with SSH (only nistp256, nistp384 and nistp521 can).",
        ["keys.error.unsupported_algorithm"] = "Key algorithm {algorithm} is not supported.",
        ["keys.error.empty"] = "The file is empty.",
        ["keys.error.binary"] = "This is a binary file, not a key file (SSH keys are text).",
        ["keys.error.unrecognized"] = "This is not a key file sshdoctor recognizes (OpenSSH, PEM, PKCS#8, PuTTY .ppk or RFC 4716).",
        ["keys.error.truncated"] = "The {format} data is incomplete: the file was cut off or only partly copied.",
        ["keys.error.bad_base64"] = "The {format} data is not valid base64: the file was damaged or edited.",
        ["keys.error.x509"] = "This is an X.509 certificate, not an SSH key.",
        ["keys.error.ssh_certificate"] = "This is an OpenSSH certificate, not a key: inspect the key it was issued for.",
        ["keys.error.damaged_public"] = "This {type} public key line is damaged (its base64 was cut, wrapped or edited).",
        ["keys.error.ppk_v1"] = "This PuTTY key uses the obsolete version 1 format: open it in a recent PuTTYgen and save it again.",
        ["keys.error.ppk_version"] = "Unknown PuTTY key file version ({version}).",
        ["keys.error.ssh1"] = "This is an SSH protocol 1 key, which no current server accepts.",
        ["keys.error.sshcom"] = "This is an ssh.com (SECSH) private key: import it into PuTTYgen (Conversions > Import key) and save it in another format first.",
        ["keys.error.unsupported_pem"] = "The PEM block \"{label}\" is not an SSH key.",
        ["keys.error.bad_passphrase"] = "Wrong passphrase: it does not decrypt this key.",
        ["keys.error.unsupported_cipher"] = "The key is encrypted with {cipher}, which sshdoctor does not support.",
        ["keys.error.unsupported_kdf"] = "The key's passphrase is derived with {kdf}, which sshdoctor does not support.",
    };
}
