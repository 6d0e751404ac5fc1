using System.Text;

namespace SshDoctor.Core.Keys;

/// <summary>
/// An SSH public key as sshd compares it: the wire blob. <see cref="Type"/> is the blob's own key type
/// (e.g. ssh-ed25519, ssh-rsa, ecdsa-sha2-nistp256, sk-ssh-ed25519@openssh.com).
/// </summary>
public sealed class PublicKey : IEquatable<PublicKey>
{
    public string Type { get; }
    public byte[] Blob { get; }
    public int Bits { get; }
    public string Comment { get; init; } = "";
    /// <summary>The certificate the client presents for this key (a -cert.pub); null for a plain key.</summary>
    public Certificate? Certificate { get; init; }

    private PublicKey(string type, byte[] blob, int bits)
    {
        Type = type;
        Blob = blob;
        Bits = bits;
    }

    /// <summary>Parses a wire blob; null when it is not a well-formed key of a known type.</summary>
    public static PublicKey? FromBlob(ReadOnlySpan<byte> blob)
    {
        var r = new SshWireReader(blob);
        if (!r.TryReadString(out var type)) return null;
        int bits;
        switch (type)
        {
            case "ssh-rsa":
                if (!r.TryReadBytes(out _) || !r.TryReadBytes(out var n)) return null;
                bits = MpintBits(n);
                break;
            case "ssh-dss":
                if (!r.TryReadBytes(out var p) || !r.TryReadBytes(out _) || !r.TryReadBytes(out _) || !r.TryReadBytes(out _)) return null;
                bits = MpintBits(p);
                break;
            case "ssh-ed25519":
                if (!r.TryReadBytes(out var ed) || ed.Length != 32) return null;
                bits = 256;
                break;
            case "sk-ssh-ed25519@openssh.com":
                if (!r.TryReadBytes(out var sked) || sked.Length != 32 || !r.TryReadBytes(out _)) return null;
                bits = 256;
                break;
            case "ecdsa-sha2-nistp256":
            case "ecdsa-sha2-nistp384":
            case "ecdsa-sha2-nistp521":
            case "sk-ecdsa-sha2-nistp256@openssh.com":
                if (!r.TryReadString(out var curve) || !r.TryReadBytes(out var q) || q.Length < 65 || q[0] != 4) return null;
                bits = curve switch { "nistp256" => 256, "nistp384" => 384, "nistp521" => 521, _ => 0 };
                if (bits == 0 || !type.Contains(curve, StringComparison.Ordinal)) return null;
                if (type.StartsWith("sk-", StringComparison.Ordinal) && !r.TryReadBytes(out _)) return null;
                break;
            default:
                return null;
        }
        if (!r.IsEmpty) return null;
        return new PublicKey(type, blob.ToArray(), bits);
    }

    /// <summary>Parses "type base64 [comment]" (an OpenSSH .pub line).</summary>
    public static PublicKey? FromOpenSshLine(string line)
    {
        var parts = line.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2) return null;
        byte[] blob;
        try { blob = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { return null; }
        var key = FromBlob(blob);
        if (key is null || key.Type != parts[0]) return null;
        return new PublicKey(key.Type, key.Blob, key.Bits) { Comment = parts.Length > 2 ? parts[2].Trim() : "" };
    }

    public PublicKey WithComment(string comment) => new(Type, Blob, Bits) { Comment = comment, Certificate = Certificate };

    /// <summary>The certified key, carrying its certificate (as ssh offers both: the certificate, then the key).</summary>
    public static PublicKey FromCertificate(Certificate cert) =>
        new(cert.Key.Type, cert.Key.Blob, cert.Key.Bits) { Comment = cert.Key.Comment, Certificate = cert };

    private string? _base64;

    /// <summary>The blob in base64, made once (an --all-users check looks for the key in every account's files).</summary>
    public string Base64 => _base64 ??= Convert.ToBase64String(Blob);

    public string OpenSshLine => Comment.Length == 0 ? $"{Type} {Base64}" : $"{Type} {Base64} {Comment}";

    /// <summary>As `ssh-keygen -l` prints it: SHA256:base64-without-padding.</summary>
    /// <remarks>Hashed in managed code: a check prints it, and OpenSSL's start (libssl and libcrypto loaded and
    /// initialized) would cost a one-user check more memory and time than all the rest of its reading.</remarks>
    public string Sha256Fingerprint
    {
        get
        {
            var digest = new Org.BouncyCastle.Crypto.Digests.Sha256Digest();
            digest.BlockUpdate(Blob);
            Span<byte> hash = stackalloc byte[32];
            digest.DoFinal(hash);
            return "SHA256:" + Convert.ToBase64String(hash).TrimEnd('=');
        }
    }

    /// <summary>As `ssh-keygen -l -E md5` prints it: MD5:aa:bb:...</summary>
    public string Md5Fingerprint
    {
        get
        {
            // Managed, like the SHA-256 one: no OpenSSL for a fingerprint.
            var digest = new Org.BouncyCastle.Crypto.Digests.MD5Digest();
            digest.BlockUpdate(Blob);
            var hash = new byte[16];
            digest.DoFinal(hash);
            var sb = new StringBuilder("MD5:", 4 + hash.Length * 3);
            for (var i = 0; i < hash.Length; i++)
            {
                if (i > 0) sb.Append(':');
                sb.Append(hash[i].ToString("x2"));
            }
            return sb.ToString();
        }
    }

    /// <summary>The algorithm family name used in PubkeyAcceptedAlgorithms for a plain key of this type.</summary>
    public string KeyTypeLabel => Type switch
    {
        "ssh-rsa" => "RSA",
        "ssh-dss" => "DSA",
        "ssh-ed25519" => "ED25519",
        "sk-ssh-ed25519@openssh.com" => "ED25519-SK",
        "sk-ecdsa-sha2-nistp256@openssh.com" => "ECDSA-SK",
        _ => "ECDSA",
    };

    public bool Equals(PublicKey? other) => other is not null && Blob.AsSpan().SequenceEqual(other.Blob);
    public override bool Equals(object? obj) => obj is PublicKey k && Equals(k);
    public override int GetHashCode() => Blob.Length >= 8 ? BitConverter.ToInt32(Blob, Blob.Length - 4) : Blob.Length;

    private static int MpintBits(ReadOnlySpan<byte> mpint)
    {
        var i = 0;
        while (i < mpint.Length && mpint[i] == 0) i++;
        if (i == mpint.Length) return 0;
        var bits = (mpint.Length - i - 1) * 8;
        for (var b = mpint[i]; b != 0; b >>= 1) bits++;
        return bits;
    }
}
