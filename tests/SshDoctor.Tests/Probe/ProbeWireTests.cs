using System.Numerics;
using System.Text;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Tests.Probe;

public class ProbeWireTests
{
    [Theory]
    // RFC 4251 §5 examples.
    [InlineData("0", "00000000")]
    [InlineData("9a378f9b2e332a7", "0000000809a378f9b2e332a7")]
    [InlineData("80", "000000020080")]
    public void Mpint_encoding_follows_rfc4251(string hex, string expected)
    {
        var value = BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber);
        Assert.Equal(expected, Convert.ToHexStringLower(new SshWriter().Mpint(value).ToArray()));
    }

    [Fact]
    public void Unsigned_magnitude_with_leading_zeros_is_trimmed()
    {
        Assert.Equal("00000000", Convert.ToHexStringLower(new SshWriter().MpintUnsigned([0, 0, 0]).ToArray()));
        Assert.Equal("0000000101", Convert.ToHexStringLower(new SshWriter().MpintUnsigned([0, 0, 1]).ToArray()));
        Assert.Equal("00000002 0080".Replace(" ", ""), Convert.ToHexStringLower(new SshWriter().MpintUnsigned([0, 0x80]).ToArray()));
    }

    [Fact]
    public void Reader_never_reads_past_the_end()
    {
        var r = new SshReader([0, 0, 0, 9, 1, 2]);
        Assert.Throws<SshProtocolException>(() => r.Bytes());
        Assert.Throws<SshProtocolException>(() => new SshReader([0xff, 0xff, 0xff, 0xff]).String());
        Assert.Throws<SshProtocolException>(() => new SshReader([]).Byte());
    }

    [Fact]
    public void Name_lists_round_trip()
    {
        var bytes = new SshWriter().NameList(["a", "b-c@x"]).NameList([]).ToArray();
        var r = new SshReader(bytes);
        Assert.Equal(["a", "b-c@x"], r.NameList());
        Assert.Empty(r.NameList());
        Assert.True(r.IsEmpty);
    }

    [Fact]
    public void Aes_ctr_matches_nist_sp800_38a()
    {
        // SP 800-38A F.5.1 CTR-AES128.Encrypt, blocks 1 and 2.
        using var ctr = new AesCtr(Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c"), Convert.FromHexString("f0f1f2f3f4f5f6f7f8f9fafbfcfdfeff"));
        var plain = Convert.FromHexString("6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51");
        var output = new byte[32];
        ctr.Transform(plain, output);
        Assert.Equal("874d6191b620e3261bef6864990db6ce9806f66b7970fdff8617187bb9fffdff", Convert.ToHexStringLower(output));
    }

    public static TheoryData<string, string?> CipherSuites() => new()
    {
        { "aes128-ctr", "hmac-sha2-256" },
        { "aes256-ctr", "hmac-sha2-256-etm@openssh.com" },
        { "aes128-ctr", "hmac-sha2-512" },
        { "aes256-ctr", "hmac-sha2-512-etm@openssh.com" },
        { "aes256-gcm@openssh.com", null },
        { "aes128-gcm@openssh.com", null },
    };

    [Theory]
    [MemberData(nameof(CipherSuites))]
    public async Task Packets_round_trip_through_every_cipher(string cipher, string? mac)
    {
        var key = Enumerable.Range(1, DirectionCipher.KeyLength(cipher)).Select(i => (byte)i).ToArray();
        var iv = Enumerable.Range(50, DirectionCipher.IvLength(cipher)).Select(i => (byte)i).ToArray();
        var macKey = mac is null ? null : Enumerable.Range(90, DirectionCipher.MacKeyLength(mac)).Select(i => (byte)i).ToArray();
        var wire = new MemoryStream();
        using var sender = new PacketTransport(new SshInput(Stream.Null), wire);
        // Unencrypted first packet, as before NEWKEYS; then two protected ones.
        await sender.SendAsync([SshMsg.KexInit, 1, 2, 3], default);
        sender.SetOutgoing(DirectionCipher.Create(cipher, mac, key, iv, macKey));
        var big = Encoding.ASCII.GetBytes(new string('x', 3000));
        await sender.SendAsync([SshMsg.ServiceRequest, .. big], default);
        await sender.SendAsync([SshMsg.Ignore], default);
        await sender.SendAsync([SshMsg.UserauthSuccess], default);

        wire.Position = 0;
        using var receiver = new PacketTransport(new SshInput(wire), Stream.Null);
        Assert.Equal(new byte[] { SshMsg.KexInit, 1, 2, 3 }, await receiver.ReceiveAsync(default));
        receiver.SetIncoming(DirectionCipher.Create(cipher, mac, key, iv, macKey));
        byte[] expected = [SshMsg.ServiceRequest, .. big];
        Assert.Equal(expected, await receiver.ReceiveAsync(default));
        Assert.Equal(new byte[] { SshMsg.UserauthSuccess }, await receiver.ReceiveAsync(default)); // IGNORE skipped
    }

    [Fact]
    public async Task A_flipped_bit_fails_the_mac()
    {
        var key = new byte[16];
        var iv = new byte[16];
        var macKey = new byte[32];
        var wire = new MemoryStream();
        using var sender = new PacketTransport(new SshInput(Stream.Null), wire);
        sender.SetOutgoing(DirectionCipher.Create("aes128-ctr", "hmac-sha2-256", key, iv, macKey));
        await sender.SendAsync([SshMsg.ServiceAccept, 1, 2, 3, 4], default);
        var bytes = wire.ToArray();
        bytes[20] ^= 1;
        using var receiver = new PacketTransport(new SshInput(new MemoryStream(bytes)), Stream.Null);
        receiver.SetIncoming(DirectionCipher.Create("aes128-ctr", "hmac-sha2-256", key, iv, macKey));
        await Assert.ThrowsAsync<SshProtocolException>(() => receiver.ReceiveAsync(default));
    }

    [Fact]
    public async Task Oversized_packet_length_is_refused_before_reading()
    {
        using var receiver = new PacketTransport(new SshInput(new MemoryStream([0x00, 0x10, 0x00, 0x00, 4])), Stream.Null);
        var e = await Assert.ThrowsAsync<SshProtocolException>(() => receiver.ReceiveAsync(default));
        Assert.Contains("out of bounds", e.Message);
    }

    [Fact]
    public async Task Disconnect_message_becomes_an_exception_with_its_text()
    {
        var wire = new MemoryStream();
        using (var sender = new PacketTransport(new SshInput(Stream.Null), wire))
            await sender.SendAsync(new SshWriter().Byte(SshMsg.Disconnect).UInt32(2).String("Too many authentication failures").String("").ToArray(), default);
        wire.Position = 0;
        using var receiver = new PacketTransport(new SshInput(wire), Stream.Null);
        var e = await Assert.ThrowsAsync<SshDisconnectedException>(() => receiver.ReceiveAsync(default));
        Assert.Equal("Too many authentication failures", e.Message);
    }

    [Fact]
    public void Key_derivation_extends_with_k_h_and_previous_output()
    {
        byte[] k = [0, 0, 0, 1, 5];
        var h = new byte[32];
        var one = KexMethod.DeriveKey(k, h, 'C', h, 32);
        var two = KexMethod.DeriveKey(k, h, 'C', h, 64);
        Assert.Equal(one, two[..32]);
        var expectedSecond = System.Security.Cryptography.SHA256.HashData([.. k, .. h, .. one]);
        Assert.Equal(expectedSecond, two[32..]);
    }
}
