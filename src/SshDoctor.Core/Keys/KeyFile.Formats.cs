namespace SshDoctor.Core.Keys;

public static partial class KeyFile
{
    /// <summary>Everything that is not a one-line OpenSSH public key: dispatch on the file's first marker.</summary>
    private static partial KeyFileInfo ParsePrivateOrOther(string text, byte[] content, string? passphrase)
    {
        var trimmed = text.TrimStart();
        if (trimmed.Length == 0)
            throw new KeyFormatException("keys.error.empty");
        if (LooksBinary(content, text))
            throw new KeyFormatException("keys.error.binary");

        if (trimmed.StartsWith("PuTTY-User-Key-File-", StringComparison.Ordinal))
            return ParsePpk(text, passphrase);
        if (trimmed.StartsWith("---- BEGIN SSH2 PUBLIC KEY ----", StringComparison.Ordinal))
            return ParseRfc4716(text);
        if (trimmed.StartsWith("---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", StringComparison.Ordinal))
            throw new KeyFormatException("keys.error.sshcom");
        if (trimmed.StartsWith("SSH PRIVATE KEY FILE FORMAT 1.1", StringComparison.Ordinal))
            throw new KeyFormatException("keys.error.ssh1");

        if (PemBlock.FindFirst(text) is { } pem)
            return ParsePem(pem, passphrase);

        // A public key line with authorized_keys options in front, or a certificate, or a damaged line.
        var firstLine = trimmed.Split('\n', 2)[0].Trim();
        var words = firstLine.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        // Options come before the key type; only words that name a key type are tried (a long line stays linear).
        for (var i = 0; i + 1 < words.Length && i < 64; i++)
        {
            if (!IsKnownType(words[i])) continue;
            if (PublicKey.FromOpenSshLine(words[i] + " " + words[i + 1]) is { } pub)
            {
                var comment = i + 2 < words.Length ? string.Join(' ', words[(i + 2)..]) : "";
                pub = pub.WithComment(comment);
                return new KeyFileInfo(KeyFormat.OpenSshPublicLine, pub, false, comment) { KeyType = pub.Type };
            }
        }
        if (words.Length > 0 && words[0].Contains("-cert-v01@openssh.com", StringComparison.Ordinal))
            throw new KeyFormatException("keys.error.ssh_certificate");
        if (words.Length > 0 && IsKnownType(words[0]))
            throw new KeyFormatException("keys.error.damaged_public", ("type", words[0]));
        throw new KeyFormatException("keys.error.unrecognized");
    }

    internal static bool IsKnownType(string type) => type is "ssh-rsa" or "ssh-dss" or "ssh-ed25519"
        or "ecdsa-sha2-nistp256" or "ecdsa-sha2-nistp384" or "ecdsa-sha2-nistp521"
        or "sk-ssh-ed25519@openssh.com" or "sk-ecdsa-sha2-nistp256@openssh.com";

    /// <summary>NUL bytes, or text that did not decode as UTF-8, mean this is not a text key file.</summary>
    private static bool LooksBinary(byte[] content, string text)
    {
        if (Array.IndexOf(content, (byte)0) >= 0 && !text.Contains("-----BEGIN", StringComparison.Ordinal)) return true;
        var bad = 0;
        foreach (var c in text)
            if (c == '\uFFFD' || (char.IsControl(c) && c is not ('\r' or '\n' or '\t')))
                bad++;
        return bad > 0;
    }

    /// <summary>Base64 with whitespace anywhere (CR LF, wrapped lines); a bad character or length is a damaged file.</summary>
    internal static byte[] DecodeBase64(string body, string what)
    {
        try
        {
            return Convert.FromBase64String(body);
        }
        catch (FormatException)
        {
            throw new KeyFormatException("keys.error.bad_base64", ("format", what));
        }
    }
}
