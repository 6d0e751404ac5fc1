namespace SshDoctor.Core.Localization;

internal static partial class Texts
{
    public static readonly IReadOnlyDictionary<string, string> KeysPt = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["keys.error.too_big"] = "O arquivo tem mais de {max}: não é um arquivo de chave.",
        ["keys.error.damaged"] = "O arquivo parece uma chave, mas está danificado ({detail}).",
        ["keys.error.is_directory"] = "{path} é um diretório, não um arquivo de chave.",
        ["keys.error.not_found"] = "{path}: arquivo não encontrado.",
        ["keys.error.unreadable"] = "Não foi possível ler {path}: {detail}.",
        ["keys.error.inconsistent"] = "As partes privada e pública desta chave não correspondem: o arquivo está danificado.",
        ["keys.error.unsupported_curve"] = "A curva elíptica {curve} não pode ser usada com SSH (somente nistp256, nistp384 e nistp521).",
        ["keys.error.unsupported_algorithm"] = "O algoritmo de chave {algorithm} não é suportado.",
        ["keys.error.empty"] = "O arquivo está vazio.",
        ["keys.error.binary"] = "Este é um arquivo binário, não um arquivo de chave (chaves SSH são texto).",
        ["keys.error.unrecognized"] = "Este não é um arquivo de chave que o sshdoctor reconheça (OpenSSH, PEM, PKCS#8, PuTTY .ppk ou RFC 4716).",
        ["keys.error.truncated"] = "Os dados {format} estão incompletos: o arquivo foi cortado ou copiado só em parte.",
        ["keys.error.bad_base64"] = "Os dados {format} não são base64 válido: o arquivo foi danificado ou editado.",
        ["keys.error.x509"] = "Este é um certificado X.509, não uma chave SSH.",
        ["keys.error.ssh_certificate"] = "Este é um certificado OpenSSH, não uma chave: examine a chave para a qual ele foi emitido.",
        ["keys.error.damaged_public"] = "Esta linha de chave pública {type} está danificada (o base64 foi cortado, quebrado em linhas ou editado).",
        ["keys.error.ppk_v1"] = "Esta chave do PuTTY usa o formato antigo versão 1: abra-a em um PuTTYgen recente e salve-a de novo.",
        ["keys.error.ppk_version"] = "Versão de arquivo de chave do PuTTY desconhecida ({version}).",
        ["keys.error.ssh1"] = "Esta é uma chave do protocolo SSH 1, que nenhum servidor atual aceita.",
        ["keys.error.sshcom"] = "Esta é uma chave privada ssh.com (SECSH): importe-a antes no PuTTYgen (Conversions > Import key) e salve-a em outro formato.",
        ["keys.error.unsupported_pem"] = "O bloco PEM \"{label}\" não é uma chave SSH.",
        ["keys.error.bad_passphrase"] = "Senha incorreta: ela não descriptografa esta chave.",
        ["keys.error.unsupported_cipher"] = "A chave está criptografada com {cipher}, que o sshdoctor não suporta.",
        ["keys.error.unsupported_kdf"] = "A senha da chave é derivada com {kdf}, que o sshdoctor não suporta.",
    };
}
