using System.Security.Cryptography;
using SshDoctor.Core.Keys;

namespace SshDoctor.Aws.Ec2;

/// <summary>What DescribeKeyPairs (IncludePublicKey) says about the instance's key pair.</summary>
public sealed record KeyPairFacts(string Name, string? KeyType, string? Fingerprint, string? PublicKeyLine, string? KeyPairId);

/// <summary>The local key (`-i`): its public half, and its private half when the file held one that could be read.</summary>
public sealed record LocalKey(string Path, PublicKey Public, PrivateKey? Private);

/// <summary>A fingerprint in the form the EC2 console shows, and which form it is (imported RSA, created RSA, ED25519).</summary>
public sealed record ConsoleFingerprint(string Form, string Value);

/// <summary>The comparison: does the local key belong to the pair, with both sides' fingerprints in the console's form.</summary>
public sealed record KeyPairMatch(bool? Matches, string PairFingerprint, IReadOnlyList<ConsoleFingerprint> Local);

/// <summary>
/// The EC2 console's fingerprints (causes.md): an imported RSA pair shows MD5 of the DER SubjectPublicKeyInfo, a pair
/// EC2 created shows SHA-1 of the PKCS#8 DER private key (computable only with the private key), an ED25519 pair
/// (either way) the base64 SHA-256 of the key blob, with '=' padding. With the pair's public key at hand (2021+ pairs)
/// the blobs are compared directly.
/// </summary>
public static class KeyPairComparison
{
    public static IReadOnlyList<ConsoleFingerprint> ConsoleForms(LocalKey key)
    {
        var forms = new List<ConsoleFingerprint>();
        if (key.Public.Type == "ssh-ed25519")
            forms.Add(new("ed25519", Convert.ToBase64String(SHA256.HashData(key.Public.Blob))));
        if (PublicKeyDer.AwsImportedMd5(key.Public) is { } md5) forms.Add(new("rsa-imported", md5));
        if (key.Private?.AwsCreatedSha1 is { } sha1) forms.Add(new("rsa-created", sha1));
        if (forms.Count == 0) forms.Add(new("sha256", key.Public.Sha256Fingerprint));
        return forms;
    }

    public static KeyPairMatch Compare(KeyPairFacts pair, LocalKey key)
    {
        var local = ConsoleForms(key);
        var pairFingerprint = pair.Fingerprint ?? "";
        if (pair.PublicKeyLine is { } line && PublicKey.FromOpenSshLine(line.Trim()) is { } pairKey)
            return new KeyPairMatch(pairKey.Equals(key.Public), pairFingerprint, local);
        if (pairFingerprint.Length == 0) return new KeyPairMatch(null, pairFingerprint, local);
        var want = Normalize(pairFingerprint);
        if (local.Any(f => Normalize(f.Value) == want)) return new KeyPairMatch(true, pairFingerprint, local);
        // A created RSA pair's SHA-1 cannot be computed from a public key alone: no verdict then.
        var decidable = pair.KeyType == "ed25519" || local.Any(f => f.Form == "rsa-created") || want.Length == 32;
        return new KeyPairMatch(decidable ? false : null, pairFingerprint, local);
    }

    /// <summary>cloud-init's fingerprint of a key blob: the hex digest with the named hash, in colon-separated pairs.</summary>
    public static string? CloudInitFingerprint(PublicKey key, string hash)
    {
        byte[] digest;
        switch (hash.ToLowerInvariant())
        {
            case "sha256": digest = SHA256.HashData(key.Blob); break;
            case "md5": digest = MD5.HashData(key.Blob); break;
            case "sha1": digest = SHA1.HashData(key.Blob); break;
            case "sha512": digest = SHA512.HashData(key.Blob); break;
            case "sha384": digest = SHA384.HashData(key.Blob); break;
            default: return null;
        }
        return string.Join(':', digest.Select(b => b.ToString("x2")));
    }

    private static string Normalize(string fingerprint) =>
        fingerprint.Trim().TrimEnd('=').Replace(":", "").ToLowerInvariant();
}
