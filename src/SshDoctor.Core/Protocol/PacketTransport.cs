using System.Buffers.Binary;
using System.Security.Cryptography;

namespace SshDoctor.Core.Protocol;

/// <summary>
/// The binary packet protocol (RFC 4253 §6): framing, padding, sequence numbers, encryption and MAC once
/// keys are in use. Bounded: a packet longer than <see cref="MaxPacketLength"/> ends the connection.
/// </summary>
internal sealed class PacketTransport(SshInput input, Stream output) : IDisposable
{
    /// <summary>OpenSSH's own bound (PACKET_MAX_SIZE) is 256 KiB; nothing the probe expects comes close.</summary>
    public const int MaxPacketLength = 256 * 1024;

    private uint _seqIn, _seqOut;

    /// <summary>The raw input, used for the identification lines before the first packet.</summary>
    public SshInput Input => input;
    private DirectionCipher? _rx, _tx;

    /// <summary>Set by the key exchange when both sides agreed to strict KEX (kex-strict-*-v00@openssh.com).</summary>
    public bool StrictKex { get; set; }
    public bool InInitialKex { get; set; } = true;

    /// <summary>Debug and ignore messages the server sent (evidence only).</summary>
    public List<string> DebugMessages { get; } = new();

    public async Task SendAsync(byte[] payload, CancellationToken ct)
    {
        var blockSize = _tx?.BlockSize ?? 8;
        var lengthExcluded = _tx is not null && (_tx.IsAead || _tx.Etm);
        var unpadded = (lengthExcluded ? 0 : 4) + 1 + payload.Length;
        var padding = blockSize - unpadded % blockSize;
        if (padding < 4) padding += blockSize;
        var packetLength = 1 + payload.Length + padding;
        var packet = new byte[4 + packetLength];
        BinaryPrimitives.WriteUInt32BigEndian(packet, (uint)packetLength);
        packet[4] = (byte)padding;
        payload.CopyTo(packet, 5);
        RandomNumberGenerator.Fill(packet.AsSpan(5 + payload.Length, padding));
        var wire = _tx is null ? packet : _tx.Seal(_seqOut, packet);
        _seqOut++;
        await output.WriteAsync(wire, ct).ConfigureAwait(false);
        await output.FlushAsync(ct).ConfigureAwait(false);
    }

    /// <summary>The next payload that is not IGNORE/DEBUG; DISCONNECT becomes <see cref="SshDisconnectedException"/>.</summary>
    public async Task<byte[]> ReceiveAsync(CancellationToken ct)
    {
        while (true)
        {
            var payload = await ReceiveRawAsync(ct).ConfigureAwait(false);
            if (payload.Length == 0) throw new SshProtocolException("empty packet");
            switch (payload[0])
            {
                case SshMsg.Disconnect:
                {
                    var r = new SshReader(payload, 1);
                    var reason = r.UInt32();
                    var description = r.String();
                    throw new SshDisconnectedException(reason, description);
                }
                case SshMsg.Ignore or SshMsg.Debug or SshMsg.Unimplemented when !(StrictKex && InInitialKex):
                    if (payload[0] == SshMsg.Debug && DebugMessages.Count < 16)
                    {
                        var r = new SshReader(payload, 1);
                        r.Bool();
                        DebugMessages.Add(r.String());
                    }
                    continue;
                default:
                    return payload;
            }
        }
    }

    private async Task<byte[]> ReceiveRawAsync(CancellationToken ct)
    {
        byte[] body;
        var rx = _rx;
        if (rx is null)
        {
            var head = new byte[4];
            await input.ReadExactAsync(head, ct).ConfigureAwait(false);
            var len = CheckLength(BinaryPrimitives.ReadUInt32BigEndian(head), 8, false);
            body = new byte[len];
            await input.ReadExactAsync(body, ct).ConfigureAwait(false);
        }
        else if (rx.IsAead || rx.Etm)
        {
            var head = new byte[4];
            await input.ReadExactAsync(head, ct).ConfigureAwait(false);
            var len = CheckLength(BinaryPrimitives.ReadUInt32BigEndian(head), rx.BlockSize, false);
            var rest = new byte[len + rx.MacLength];
            await input.ReadExactAsync(rest, ct).ConfigureAwait(false);
            body = rest.AsSpan(0, len).ToArray();
            if (rx.IsAead)
            {
                rx.OpenAead(head, body, rest.AsSpan(len));
            }
            else
            {
                var authenticated = new byte[4 + len];
                head.CopyTo(authenticated, 0);
                body.CopyTo(authenticated, 4);
                rx.VerifyMac(_seqIn, authenticated, rest.AsSpan(len));
                rx.DecryptInPlace(body);
            }
        }
        else
        {
            var first = new byte[rx.BlockSize];
            await input.ReadExactAsync(first, ct).ConfigureAwait(false);
            rx.DecryptInPlace(first);
            var len = CheckLength(BinaryPrimitives.ReadUInt32BigEndian(first), rx.BlockSize, true);
            var rest = new byte[4 + len - first.Length + rx.MacLength];
            await input.ReadExactAsync(rest, ct).ConfigureAwait(false);
            var plain = new byte[4 + len];
            first.CopyTo(plain, 0);
            var encRest = rest.AsSpan(0, plain.Length - first.Length);
            rx.DecryptInPlace(encRest);
            encRest.CopyTo(plain.AsSpan(first.Length));
            rx.VerifyMac(_seqIn, plain, rest.AsSpan(plain.Length - first.Length));
            body = plain.AsSpan(4).ToArray();
        }
        _seqIn++;
        int padding = body[0];
        if (padding < 4 || padding > body.Length - 1) throw new SshProtocolException("bad padding length");
        return body.AsSpan(1, body.Length - 1 - padding).ToArray();
    }

    private static int CheckLength(uint length, int blockSize, bool lengthIncluded)
    {
        if (length < 5 || length > MaxPacketLength)
            throw new SshProtocolException($"packet length {length} out of bounds");
        if ((length + (lengthIncluded ? 4 : 0)) % (uint)blockSize != 0 && blockSize > 8)
            throw new SshProtocolException("packet length not a multiple of the block size");
        return (int)length;
    }

    /// <summary>After sending NEWKEYS: new keys for what we send (strict KEX resets the counter).</summary>
    public void SetOutgoing(DirectionCipher cipher)
    {
        _tx?.Dispose();
        _tx = cipher;
        if (StrictKex) _seqOut = 0;
    }

    /// <summary>After receiving NEWKEYS.</summary>
    public void SetIncoming(DirectionCipher cipher)
    {
        _rx?.Dispose();
        _rx = cipher;
        if (StrictKex) _seqIn = 0;
    }

    /// <summary>Strict KEX: the first KEXINIT must be the first packet.</summary>
    public uint IncomingSequence => _seqIn;

    public void Dispose()
    {
        _rx?.Dispose();
        _tx?.Dispose();
    }
}
