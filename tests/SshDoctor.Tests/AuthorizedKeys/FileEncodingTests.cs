using System.Text;
using SshDoctor.Core.AuthorizedKeys;
using SshDoctor.Tests.Support;

namespace SshDoctor.Tests.AuthorizedKeys;

public class FileEncodingTests
{
    [Fact]
    public void Utf16le_with_bom_as_powershell_writes_it()
    {
        var bytes = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\r\n")).ToArray();
        var r = FileEncoding.DetectUtf16(bytes);
        Assert.Equal("UTF-16LE", r!.Value.Name);
        Assert.StartsWith("ssh-ed25519 ", r.Value.Text);
    }

    [Fact]
    public void Utf16be_with_bom()
    {
        var bytes = Encoding.BigEndianUnicode.GetPreamble().Concat(Encoding.BigEndianUnicode.GetBytes(TestKeys.Ed25519A)).ToArray();
        Assert.Equal("UTF-16BE", FileEncoding.DetectUtf16(bytes)!.Value.Name);
    }

    [Fact]
    public void Utf16le_without_bom()
    {
        var r = FileEncoding.DetectUtf16(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\n"));
        Assert.Equal("UTF-16LE", r!.Value.Name);
        Assert.Contains(TestKeys.Ed25519AB64, r.Value.Text);
    }

    [Fact]
    public void Utf8_text_is_not_utf16()
    {
        Assert.Null(FileEncoding.DetectUtf16(Encoding.UTF8.GetBytes(TestKeys.Ed25519A + "\n")));
        Assert.Null(FileEncoding.DetectUtf16(Encoding.UTF8.GetBytes("\uFEFF" + TestKeys.Ed25519A + "\n")));
        Assert.Null(FileEncoding.DetectUtf16([]));
    }

    [Fact]
    public void Utf16_text_yields_no_key_for_the_line_parser()
    {
        var text = Encoding.UTF8.GetString(Encoding.Unicode.GetBytes(TestKeys.Ed25519A + "\n"));
        Assert.DoesNotContain(AuthorizedKeysParser.Parse(text), l => l.Key is not null);
    }
}
