using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Core.Agent;

/// <summary>
/// The ssh-agent protocol (draft-miller-ssh-agent) over the agent's Unix socket: the identity list
/// (SSH_AGENTC_REQUEST_IDENTITIES), and a signature only for `--login` (SSH_AGENTC_SIGN_REQUEST).
/// Bounded: 256 KiB per answer, 1024 keys, a deadline per request.
/// </summary>
public sealed class SshAgentClient : IDisposable
{
    private const byte RequestIdentities = 11, IdentitiesAnswer = 12, SignRequest = 13, SignResponse = 14, Failure = 5;
    public const uint RsaSha2_256 = 2, RsaSha2_512 = 4;
    private const int MaxAnswer = 256 * 1024;
    private const int MaxKeys = 1024;
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(5);

    private readonly Socket _socket;

    private SshAgentClient(Socket socket) => _socket = socket;

    public static SshAgentClient Connect(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            using var cts = new CancellationTokenSource(Deadline);
            socket.ConnectAsync(new UnixDomainSocketEndPoint(path), cts.Token).AsTask().GetAwaiter().GetResult();
            return new SshAgentClient(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The agent's keys in its order; never throws for what the socket or the agent does.</summary>
    public static AgentListing List(string? socketPath)
    {
        if (string.IsNullOrEmpty(socketPath)) return AgentListing.NoAgent;
        try
        {
            using var agent = Connect(socketPath);
            return new AgentListing(socketPath, agent.Identities(), null);
        }
        catch (Exception e) when (e is SocketException or IOException or SshProtocolException or OperationCanceledException or ArgumentException)
        {
            return new AgentListing(socketPath, [], e.Message);
        }
    }

    public IReadOnlyList<AgentIdentity> Identities()
    {
        var answer = Call([RequestIdentities]);
        if (answer[0] != IdentitiesAnswer) throw new SshProtocolException($"agent answered {answer[0]} to the identity request");
        var r = new SshReader(answer, 1);
        var count = r.UInt32();
        if (count > MaxKeys) throw new SshProtocolException($"agent lists {count} keys");
        var list = new List<AgentIdentity>();
        for (var i = 0; i < count; i++)
        {
            var blob = r.Bytes();
            var comment = r.String();
            var typeReader = new SshWireReader(blob);
            var type = typeReader.TryReadString(out var t) ? t : "?";
            list.Add(new AgentIdentity(blob, type, comment, PublicKey.FromBlob(blob) is { } k ? k : null));
        }
        return list;
    }

    /// <summary>The SSH signature blob the agent makes over <paramref name="data"/> (only `--login` calls this).</summary>
    public byte[] Sign(byte[] keyBlob, byte[] data, uint flags)
    {
        var req = new SshWriter().Byte(SignRequest).String(keyBlob).String(data).UInt32(flags).ToArray();
        var answer = Call(req);
        if (answer[0] == Failure) throw new SshProtocolException("the agent refused to sign");
        if (answer[0] != SignResponse) throw new SshProtocolException($"agent answered {answer[0]} to the sign request");
        return new SshReader(answer, 1).Bytes();
    }

    private byte[] Call(byte[] message)
    {
        using var cts = new CancellationTokenSource(Deadline);
        var frame = new byte[4 + message.Length];
        BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)message.Length);
        message.CopyTo(frame, 4);
        _socket.SendAsync(frame, SocketFlags.None, cts.Token).AsTask().GetAwaiter().GetResult();
        var head = ReadExactly(4, cts.Token);
        var length = BinaryPrimitives.ReadUInt32BigEndian(head);
        if (length is 0 or > MaxAnswer) throw new SshProtocolException($"agent answer of {length} bytes");
        return ReadExactly((int)length, cts.Token);
    }

    private byte[] ReadExactly(int n, CancellationToken ct)
    {
        var buf = new byte[n];
        var got = 0;
        while (got < n)
        {
            var k = _socket.ReceiveAsync(buf.AsMemory(got), SocketFlags.None, ct).AsTask().GetAwaiter().GetResult();
            if (k == 0) throw new IOException("the agent closed the connection");
            got += k;
        }
        return buf;
    }

    public void Dispose() => _socket.Dispose();
}

/// <summary>`--login` with a key only the agent holds: the agent signs, the private key never leaves it.</summary>
public sealed class AgentProbeSigner(string socketPath, PublicKey key) : IProbeSigner
{
    public PublicKey PublicKey => key;

    public string SignatureAlgorithm(IReadOnlyList<string>? serverSigAlgs) =>
        key.Type == "ssh-rsa" ? RsaProbeSigner.RsaAlgorithm(serverSigAlgs) : key.Type;

    public byte[] Sign(string algorithm, byte[] data)
    {
        using var agent = SshAgentClient.Connect(socketPath);
        var flags = algorithm switch { "rsa-sha2-512" => SshAgentClient.RsaSha2_512, "rsa-sha2-256" => SshAgentClient.RsaSha2_256, _ => 0u };
        return agent.Sign(key.Blob, data, flags);
    }

    public void Dispose() { }
}
