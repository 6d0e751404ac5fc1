using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Target;

namespace SshDoctor.Core.Model;

/// <summary>
/// A binary KRL (`ssh-keygen -k`, PROTOCOL.krl) as sshd reads it: explicit keys, SHA-1 and SHA-256 hashes of
/// plain key blobs, and per CA (or for any CA) certificate serials and key IDs. Any parse error makes sshd refuse
/// every key ("Error checking authentication key"), so <see cref="Parse"/> returns null for what sshd rejects.
/// </summary>
public sealed class KeyRevocationList
{
    public static ReadOnlySpan<byte> Magic => "SSHKRL\n\0"u8;

    private readonly List<byte[]> _keys = [], _sha1 = [], _sha256 = [];
    private readonly List<CertificateRevocations> _certificates = [];

    private sealed class CertificateRevocations(PublicKey? ca)
    {
        /// <summary>null: the wildcard section (an empty CA key, `ssh-keygen -k -s none`), any CA.</summary>
        public PublicKey? Ca { get; } = ca;
        public List<(ulong Lo, ulong Hi)> Serials { get; } = [];
        public HashSet<string> KeyIds { get; } = new(StringComparer.Ordinal);
    }

    public static bool IsKrl(ReadOnlySpan<byte> file) => file.StartsWith(Magic);

    /// <summary>
    /// Parses like ssh_krl_from_blob of <paramref name="version"/>; null when sshd would fail to load it. Extension
    /// sections exist from 9.4 (a critical one is refused there); before, any unknown section type is an error.
    /// </summary>
    public static KeyRevocationList? Parse(ReadOnlySpan<byte> file, OpenSshVersion version)
    {
        if (!IsKrl(file)) return null;
        var r = new SshWireReader(file[Magic.Length..]);
        if (!r.TryReadUInt32(out var format) || format != 1) return null;
        if (!TrySkip(ref r, 24) || !r.TryReadBytes(out _) || !r.TryReadBytes(out _)) return null; // versions, date, flags, reserved, comment
        var krl = new KeyRevocationList();
        var extensions = version.AtLeast(9, 4);
        var signed = false;
        while (!r.IsEmpty)
        {
            if (!r.TryReadByte(out var type) || !r.TryReadBytes(out var section)) return null;
            // Before 9.4 signature sections must come last (the rest of a signature is a second string).
            if (type != 4 && signed && !extensions) return null;
            var ok = type switch
            {
                1 => krl.ParseCertificates(section, extensions),
                2 => Blobs(section, krl._keys, 0),
                3 => Blobs(section, krl._sha1, 20),
                5 => Blobs(section, krl._sha256, 32),
                4 => r.TryReadBytes(out _) && (signed = true),
                255 when extensions => NonCriticalExtension(section),
                _ => false,
            };
            if (!ok) return null;
        }
        return krl;
    }

    /// <summary>ssh_krl_check_key: the key (or certificate) itself, then a certificate's CA.</summary>
    public bool Revokes(PublicKey key) =>
        IsRevoked(key.Blob, key.Certificate) || (key.Certificate is { } cert && IsRevoked(cert.SignatureKey.Blob, null));

    /// <summary>is_key_revoked: hashes and explicit keys on the plain blob, then a certificate's serial and key ID.</summary>
    private bool IsRevoked(byte[] plainBlob, Certificate? cert)
    {
        if (Has(_sha1, SHA1.HashData(plainBlob)) || Has(_sha256, SHA256.HashData(plainBlob)) || Has(_keys, plainBlob)) return true;
        if (cert is null) return false;
        foreach (var rc in _certificates)
        {
            if (rc.Ca is not null && !rc.Ca.Equals(cert.SignatureKey)) continue;
            if (rc.KeyIds.Contains(cert.KeyId)) return true;
            // Serial 0 (a CA that gave none) is never revoked by serial.
            if (cert.Serial != 0 && rc.Serials.Any(s => s.Lo <= cert.Serial && cert.Serial <= s.Hi)) return true;
        }
        return false;
    }

    private static bool Has(List<byte[]> list, byte[] value) => list.Any(v => v.AsSpan().SequenceEqual(value));

    private bool ParseCertificates(ReadOnlySpan<byte> section, bool extensions)
    {
        var r = new SshWireReader(section);
        if (!r.TryReadBytes(out var caBlob) || !r.TryReadBytes(out _)) return false;
        PublicKey? ca = null;
        if (!caBlob.IsEmpty && (ca = PublicKey.FromBlob(caBlob)) is null) return false;
        CertificateRevocations For() =>
            _certificates.FirstOrDefault(c => ca is null ? c.Ca is null : ca.Equals(c.Ca)) ?? Add(new CertificateRevocations(ca));
        while (!r.IsEmpty)
        {
            if (!r.TryReadByte(out var type) || !r.TryReadBytes(out var data)) return false;
            var s = new SshWireReader(data);
            switch (type)
            {
                case 0x20: // serial list
                    while (!s.IsEmpty)
                    {
                        if (!TryReadUInt64(ref s, out var serial) || serial == 0) return false;
                        For().Serials.Add((serial, serial));
                    }
                    break;
                case 0x21: // serial range
                    if (!TryReadUInt64(ref s, out var lo) || !TryReadUInt64(ref s, out var hi) || lo > hi || lo == 0) return false;
                    For().Serials.Add((lo, hi));
                    break;
                case 0x22: // bitmap: bit i (from the least significant end of an mpint) revokes lo + i
                    if (!TryReadUInt64(ref s, out var offset) || !s.TryReadBytes(out var mpint) || !Bitmap(mpint, offset, For())) return false;
                    break;
                case 0x23: // key IDs
                    while (!s.IsEmpty)
                    {
                        if (!s.TryReadBytes(out var id) || id.IndexOf((byte)0) >= 0) return false;
                        For().KeyIds.Add(Encoding.UTF8.GetString(id));
                    }
                    break;
                case 0x39 when extensions:
                    if (!NonCriticalExtension(data)) return false;
                    s = default;
                    break;
                default:
                    return false;
            }
            if (!s.IsEmpty) return false;
        }
        return true;
    }

    private CertificateRevocations Add(CertificateRevocations rc)
    {
        _certificates.Add(rc);
        return rc;
    }

    private static bool Bitmap(ReadOnlySpan<byte> mpint, ulong offset, CertificateRevocations rc)
    {
        if (!mpint.IsEmpty && (mpint[0] & 0x80) != 0) return false; // negative
        if (mpint.Length > 16385) return false;
        var nbits = (ulong)mpint.Length * 8;
        for (ulong bit = 0; bit < nbits; bit++)
        {
            var b = mpint[mpint.Length - 1 - (int)(bit / 8)];
            if ((b & (1 << (int)(bit % 8))) == 0) continue;
            if (bit > 0 && offset + bit == 0) return false; // wraps
            var serial = offset + bit;
            if (serial == 0) return false;
            rc.Serials.Add((serial, serial));
        }
        return true;
    }

    /// <summary>An extension (9.4+): name, critical flag, value, nothing after; no extension is known, a critical one fails.</summary>
    private static bool NonCriticalExtension(ReadOnlySpan<byte> data)
    {
        var r = new SshWireReader(data);
        return r.TryReadBytes(out _) && r.TryReadByte(out var critical) && r.TryReadBytes(out _) && r.IsEmpty && critical == 0;
    }

    private static bool Blobs(ReadOnlySpan<byte> section, List<byte[]> into, int length)
    {
        var r = new SshWireReader(section);
        while (!r.IsEmpty)
        {
            if (!r.TryReadBytes(out var blob) || (length != 0 && blob.Length != length)) return false;
            into.Add(blob.ToArray());
        }
        return true;
    }

    private static bool TrySkip(ref SshWireReader r, int count)
    {
        if (r.Remaining < count) return false;
        for (var i = 0; i < count; i++) r.TryReadByte(out _);
        return true;
    }

    private static bool TryReadUInt64(ref SshWireReader r, out ulong value)
    {
        value = 0;
        if (r.Remaining < 8) return false;
        value = BinaryPrimitives.ReadUInt64BigEndian(r.Rest);
        return TrySkip(ref r, 8);
    }
}
