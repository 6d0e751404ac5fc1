using SshDoctor.Core.Keys;

namespace SshDoctor.Tests.Keys;

/// <summary>RFC 9106 section 5 test vectors (password 32×0x01, salt 16×0x02, secret 8×0x03, associated data 12×0x04, m=32, t=3, p=4, tag 32 bytes).</summary>
public sealed class Argon2Tests
{
    private static byte[] Fill(int n, byte b) => Enumerable.Repeat(b, n).ToArray();

    [Theory]
    [InlineData(0, "512b391b6f1162975371d30919734294f868e3be3984f3c1a13a4db9fabe4acb")]
    [InlineData(1, "c814d9d1dc7f37aa13f0d77f2494bda1c8de6b016dd388d29952a4c4672b6ce8")]
    [InlineData(2, "0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")]
    public void Rfc9106_test_vectors(int typeId, string expectedHex)
    {
        var tag = Argon2.Hash((Argon2Type)typeId, Fill(32, 1), Fill(16, 2), Fill(8, 3), Fill(12, 4), passes: 3, memoryKiB: 32, lanes: 4, length: 32);
        Assert.Equal(expectedHex, Convert.ToHexStringLower(tag));
    }

    [Fact]
    public void Long_outputs_use_the_variable_length_hash()
    {
        // H' with T > 64: PuTTY asks for 80 bytes; the first 64 must differ from a 64-byte request.
        var a = Argon2.Hash(Argon2Type.Argon2id, [1, 2, 3], Fill(16, 9), 1, 64, 1, 80);
        var b = Argon2.Hash(Argon2Type.Argon2id, [1, 2, 3], Fill(16, 9), 1, 64, 1, 64);
        Assert.Equal(80, a.Length);
        Assert.NotEqual(a[..64], b);
    }
}
