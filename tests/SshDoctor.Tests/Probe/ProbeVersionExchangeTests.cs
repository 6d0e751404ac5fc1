using System.Text;
using SshDoctor.Core.Protocol;

namespace SshDoctor.Tests.Probe;

public class ProbeVersionExchangeTests
{
    private static Task<ServerIdentification> Read(string text) =>
        VersionExchange.ReceiveAsync(new SshInput(new MemoryStream(Encoding.UTF8.GetBytes(text))), default);

    [Fact]
    public async Task Reads_banner_software_comments_and_preamble()
    {
        var id = await Read("Welcome\r\nauthorized use only\r\nSSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n\0\0\0\x10");
        Assert.Equal("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3", id.Banner);
        Assert.Equal("OpenSSH_9.2p1", id.Software);
        Assert.Equal("Debian-2+deb12u3", id.Comments);
        Assert.Equal("9.2p1", id.OpenSshVersion);
        Assert.Equal((9, 2), id.OpenSshMajorMinor);
        Assert.Equal(["Welcome", "authorized use only"], id.PreambleLines);
    }

    [Fact]
    public async Task Accepts_1_99_and_lf_only()
    {
        var id = await Read("SSH-1.99-Cisco-1.25\n");
        Assert.Equal("1.99", id.ProtocolVersion);
        Assert.Null(id.OpenSshVersion);
    }

    [Theory]
    [InlineData("", NotSshKind.ClosedSilently)]
    [InlineData("HTTP/1.1 400 Bad Request\r\n\r\n", NotSshKind.ClosedBeforeIdentification)]
    [InlineData("\x16\x03\x01\x00\x05hello\n", NotSshKind.Garbage)]
    public async Task Not_ssh_is_classified(string text, NotSshKind kind)
    {
        var e = await Assert.ThrowsAsync<NotSshException>(() => Read(text));
        Assert.Equal(kind, e.Kind);
    }

    [Fact]
    public async Task Endless_lines_and_long_lines_are_bounded()
    {
        var many = string.Concat(Enumerable.Repeat("hello\r\n", 1000));
        Assert.Equal(NotSshKind.TooManyLines, (await Assert.ThrowsAsync<NotSshException>(() => Read(many))).Kind);
        var longLine = new string('A', 100_000);
        Assert.Equal(NotSshKind.LineTooLong, (await Assert.ThrowsAsync<NotSshException>(() => Read(longLine))).Kind);
    }

    [Fact]
    public async Task Ssh1_only_is_a_protocol_error()
    {
        await Assert.ThrowsAsync<SshProtocolException>(() => Read("SSH-1.5-Old\r\n"));
    }
}
