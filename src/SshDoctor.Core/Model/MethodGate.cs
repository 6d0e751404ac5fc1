using SshDoctor.Core.Findings;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Sshd;

namespace SshDoctor.Core.Model;

/// <summary>userauth_pubkey before the key lookup: method enabled, algorithm accepted, RSA size, revocation.</summary>
public static class MethodGate
{
    public static void Run(TargetContext ctx, EffectiveConfig cfg, PublicKey? key, Evidence ev, ClientProfile? client = null)
    {
        var pubkey = cfg.PubkeyAuthentication;
        if (!pubkey.Value)
            ev.Add(FindingId.PUBKEY_AUTH_DISABLED, Severity.Blocking, pubkey.Source?.File,
                EditLine(ctx, pubkey.Source, "PubkeyAuthentication", "yes"), ("source", pubkey.Where));

        var methods = cfg.AuthenticationMethods;
        if (!PublickeyAloneSatisfies(methods.Value))
            ev.Add(FindingId.AUTH_METHODS_REQUIRED, Severity.Blocking, methods.Source?.File,
                methods.Source is { } s ? [ctx.Shell.ShowLine(s.Line, s.File)] : [], ("value", methods.Value), ("source", methods.Where));

        if (key is not null) CheckKey(ctx, cfg, key, ev, client);
        CheckRevoked(ctx, cfg, key, ev);
    }

    /// <summary>AuthenticationMethods: "any", or a list that is exactly "publickey".</summary>
    public static bool PublickeyAloneSatisfies(string value)
    {
        if (value.Equals("any", StringComparison.OrdinalIgnoreCase)) return true;
        return value.Split(' ', StringSplitOptions.RemoveEmptyEntries).Any(list => list == "publickey");
    }

    private static void CheckKey(TargetContext ctx, EffectiveConfig cfg, PublicKey key, Evidence ev, ClientProfile? client)
    {
        var configured = cfg.PubkeyAcceptedAlgorithms;
        var accepted = Algorithms.Effective(configured.Value, ctx.Version);
        if (key.Type == "ssh-rsa" && key.Certificate is null && !accepted.Contains("ssh-rsa") && RsaDependsOnClient(ctx, cfg, key, ev, client, accepted))
            return;
        var offered = key.Certificate is { } cert ? Algorithms.ClientCertificateAlgorithmsFor(cert.Type)
            : key.Type == "ssh-rsa" && client is { SignsRsaSha2: false } ? ["ssh-rsa"]
            : Algorithms.ClientAlgorithmsFor(key.Type);
        if (!offered.Any(accepted.Contains))
        {
            ev.Add(FindingId.KEY_ALGORITHM_REFUSED, Severity.Blocking, configured.Source?.File,
                ["ssh-keygen -t ed25519"], ("algorithm", offered[0]), ("source", configured.Where));
        }
        else if (key.Certificate is { } c && !Algorithms.EffectiveCaSignature(cfg.Value("casignaturealgorithms", "").Value).Contains(c.SignatureAlgorithm))
        {
            var ca = cfg.Value("casignaturealgorithms", "");
            ev.Add(FindingId.KEY_ALGORITHM_REFUSED, Severity.Blocking, ca.Source?.File, [], ("algorithm", c.SignatureAlgorithm), ("source", ca.Where));
        }

        if (key.Type == "ssh-rsa")
        {
            var min = ctx.Version.AtLeast(9, 1) ? Math.Max(1024, cfg.RequiredRsaSize.Value) : 1024;
            if (key.Bits < min)
                ev.Add(FindingId.KEY_RSA_TOO_SMALL, Severity.Blocking, null, ["ssh-keygen -t ed25519"],
                    ("bits", key.Bits.ToString()), ("min", min.ToString()));
        }
    }

    /// <summary>
    /// A plain RSA key where the server refuses ssh-rsa (SHA-1): an old client, which can sign no other way, is
    /// refused; a client that signs with rsa-sha2 goes on to the usual check. Without --client that is a condition.
    /// Returns true when it has decided (nothing more to say about the algorithm).
    /// </summary>
    private static bool RsaDependsOnClient(TargetContext ctx, EffectiveConfig cfg, PublicKey key, Evidence ev, ClientProfile? client, IReadOnlyList<string> accepted)
    {
        var configured = cfg.PubkeyAcceptedAlgorithms;
        if (client is { SignsRsaSha2: false })
        {
            ev.Add(FindingId.RSA_SHA1_REFUSED, Severity.Blocking, configured.Source?.File, ["ssh-keygen -t ed25519"], ("algorithm", "ssh-rsa"));
            return true;
        }
        if (client is null && Algorithms.ClientAlgorithmsFor(key.Type).Any(accepted.Contains))
        {
            ev.Add(FindingId.CLIENT_CONDITION, Severity.Info, configured.Source?.File, [], ("algorithm", "ssh-rsa"));
            return false;
        }
        return false;
    }

    /// <summary>RevokedKeys is read as root; a missing or unreadable file refuses every key.</summary>
    private static void CheckRevoked(TargetContext ctx, EffectiveConfig cfg, PublicKey? key, Evidence ev)
    {
        var revoked = cfg.RevokedKeys;
        if (revoked.Value.Equals("none", StringComparison.OrdinalIgnoreCase)) return;
        var bytes = ctx.Root.ReadBytes(revoked.Value, 64 * 1024 * 1024);
        if (bytes is null || ctx.Root.Stat(revoked.Value).Kind != Target.FileKind.Regular)
        {
            ev.Add(FindingId.KEY_REVOKED, Severity.Blocking, revoked.Value, [ctx.Shell.Touch(revoked.Value)]);
            return;
        }
        if (key is null) return;
        // sshd checks the key (a certificate: its key, serial, key ID) and then a certificate's CA.
        switch (RevocationList.Check(bytes, key, ctx.Version))
        {
            case Revocation.Revoked:
                ev.Add(FindingId.KEY_REVOKED, Severity.Blocking, revoked.Value, key.Certificate is null ? ["ssh-keygen -t ed25519"] : []);
                break;
            case Revocation.Error:
                ev.Add(FindingId.KEY_REVOKED, Severity.Blocking, revoked.Value, []);
                break;
        }
    }

    private static IReadOnlyList<string> EditLine(TargetContext ctx, ConfigSource? source, string keyword, string value) =>
        source is { } s
            ? [ctx.Shell.SedInPlace($"{s.Line}s/^\\([[:space:]]*\\){keyword}.*/\\1{keyword} {value}/I", s.File), .. ctx.Shell.Reload]
            : [];
}
