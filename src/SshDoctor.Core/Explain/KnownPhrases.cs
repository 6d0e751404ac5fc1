namespace SshDoctor.Core.Explain;

/// <summary>
/// Every phrase the recognizer knows: OpenSSH and PuTTY client messages (English only), WinSCP's
/// messages in each of its languages, and the wordings of the localized cloud documentation users copy.
/// "Permission denied (…)" and "server sent: …" are read by <see cref="Explainer"/> itself (their
/// method list matters).
/// </summary>
public static class KnownPhrases
{
    private static readonly (ClientMessage Kind, string Source, string Text)[] Fixed =
    [
        // PuTTY / plink / pscp / psftp
        (ClientMessage.KeyRefused, "putty", "Server refused our key"),
        (ClientMessage.SignatureRefused, "putty", "Server refused public-key signature despite accepting key!"),
        (ClientMessage.KeyFileFormat, "putty", "Unable to use key file \"%s\""),
        (ClientMessage.KeyFileFormat, "putty", "Couldn't load private key"),
        (ClientMessage.KeyFileFormat, "putty", "not a private key"),
        (ClientMessage.KeyFileFormat, "putty", "PuTTY key format too new"),
        (ClientMessage.KeyFileFormat, "putty", "Unable to load key file"),
        (ClientMessage.KeyEncrypted, "putty", "Wrong passphrase"),
        (ClientMessage.KeyEncrypted, "putty", "Passphrase for key \"%s\""),
        (ClientMessage.HostKeyChanged, "putty", "WARNING - POTENTIAL SECURITY BREACH"),
        (ClientMessage.HostKeyChanged, "putty", "The host key does not match the one PuTTY has cached"),
        (ClientMessage.HostKeyChanged, "putty", "The server's host key does not match the one PuTTY has cached"),
        (ClientMessage.HostKeyUnknown, "putty", "The server's host key is not cached"),
        (ClientMessage.HostKeyUnknown, "putty", "host key is not cached in the registry"),
        (ClientMessage.ConnectionRefused, "putty", "Network error: Connection refused"),
        (ClientMessage.TooManyFailures, "putty", "Too many authentication failures"),
        (ClientMessage.ConnectionTimedOut, "putty", "Network error: Connection timed out"),
        (ClientMessage.ConnectionTimedOut, "putty", "Network error: No route to host"),
        (ClientMessage.ConnectionTimedOut, "putty", "Network error: Network is unreachable"),
        (ClientMessage.ConnectionReset, "putty", "Network error: Connection reset by peer"),
        (ClientMessage.ConnectionReset, "putty", "Network error: Software caused connection abort"),
        (ClientMessage.ConnectionReset, "putty", "Server unexpectedly closed network connection"),
        (ClientMessage.NoCommonAlgorithm, "putty", "Couldn't agree a key exchange algorithm"),
        (ClientMessage.NoCommonAlgorithm, "putty", "Couldn't agree a host key algorithm"),
        (ClientMessage.NoCommonAlgorithm, "putty", "Couldn't agree a client-to-server cipher"),

        // OpenSSH client
        (ClientMessage.KeyPermissions, "openssh", "UNPROTECTED PRIVATE KEY FILE"),
        (ClientMessage.KeyPermissions, "openssh", "are too open"),
        (ClientMessage.KeyPermissions, "openssh", "This private key will be ignored"),
        (ClientMessage.KeyPermissions, "openssh", "Load key \"%s\": bad permissions"),
        (ClientMessage.KeyFileFormat, "openssh", "Load key \"%s\": invalid format"),
        (ClientMessage.KeyFileFormat, "openssh", "Load key \"%s\": error in libcrypto"),
        (ClientMessage.KeyFileFormat, "openssh", "invalid format"),
        (ClientMessage.KeyFileFormat, "openssh", "error in libcrypto"),
        (ClientMessage.KeyFileFormat, "openssh", "no such identity: %s: No such file or directory"),
        (ClientMessage.KeyFileFormat, "openssh", "Identity file %s not accessible"),
        (ClientMessage.KeyEncrypted, "openssh", "incorrect passphrase supplied to decrypt private key"),
        (ClientMessage.KeyEncrypted, "openssh", "Enter passphrase for key"),
        (ClientMessage.HostKeyChanged, "openssh", "REMOTE HOST IDENTIFICATION HAS CHANGED"),
        (ClientMessage.HostKeyChanged, "openssh", "POSSIBLE DNS SPOOFING DETECTED"),
        (ClientMessage.HostKeyChanged, "openssh", "Host key for %s has changed"),
        (ClientMessage.HostKeyChanged, "openssh", "Offending %s key in"),
        (ClientMessage.HostKeyChanged, "openssh", "Host key verification failed"),
        (ClientMessage.HostKeyUnknown, "openssh", "The authenticity of host"),
        (ClientMessage.HostKeyUnknown, "openssh", "can't be established"),
        (ClientMessage.ConnectionRefused, "openssh", "Connection refused"),
        (ClientMessage.ConnectionTimedOut, "openssh", "Connection timed out"),
        (ClientMessage.ConnectionTimedOut, "openssh", "Operation timed out"),
        (ClientMessage.ConnectionTimedOut, "openssh", "connect to host %s port %s: No route to host"),
        (ClientMessage.ConnectionTimedOut, "openssh", "connect to host %s port %s: Network is unreachable"),
        (ClientMessage.ConnectionReset, "openssh", "kex_exchange_identification: read: Connection reset by peer"),
        (ClientMessage.ConnectionReset, "openssh", "kex_exchange_identification: Connection closed by remote host"),
        (ClientMessage.ConnectionReset, "openssh", "ssh_exchange_identification: Connection closed by remote host"),
        (ClientMessage.ConnectionReset, "openssh", "ssh_exchange_identification: read: Connection reset by peer"),
        (ClientMessage.NoCommonAlgorithm, "openssh", "no matching key exchange method found"),
        (ClientMessage.NoCommonAlgorithm, "openssh", "no matching host key type found"),
        (ClientMessage.NoCommonAlgorithm, "openssh", "no matching cipher found"),
        (ClientMessage.NoCommonAlgorithm, "openssh", "no matching MAC found"),
        (ClientMessage.SessionManagerClosed, "openssh", "Connection closed by UNKNOWN port 65535"),
        (ClientMessage.TooManyFailures, "openssh", "Too many authentication failures"),
        (ClientMessage.AccountUnavailable, "openssh", "This account is currently not available"),
        (ClientMessage.CloudInitRoot, "cloud-init", "Please login as the user"),
        (ClientMessage.CloudInitRoot, "cloud-init", "rather than the user \"root\""),
        (ClientMessage.AccountExpired, "openssh", "Your account has expired"),
        (ClientMessage.AccountExpired, "openssh", "account has expired"),
        (ClientMessage.Nologin, "systemd", "Unprivileged users are not permitted to log in yet"),
        (ClientMessage.Nologin, "systemd", "System is booting up"),
        (ClientMessage.NoMutualSignature, "openssh", "no mutual signature algorithm"),
        (ClientMessage.NoMutualSignature, "openssh", "no mutual signature supported"),
        (ClientMessage.AuthenticationFailed, "library", "Authentication failed"),
        (ClientMessage.NoSupportedMethods, "openssh", "No supported authentication methods available"),

        // Localized cloud documentation users quote (AWS knowledge center, FR/PT/KO/JA)
        (ClientMessage.KeyRefused, "doc", "Clé refusée par le serveur"),
        (ClientMessage.KeyRefused, "doc", "O servidor recusou nossa chave"),
        (ClientMessage.KeyRefused, "doc", "O servidor recursou nossa chave"),
        (ClientMessage.KeyRefused, "doc", "O servidor recusou a nossa chave"),
        (ClientMessage.KeyRefused, "doc", "서버에서 키 거부"),
        (ClientMessage.KeyRefused, "doc", "서버가 키를 거부했"),
        (ClientMessage.KeyRefused, "doc", "서버가 키를 거부"),
        (ClientMessage.KeyRefused, "doc", "サーバーが鍵を拒否しました"),
        (ClientMessage.KeyRefused, "doc", "サーバーがキーを拒否しました"),
        (ClientMessage.KeyRefused, "doc", "サーバがキーを拒否しました"),
        (ClientMessage.KeyRefused, "doc", "サーバーがキーを拒否"),
        (ClientMessage.NoSupportedMethods, "doc", "Aucune méthode d'authentification prise en charge n'est disponible"),
        (ClientMessage.NoSupportedMethods, "doc", "Não há métodos de autenticação compatíveis"),
        (ClientMessage.NoSupportedMethods, "doc", "Nenhum método de autenticação compatível disponível"),
        (ClientMessage.NoSupportedMethods, "doc", "지원되는 인증 방법을 사용할 수 없음"),
        (ClientMessage.NoSupportedMethods, "doc", "サポートされている認証方法がありません"),
    ];

    private static PhrasePattern[]? _all;

    public static IReadOnlyList<PhrasePattern> All => _all ??= Build();

    private static PhrasePattern[] Build()
    {
        var list = new List<PhrasePattern>();
        foreach (var (kind, source, text) in Fixed) list.Add(new PhrasePattern(kind, text, source));
        foreach (var (lang, _, kind, text) in WinScpTexts.All) list.Add(new PhrasePattern(kind, text, "winscp:" + lang));
        return list.Where(p => p.Usable).ToArray();
    }
}
