using System.Text;
using CsCheck;
using SshDoctor.Core.Keys;
using SshDoctor.Core.Repair;

namespace SshDoctor.Tests.Repair;

/// <summary>
/// CsCheck properties of the authorized_keys rewrite: appending the key keeps every byte that was there, in
/// order (at most a final newline is added before the key), adds exactly one line, and is idempotent.
/// </summary>
public sealed class LineRepairPropertyTests
{
    private static readonly PublicKey Key = PublicKey.FromOpenSshLine(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExvaQMLFX5ZXFtwKevFsmQLgw9mApyHRlwohD9I3Kk+ prop@test")!;

    /// <summary>Lines an authorized_keys file really holds: comments, options, other keys, damage, non-ASCII text.</summary>
    private static readonly Gen<string> Line = Gen.OneOf(
        Gen.String[Gen.Char["a-zA-Z0-9 +/=#\"',.:@-"], 0, 80],
        Gen.Const("ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQ other@host"),
        Gen.Const("from=\"10.0.0.1\",no-pty ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIExvaQMLFX5ZXFtwKevFsmQLgw9mApyHRlwohD9I3Kk+ opts"),
        Gen.Const("# commentaire é 鍵 ключ"),
        Gen.String[Gen.Char, 0, 20].Select(s => s.Replace("\n", "", StringComparison.Ordinal)));

    private static readonly Gen<(string Text, bool FinalNewline)> File =
        Gen.Select(Line.Array[0, 30], Gen.Bool, (lines, nl) => (string.Join('\n', lines) + (nl && lines.Length > 0 ? "\n" : ""), nl));

    [Fact]
    public void Append_keeps_every_line_in_order_and_adds_one()
    {
        File.Sample(f =>
        {
            var before = Encoding.UTF8.GetBytes(f.Text);
            var after = LineRepair.AppendKey(before, Key);
            if (after.AsSpan().SequenceEqual(before)) return; // the key was already there, as a plain line
            var prefix = before.Length > 0 && before[^1] != '\n' ? [.. before, (byte)'\n'] : before;
            Assert.True(after.AsSpan().StartsWith(prefix), "a byte of the original changed or moved");
            var added = Encoding.UTF8.GetString(after.AsSpan(prefix.Length));
            Assert.Equal(Key.OpenSshLine + "\n", added);
        });
    }

    [Fact]
    public void Append_is_idempotent()
    {
        File.Sample(f =>
        {
            var once = LineRepair.AppendKey(Encoding.UTF8.GetBytes(f.Text), Key);
            Assert.Equal(once, LineRepair.AppendKey(once, Key));
        });
    }

    /// <summary>Bytes that are not UTF-8 (Latin-1 comments, binary junk) must survive byte for byte too.</summary>
    [Fact]
    public void Append_keeps_bytes_that_are_not_utf8()
    {
        Gen.Byte.Array[0, 200].Sample(bytes =>
        {
            var after = LineRepair.AppendKey(bytes, Key);
            if (after.AsSpan().SequenceEqual(bytes)) return;
            var prefix = bytes.Length > 0 && bytes[^1] != '\n' ? [.. bytes, (byte)'\n'] : bytes;
            Assert.True(after.AsSpan().StartsWith(prefix), "bytes of the original were replaced (decoded as UTF-8 and re-encoded)");
        });
    }
}
