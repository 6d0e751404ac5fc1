using System.Security.Cryptography;

namespace SshDoctor.Core.Protocol;

/// <summary>Every list the server's KEXINIT offers (RFC 4253 §7.1), recorded as sent.</summary>
public sealed record ServerAlgorithms(
    IReadOnlyList<string> Kex,
    IReadOnlyList<string> HostKey,
    IReadOnlyList<string> CiphersClientToServer,
    IReadOnlyList<string> CiphersServerToClient,
    IReadOnlyList<string> MacsClientToServer,
    IReadOnlyList<string> MacsServerToClient,
    IReadOnlyList<string> CompressionClientToServer,
    IReadOnlyList<string> CompressionServerToClient,
    bool FirstKexPacketFollows);

/// <summary>What both sides agreed on.</summary>
public sealed record NegotiatedAlgorithms(string Kex, string HostKey, string CipherClientToServer, string CipherServerToClient,
    string? MacClientToServer, string? MacServerToClient, bool StrictKex);

/// <summary>The client's preferences; tests narrow them to exercise one path.</summary>
public sealed record ClientAlgorithms(
    IReadOnlyList<string> Kex,
    IReadOnlyList<string> HostKey,
    IReadOnlyList<string> Ciphers,
    IReadOnlyList<string> Macs)
{
    public static readonly IReadOnlyList<string> SupportedKex =
        ["curve25519-sha256", "curve25519-sha256@libssh.org", "ecdh-sha2-nistp256", "diffie-hellman-group14-sha256"];
    public static readonly IReadOnlyList<string> SupportedHostKey =
        ["ssh-ed25519", "ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521", "rsa-sha2-512", "rsa-sha2-256"];

    public static ClientAlgorithms Default { get; } =
        new(SupportedKex, SupportedHostKey, DirectionCipher.SupportedCiphers, DirectionCipher.SupportedMacs);

    /// <summary>Host key algorithms reordered so those known_hosts already has come first (as ssh does).</summary>
    public ClientAlgorithms PreferHostKeys(IEnumerable<string> knownTypes)
    {
        var wanted = new List<string>();
        foreach (var type in knownTypes)
        {
            var algs = type == "ssh-rsa" ? new[] { "rsa-sha2-512", "rsa-sha2-256" } : [type];
            foreach (var a in algs)
                if (HostKey.Contains(a) && !wanted.Contains(a)) wanted.Add(a);
        }
        return this with { HostKey = wanted.Concat(HostKey.Where(a => !wanted.Contains(a))).ToList() };
    }
}

internal static class KexInit
{
    public const string ExtInfoClient = "ext-info-c";
    public const string StrictClient = "kex-strict-c-v00@openssh.com";
    public const string StrictServer = "kex-strict-s-v00@openssh.com";

    public static byte[] Build(ClientAlgorithms algs)
    {
        var w = new SshWriter(512).Byte(SshMsg.KexInit);
        Span<byte> cookie = stackalloc byte[16];
        RandomNumberGenerator.Fill(cookie);
        w.Raw(cookie)
            .NameList(algs.Kex.Append(ExtInfoClient).Append(StrictClient))
            .NameList(algs.HostKey)
            .NameList(algs.Ciphers).NameList(algs.Ciphers)
            .NameList(algs.Macs).NameList(algs.Macs)
            .NameList(["none"]).NameList(["none"])
            .NameList([]).NameList([])
            .Bool(false).UInt32(0);
        return w.ToArray();
    }

    public static ServerAlgorithms Parse(byte[] payload)
    {
        var r = new SshReader(payload, 1);
        r.Raw(16);
        var result = new ServerAlgorithms(r.NameList(), r.NameList(), r.NameList(), r.NameList(), r.NameList(), r.NameList(),
            r.NameList(), r.NameList(), false);
        r.NameList();
        r.NameList();
        return result with { FirstKexPacketFollows = r.Bool() };
    }

    /// <summary>RFC 4253 §7.1: the first client algorithm the server also supports.</summary>
    public static NegotiatedAlgorithms Negotiate(ClientAlgorithms c, ServerAlgorithms s)
    {
        var kex = Pick("kex", c.Kex, s.Kex);
        var hostKey = Pick("host key", c.HostKey, s.HostKey);
        var encCs = Pick("cipher", c.Ciphers, s.CiphersClientToServer);
        var encSc = Pick("cipher", c.Ciphers, s.CiphersServerToClient);
        var macCs = DirectionCipher.IsAeadCipher(encCs) ? null : Pick("mac", c.Macs, s.MacsClientToServer);
        var macSc = DirectionCipher.IsAeadCipher(encSc) ? null : Pick("mac", c.Macs, s.MacsServerToClient);
        if (!s.CompressionClientToServer.Contains("none") || !s.CompressionServerToClient.Contains("none"))
            throw new NoCommonAlgorithmException("compression", ["none"], s.CompressionClientToServer);
        return new NegotiatedAlgorithms(kex, hostKey, encCs, encSc, macCs, macSc, s.Kex.Contains(StrictServer));
    }

    private static string Pick(string what, IReadOnlyList<string> client, IReadOnlyList<string> server)
        => client.FirstOrDefault(server.Contains) ?? throw new NoCommonAlgorithmException(what, client, server);
}

/// <summary>The server offers none of the algorithms the probe implements for one category.</summary>
public sealed class NoCommonAlgorithmException(string category, IReadOnlyList<string> client, IReadOnlyList<string> server)
    : Exception($"no common {category} algorithm: we offer {string.Join(",", client)}; the server offers {string.Join(",", server)}")
{
    public string Category { get; } = category;
}
