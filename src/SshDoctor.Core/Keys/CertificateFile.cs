namespace SshDoctor.Core.Keys;

/// <summary>Finds the certificate a client would present: the file itself, or the -cert.pub beside a private key.</summary>
public static class CertificateFile
{
    /// <summary>A certificate line in <paramref name="content"/>; null when it holds none.</summary>
    public static Certificate? Parse(byte[] content)
    {
        if (content.Length > KeyFile.MaxFileSize) return null;
        var text = System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        foreach (var line in text.Split('\n'))
        {
            var t = line.Trim();
            if (t.Length == 0 || t[0] == '#') continue;
            return Certificate.FromOpenSshLine(t);
        }
        return null;
    }

    /// <summary>Whether the file's first word names a certificate type (so a malformed one is reported as such).</summary>
    public static bool LooksLikeCertificate(byte[] content)
    {
        var head = System.Text.Encoding.UTF8.GetString(content, 0, Math.Min(content.Length, 128)).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        var end = head.IndexOfAny([' ', '\t']);
        return end > 0 && Certificate.IsCertificateType(head[..end]);
    }

    /// <summary>
    /// Reads <paramref name="path"/> (bounded) when it is a certificate file. Returns false when the file is not one
    /// (a plain key); true with a null <paramref name="cert"/> when it names a certificate type but is malformed.
    /// </summary>
    public static bool TryLoad(string path, out Certificate? cert)
    {
        cert = null;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > KeyFile.MaxFileSize) return false;
            var bytes = File.ReadAllBytes(path);
            if (!LooksLikeCertificate(bytes)) return false;
            cert = Parse(bytes);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>ssh's convention: the certificate for private key "id_x" is "id_x-cert.pub".</summary>
    public static string BesidePrivateKey(string privatePath) => privatePath + "-cert.pub";
}
