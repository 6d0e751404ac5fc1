using SshDoctor.Core.Keys;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Core.Probe;

/// <summary>A key the probe offers: its public half, and a signer when `--login` can use the private half.</summary>
public sealed record ProbeKey(string Path, PublicKey Public, bool Encrypted)
{
    public IProbeSigner? Signer { get; init; }
    /// <summary>Why no signer is available (only meaningful with `--login`): a code, see probe.signer.* texts.</summary>
    public string? SignerUnavailable { get; init; }
    /// <summary>The agent holds this key (ssh then offers it in the agent's order).</summary>
    public bool FromAgent { get; init; }
    /// <summary>Only the agent holds it: <see cref="Path"/> is the agent's comment.</summary>
    public bool AgentOnly { get; init; }
    /// <summary>FILE-cert.pub beside the key (ssh offers the certificate too).</summary>
    public string? CertificatePath { get; init; }

    /// <summary>The files ssh tries without -i, in ssh's order (OpenSSH 9.x).</summary>
    public static readonly string[] DefaultNames =
        ["id_rsa", "id_ecdsa", "id_ecdsa_sk", "id_ed25519", "id_ed25519_sk", "id_xmss", "id_dsa"];

    public static IEnumerable<string> DefaultPaths(string home)
    {
        foreach (var name in DefaultNames)
        {
            var p = System.IO.Path.Combine(home, ".ssh", name);
            if (File.Exists(p) || File.Exists(p + ".pub")) yield return p;
        }
    }

    /// <summary>
    /// Loads a private or public key file. A private key's public half comes from the file itself
    /// (OpenSSH format) or from FILE.pub beside it. Throws <see cref="KeyFormatException"/> with one line.
    /// </summary>
    public static ProbeKey Load(string path, bool wantSigner)
    {
        string? privateText = null;
        PublicKey? pub = null;
        var encrypted = false;
        if (File.Exists(path))
        {
            try
            {
                var info = KeyFile.Load(path);
                pub = info.Public;
                encrypted = info.Encrypted;
                if (info.Format != KeyFormat.OpenSshPublicLine && info.Format != KeyFormat.Rfc4716Public)
                    privateText = File.ReadAllText(path);
            }
            catch (KeyFormatException)
            {
                var text = ReadText(path);
                if (OpenSshPrivateKey.LooksLikeOpenSshPrivate(text))
                {
                    privateText = text;
                    pub = OpenSshPrivateKey.ReadPublic(text, out encrypted);
                }
            }
        }
        if (pub is null && File.Exists(path + ".pub"))
        {
            privateText ??= File.Exists(path) ? ReadText(path) : null;
            pub = KeyFile.Load(path + ".pub").Public;
        }
        if (pub is null)
            throw new KeyFormatException(File.Exists(path) ? $"{path}: not a key file sshdoctor can read" : $"{path}: no such file");

        // A .pub given with -i: the private key usually sits beside it.
        if (privateText is null && path.EndsWith(".pub", StringComparison.Ordinal) && File.Exists(path[..^4]))
            privateText = ReadText(path[..^4]);

        if (!wantSigner) return new ProbeKey(path, pub, encrypted);
        if (privateText is null)
            return new ProbeKey(path, pub, encrypted) { SignerUnavailable = "public_only" };
        var signer = OpenSshPrivateKey.TryCreateSigner(privateText, out var reason);
        if (signer is not null && !signer.PublicKey.Equals(pub))
        {
            signer.Dispose();
            return new ProbeKey(path, pub, encrypted) { SignerUnavailable = "mismatch" };
        }
        return new ProbeKey(path, pub, encrypted) { Signer = signer, SignerUnavailable = reason };
    }

    private static string ReadText(string path)
    {
        try { return File.ReadAllText(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new KeyFormatException($"{path}: {e.Message}");
        }
    }
}
