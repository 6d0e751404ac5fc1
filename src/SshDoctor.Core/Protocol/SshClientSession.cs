using System.Net.Sockets;
using System.Text;

namespace SshDoctor.Core.Protocol;

/// <summary>
/// A connection up to the end of the key exchange: version exchange, KEXINIT, key exchange, NEWKEYS.
/// After that, <see cref="UserAuth"/> talks to the ssh-userauth service. Never opens a channel.
/// </summary>
internal sealed class SshClientSession : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly NetworkStream _stream;
    private readonly PacketTransport _transport;

    public ServerIdentification Server => ServerOrNull ?? throw new InvalidOperationException("no handshake yet");
    public ServerIdentification? ServerOrNull { get; private set; }
    public ServerAlgorithms? OfferedOrNull { get; private set; }
    public NegotiatedAlgorithms? NegotiatedOrNull { get; private set; }
    public byte[] HostKeyBlob { get; private set; } = [];
    public byte[] SessionId { get; private set; } = [];
    /// <summary>server-sig-algs from SSH_MSG_EXT_INFO (RFC 8308); null when the server sent none.</summary>
    public IReadOnlyList<string>? ServerSigAlgs { get; private set; }
    public List<string> Banners { get; } = new();

    private SshClientSession(Socket socket)
    {
        _socket = socket;
        _stream = new NetworkStream(socket, ownsSocket: false);
        _transport = new PacketTransport(new SshInput(_stream), _stream);
    }

    /// <summary>Opens the TCP connection. Socket errors propagate for the caller to classify.</summary>
    public static async Task<SshClientSession> ConnectTcpAsync(string host, int port, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, ct).ConfigureAwait(false);
            return new SshClientSession(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Version exchange, then the key exchange. <paramref name="onStage"/> reports progress for timeouts.</summary>
    public async Task HandshakeAsync(ClientAlgorithms algorithms, Action<string> onStage, CancellationToken ct)
    {
        onStage("banner");
        await VersionExchange.SendAsync(_stream, ct).ConfigureAwait(false);
        ServerOrNull = await VersionExchange.ReceiveAsync(_transport.Input, ct).ConfigureAwait(false);

        onStage("kex");
        var clientKexInit = KexInit.Build(algorithms);
        await _transport.SendAsync(clientKexInit, ct).ConfigureAwait(false);
        var serverKexInit = await _transport.ReceiveAsync(ct).ConfigureAwait(false);
        if (serverKexInit[0] != SshMsg.KexInit)
            throw new SshProtocolException($"expected KEXINIT, got message {serverKexInit[0]}");
        var offered = KexInit.Parse(serverKexInit);
        OfferedOrNull = offered;
        var negotiated = KexInit.Negotiate(algorithms, offered);
        NegotiatedOrNull = negotiated;
        _transport.StrictKex = negotiated.StrictKex;
        if (negotiated.StrictKex && _transport.IncomingSequence != 1)
            throw new SshProtocolException("strict KEX: KEXINIT was not the server's first packet");
        if (offered.FirstKexPacketFollows && (offered.Kex.FirstOrDefault() != negotiated.Kex || offered.HostKey.FirstOrDefault() != negotiated.HostKey))
            await _transport.ReceiveAsync(ct).ConfigureAwait(false); // RFC 4253 §7: a wrong guess is ignored

        var output = await KexMethod.RunAsync(_transport, negotiated.Kex, negotiated.HostKey,
            Encoding.ASCII.GetBytes(VersionExchange.ClientIdentification), Encoding.UTF8.GetBytes(Server.Banner),
            clientKexInit, serverKexInit, ct).ConfigureAwait(false);
        HostKeyBlob = output.HostKeyBlob;
        SessionId = output.ExchangeHash;

        await _transport.SendAsync([SshMsg.NewKeys], ct).ConfigureAwait(false);
        _transport.SetOutgoing(MakeCipher(output, negotiated.CipherClientToServer, negotiated.MacClientToServer, 'A', 'C', 'E'));
        var newKeys = await _transport.ReceiveAsync(ct).ConfigureAwait(false);
        if (newKeys[0] != SshMsg.NewKeys) throw new SshProtocolException($"expected NEWKEYS, got message {newKeys[0]}");
        _transport.SetIncoming(MakeCipher(output, negotiated.CipherServerToClient, negotiated.MacServerToClient, 'B', 'D', 'F'));
        _transport.InInitialKex = false;
    }

    private DirectionCipher MakeCipher(KexOutput k, string cipher, string? mac, char iv, char key, char macKey)
    {
        var ivBytes = KexMethod.DeriveKey(k.SharedSecretMpint, k.ExchangeHash, iv, SessionId, DirectionCipher.IvLength(cipher));
        var keyBytes = KexMethod.DeriveKey(k.SharedSecretMpint, k.ExchangeHash, key, SessionId, DirectionCipher.KeyLength(cipher));
        var macBytes = mac is null ? null : KexMethod.DeriveKey(k.SharedSecretMpint, k.ExchangeHash, macKey, SessionId, DirectionCipher.MacKeyLength(mac));
        return DirectionCipher.Create(cipher, mac, keyBytes, ivBytes, macBytes);
    }

    public Task SendAsync(byte[] payload, CancellationToken ct) => _transport.SendAsync(payload, ct);

    /// <summary>The next message, with EXT_INFO and USERAUTH_BANNER recorded and skipped.</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            var m = await _transport.ReceiveAsync(ct).ConfigureAwait(false);
            switch (m[0])
            {
                case SshMsg.ExtInfo:
                {
                    var r = new SshReader(m, 1);
                    var count = r.UInt32();
                    for (var i = 0; i < count && i < 64; i++)
                    {
                        var name = r.String();
                        var value = r.String();
                        if (name == "server-sig-algs") ServerSigAlgs = value.Length == 0 ? [] : value.Split(',');
                    }
                    continue;
                }
                case SshMsg.UserauthBanner:
                {
                    var r = new SshReader(m, 1);
                    if (Banners.Count < 16) Banners.Add(r.String());
                    continue;
                }
                default:
                    return m;
            }
        }
    }

    /// <summary>SSH_MSG_DISCONNECT "by application", best effort, then close.</summary>
    public async Task DisconnectAsync(CancellationToken ct)
    {
        try
        {
            var msg = new SshWriter().Byte(SshMsg.Disconnect).UInt32(11).String("sshdoctor probe done").String("").ToArray();
            await _transport.SendAsync(msg, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public ValueTask DisposeAsync()
    {
        _transport.Dispose();
        _stream.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
