namespace SshDoctor.Core.Keys;

public enum KeyFormat
{
    OpenSshPublicLine,
    Rfc4716Public,
    OpenSshPrivate,
    PemPkcs1Rsa,
    PemSec1Ec,
    PemDsa,
    Pkcs8,
    Pkcs8Encrypted,
    PpkV2,
    PpkV3,
}

/// <summary>What a key file holds. <see cref="Public"/> is null only when the format keeps it encrypted.</summary>
public sealed record KeyFileInfo(KeyFormat Format, PublicKey? Public, bool Encrypted, string Comment);

/// <summary>Thrown for a file that is not a key sshdoctor can read; the message is one clear line.</summary>
public sealed class KeyFormatException(string message) : Exception(message);

/// <summary>Recognizes every supported key format and extracts its public half.</summary>
public static partial class KeyFile
{
    public static KeyFileInfo Load(string path)
    {
        byte[] content;
        try { content = File.ReadAllBytes(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFormatException($"{path}: {e.Message}");
        }
        return Parse(content);
    }

    public static KeyFileInfo Parse(byte[] content)
    {
        var text = System.Text.Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        var firstLine = text.TrimStart().Split('\n', 2)[0].Trim();
        if (PublicKey.FromOpenSshLine(firstLine) is { } pub)
            return new KeyFileInfo(KeyFormat.OpenSshPublicLine, pub, false, pub.Comment);
        return ParsePrivateOrOther(text, content);
    }

    // The other formats (OpenSSH private, PEM, PKCS#8, PPK, RFC 4716) live in KeyFile.*.cs.
    private static partial KeyFileInfo ParsePrivateOrOther(string text, byte[] content);
}
