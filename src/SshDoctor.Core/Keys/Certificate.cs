using System.Text;

namespace SshDoctor.Core.Keys;

public enum CertificateKind { User = 1, Host = 2 }

/// <summary>
/// An OpenSSH certificate (PROTOCOL.certkeys): the certified key, who it is for, when, with which options,
/// and the CA key that signed it. Parsed from the wire blob of a "*-cert-v01@openssh.com" line.
/// </summary>
public sealed class Certificate
{
    /// <summary>valid_before of a certificate made without -V: it never expires.</summary>
    public const ulong Forever = ulong.MaxValue;

    public required string Type { get; init; }
    public required byte[] Blob { get; init; }
    public required PublicKey Key { get; init; }
    public required ulong Serial { get; init; }
    public required CertificateKind Kind { get; init; }
    public required string KeyId { get; init; }
    public required IReadOnlyList<string> Principals { get; init; }
    public required ulong ValidAfter { get; init; }
    public required ulong ValidBefore { get; init; }
    public required IReadOnlyDictionary<string, string> CriticalOptions { get; init; }
    public required IReadOnlyList<string> Extensions { get; init; }
    public required PublicKey SignatureKey { get; init; }
    /// <summary>The CA's signature algorithm (e.g. ssh-ed25519, rsa-sha2-512), checked against CASignatureAlgorithms.</summary>
    public required string SignatureAlgorithm { get; init; }

    public string? SourceAddress => CriticalOptions.GetValueOrDefault("source-address");
    public string? ForceCommand => CriticalOptions.GetValueOrDefault("force-command");

    public string Base64 => Convert.ToBase64String(Blob);

    public static bool IsCertificateType(string type) => type.EndsWith("-cert-v01@openssh.com", StringComparison.Ordinal);

    /// <summary>"ssh-ed25519-cert-v01@openssh.com" → "ssh-ed25519"; "sk-ssh-ed25519-cert-v01@openssh.com" → "sk-ssh-ed25519@openssh.com".</summary>
    public static string PlainType(string certType)
    {
        var stem = certType[..^"-cert-v01@openssh.com".Length];
        return stem.StartsWith("sk-", StringComparison.Ordinal) ? stem + "@openssh.com" : stem;
    }

    /// <summary>Parses "type base64 [comment]"; null when the line is not a well-formed certificate.</summary>
    public static Certificate? FromOpenSshLine(string line)
    {
        var parts = line.Trim().Split((char[]?)null, 3, StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !IsCertificateType(parts[0])) return null;
        byte[] blob;
        try { blob = Convert.FromBase64String(parts[1]); }
        catch (FormatException) { return null; }
        var cert = FromBlob(blob);
        return cert is not null && cert.Type == parts[0] ? cert : null;
    }

    public static Certificate? FromBlob(byte[] blob)
    {
        var r = new SshWireReader(blob);
        if (!r.TryReadString(out var type) || !IsCertificateType(type) || !r.TryReadBytes(out _)) return null;
        var plainType = PlainType(type);
        var plain = new SshWireWriter().String(plainType);
        // The certified key's own fields, copied as they are into a plain key blob.
        var fields = plainType switch
        {
            "ssh-rsa" => 2,
            "ssh-dss" => 4,
            "ssh-ed25519" => 1,
            "sk-ssh-ed25519@openssh.com" => 2,
            "sk-ecdsa-sha2-nistp256@openssh.com" => 3,
            _ when plainType.StartsWith("ecdsa-sha2-", StringComparison.Ordinal) => 2,
            _ => 0,
        };
        if (fields == 0) return null;
        for (var i = 0; i < fields; i++)
        {
            if (!r.TryReadBytes(out var field)) return null;
            plain.Bytes(field);
        }
        var key = PublicKey.FromBlob(plain.ToArray());
        if (key is null) return null;

        if (!TryReadUInt64(ref r, out var serial) || !r.TryReadUInt32(out var kind) || !r.TryReadString(out var keyId)
            || !r.TryReadBytes(out var principalsBlob) || !TryReadUInt64(ref r, out var after) || !TryReadUInt64(ref r, out var before)
            || !r.TryReadBytes(out var criticalBlob) || !r.TryReadBytes(out var extensionsBlob) || !r.TryReadBytes(out _)
            || !r.TryReadBytes(out var caBlob) || !r.TryReadBytes(out var signatureBlob) || !r.IsEmpty)
            return null;
        if (kind is not (1 or 2)) return null;
        var principals = ReadStrings(principalsBlob);
        var critical = ReadOptions(criticalBlob);
        var extensions = ReadOptions(extensionsBlob);
        var ca = PublicKey.FromBlob(caBlob);
        var sig = new SshWireReader(signatureBlob);
        if (principals is null || critical is null || extensions is null || ca is null || !sig.TryReadString(out var sigAlg)) return null;
        return new Certificate
        {
            Type = type,
            Blob = blob,
            Key = key,
            Serial = serial,
            Kind = (CertificateKind)kind,
            KeyId = keyId,
            Principals = principals,
            ValidAfter = after,
            ValidBefore = before,
            CriticalOptions = critical,
            Extensions = [.. extensions.Keys],
            SignatureKey = ca,
            SignatureAlgorithm = sigAlg,
        };
    }

    private static bool TryReadUInt64(ref SshWireReader r, out ulong value)
    {
        value = 0;
        if (!r.TryReadUInt32(out var high) || !r.TryReadUInt32(out var low)) return false;
        value = ((ulong)high << 32) | low;
        return true;
    }

    private static List<string>? ReadStrings(ReadOnlySpan<byte> data)
    {
        var r = new SshWireReader(data);
        var list = new List<string>();
        while (!r.IsEmpty)
        {
            if (!r.TryReadString(out var s)) return null;
            list.Add(s);
        }
        return list;
    }

    /// <summary>Critical options and extensions: (name, data) pairs; a non-empty data is itself one string.</summary>
    private static Dictionary<string, string>? ReadOptions(ReadOnlySpan<byte> data)
    {
        var r = new SshWireReader(data);
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        while (!r.IsEmpty)
        {
            if (!r.TryReadString(out var name) || !r.TryReadBytes(out var value)) return null;
            var inner = new SshWireReader(value);
            options[name] = value.IsEmpty ? "" : inner.TryReadString(out var s) ? s : Encoding.UTF8.GetString(value);
        }
        return options;
    }

    /// <summary>A time as ssh-keygen -L prints it (UTC here), "forever" / "always" for the open ends.</summary>
    public static string FormatTime(ulong value, bool isBefore) =>
        isBefore && value == Forever ? "forever"
        : !isBefore && value == 0 ? "always"
        : value > 253402300799UL ? value.ToString()
        : DateTimeOffset.FromUnixTimeSeconds((long)value).UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'");
}
