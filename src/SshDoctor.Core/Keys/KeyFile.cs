using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.Localization;

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
    /// <summary>PEM `BEGIN PUBLIC KEY` (X.509 SubjectPublicKeyInfo) or `BEGIN RSA PUBLIC KEY` (PKCS#1).</summary>
    PemPublic,
}

/// <summary>Something about how a key file is written that some clients choke on.</summary>
public enum KeyFileNote
{
    /// <summary>Lines end with CR LF (copied through Windows / a web form).</summary>
    CrLf,
    /// <summary>The last line has no newline.</summary>
    NoFinalNewline,
    /// <summary>The text starts with a UTF-8 byte order mark.</summary>
    Utf8Bom,
    /// <summary>The text is UTF-16 (e.g. written by PowerShell's `&gt;`).</summary>
    Utf16,
}

/// <summary>What a key file holds. <see cref="Public"/> is null only when the format keeps it encrypted.</summary>
public sealed record KeyFileInfo(KeyFormat Format, PublicKey? Public, bool Encrypted, string Comment)
{
    /// <summary>The private key, when the file holds one and it is not encrypted (or was decrypted).</summary>
    public PrivateKey? Private { get; init; }

    /// <summary>The SSH key type when known, even when <see cref="Public"/> is encrypted (null: unknown).</summary>
    public string? KeyType { get; init; }

    /// <summary>Cipher protecting the private part ("aes256-ctr", "AES-128-CBC", "aes256-cbc" …), null when none.</summary>
    public string? Cipher { get; init; }

    /// <summary>Key derivation ("bcrypt", "Argon2id", "PBKDF2-HMAC-SHA256", "MD5" …), null when none.</summary>
    public string? Kdf { get; init; }

    public IReadOnlyList<KeyFileNote> Notes { get; init; } = [];

    /// <summary>True for every format that holds a private key (even when it is encrypted).</summary>
    public bool IsPrivate => Format is not (KeyFormat.OpenSshPublicLine or KeyFormat.Rfc4716Public or KeyFormat.PemPublic);

    /// <summary>True when a passphrase is needed to get at something this info lacks (public or private half).</summary>
    public bool NeedsPassphrase => Encrypted && Private is null;
}

/// <summary>Thrown for a file that is not a key sshdoctor can read; the message is one clear line.</summary>
public sealed class KeyFormatException : Exception
{
    /// <summary>A plain one-line message; a `keys.error.*` text key without arguments is localized like the other constructor.</summary>
    public KeyFormatException(string message) : this(message, []) { }

    /// <summary>A localized reason: <paramref name="textKey"/> is a `keys.error.*` text; the message is its English form.</summary>
    public KeyFormatException(string textKey, params (string Name, string Value)[] args)
        : base(IsTextKey(textKey) ? Messages.For(Lang.En).Get(textKey, args) : textKey)
    {
        TextKey = IsTextKey(textKey) ? textKey : null;
        var dict = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (n, v) in args) dict[n] = v;
        Args = dict;
    }

    private static bool IsTextKey(string s) => s.StartsWith("keys.error.", StringComparison.Ordinal) && !s.Contains(' ', StringComparison.Ordinal);

    /// <summary>The text key of the reason, null for an unlocalized message.</summary>
    public string? TextKey { get; }
    public IReadOnlyDictionary<string, string> Args { get; }

    /// <summary>True when the file is fine but the passphrase given does not open it.</summary>
    public bool WrongPassphrase => TextKey == "keys.error.bad_passphrase";

    public string Localized(Messages messages) => TextKey is null ? Message : messages.Get(TextKey, Args);
}

/// <summary>Recognizes every supported key format and extracts its public half.</summary>
public static partial class KeyFile
{
    /// <summary>Key files are small; anything bigger than this is not one (and is never read whole).</summary>
    public const int MaxFileSize = 1 << 20;

    public static KeyFileInfo Load(string path) => Load(path, null);

    /// <summary>Loads and, when <paramref name="passphrase"/> is given and the file is encrypted, decrypts it.</summary>
    public static KeyFileInfo Load(string path, string? passphrase) => Parse(ReadBounded(path), passphrase);

    public static KeyFileInfo Parse(byte[] content) => Parse(content, null);

    /// <summary>
    /// Parses a key file. With a passphrase, an encrypted private part is decrypted (a wrong one throws a
    /// <see cref="KeyFormatException"/> whose <see cref="KeyFormatException.WrongPassphrase"/> is true).
    /// </summary>
    public static KeyFileInfo Parse(byte[] content, string? passphrase)
    {
        if (content.Length > MaxFileSize)
            throw new KeyFormatException("keys.error.too_big", ("max", (MaxFileSize >> 20) + " MiB"));
        try
        {
            return ParseText(content, passphrase);
        }
        catch (KeyFormatException) { throw; }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException
                                      or InvalidOperationException or IndexOutOfRangeException or OverflowException
                                      or System.Formats.Asn1.AsnContentException or NotSupportedException
                                      or PlatformNotSupportedException or DecoderFallbackException)
        {
            throw new KeyFormatException("keys.error.damaged", ("detail", OneLine(e.Message)));
        }
    }

    private static KeyFileInfo ParseText(byte[] content, string? passphrase)
    {
        var notes = new List<KeyFileNote>();
        string text;
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
        {
            notes.Add(KeyFileNote.Utf16);
            text = (content[0] == 0xFF ? Encoding.Unicode : Encoding.BigEndianUnicode).GetString(content, 2, content.Length - 2 & ~1);
        }
        else
        {
            if (content.Length >= 3 && content[0] == 0xEF && content[1] == 0xBB && content[2] == 0xBF)
                notes.Add(KeyFileNote.Utf8Bom);
            text = Encoding.UTF8.GetString(content).TrimStart('\uFEFF');
        }
        if (text.Contains("\r\n", StringComparison.Ordinal)) notes.Add(KeyFileNote.CrLf);
        if (text.Length > 0 && text[^1] != '\n') notes.Add(KeyFileNote.NoFinalNewline);

        var firstLine = text.TrimStart().Split('\n', 2)[0].Trim();
        KeyFileInfo info;
        if (PublicKey.FromOpenSshLine(firstLine) is { } pub)
            info = new KeyFileInfo(KeyFormat.OpenSshPublicLine, pub, false, pub.Comment) { KeyType = pub.Type };
        else
            info = ParsePrivateOrOther(text, content, passphrase);
        return notes.Count == 0 ? info : info with { Notes = notes };
    }

    // The other formats (OpenSSH private, PEM, PKCS#8, PPK, RFC 4716) live in KeyFile.*.cs.
    private static partial KeyFileInfo ParsePrivateOrOther(string text, byte[] content, string? passphrase);

    /// <summary>Reads at most <see cref="MaxFileSize"/> bytes (a device or FIFO never makes this hang on size).</summary>
    internal static byte[] ReadBounded(string path)
    {
        try
        {
            if (Directory.Exists(path))
                throw new KeyFormatException("keys.error.is_directory", ("path", path));
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1, FileOptions.None);
            if (stream.CanSeek && stream.Length > MaxFileSize)
                throw new KeyFormatException("keys.error.too_big", ("max", (MaxFileSize >> 20) + " MiB"));
            // Sized by the file (a .pub line is a few hundred bytes), grown up to the bound if it grows while read.
            var buffer = new byte[stream.CanSeek ? (int)Math.Min(stream.Length + 1, MaxFileSize + 1) : 4096];
            var total = 0;
            while (true)
            {
                if (total == buffer.Length)
                {
                    if (buffer.Length > MaxFileSize) break;
                    Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, MaxFileSize + 1));
                }
                var n = stream.Read(buffer, total, buffer.Length - total);
                if (n == 0) break;
                total += n;
            }
            if (total > MaxFileSize)
                throw new KeyFormatException("keys.error.too_big", ("max", (MaxFileSize >> 20) + " MiB"));
            return buffer.AsSpan(0, total).ToArray();
        }
        catch (FileNotFoundException) { throw new KeyFormatException("keys.error.not_found", ("path", path)); }
        catch (DirectoryNotFoundException) { throw new KeyFormatException("keys.error.not_found", ("path", path)); }
        catch (UnauthorizedAccessException) { throw new KeyFormatException("keys.error.unreadable", ("path", path), ("detail", "permission denied")); }
        catch (IOException e) { throw new KeyFormatException("keys.error.unreadable", ("path", path), ("detail", OneLine(e.Message))); }
    }

    internal static string OneLine(string s)
    {
        var line = s.ReplaceLineEndings(" ").Trim();
        return line.Length > 200 ? line[..200] + "…" : line;
    }
}
