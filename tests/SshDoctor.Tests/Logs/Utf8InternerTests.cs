using System.Text;
using SshDoctor.Core.Logs;

namespace SshDoctor.Tests.Logs;

/// <summary>The interner keeps names up to 16 bytes inside its slots and longer ones as bytes: both must tell
/// every distinct name apart and give one object per name.</summary>
public class Utf8InternerTests
{
    private static readonly string[] Names =
    [
        "", "a", "ab", "root", "198.51.100.7", "0123456789abcdef", "0123456789abcdeg", "0123456789abcdef0",
        "0123456789abcdef1", "2001:db8:aaaa:bbbb::1", "2001:db8:aaaa:bbbb::2", "2001:db8:aaaa:bbbb:cccc:dddd:eeee:ffff",
        "2001:db8:aaaa:bbbb:cccc:dddd:eeee:fffe", "é", "e\u0301", new string('x', 128), new string('x', 127) + "y",
    ];

    [Fact]
    public void Each_name_gets_its_own_string_and_the_same_one_again()
    {
        var interner = new Utf8Interner<Utf8Name>(s => new Utf8Name(s));
        var first = Names.Select(n => interner.Get(Encoding.UTF8.GetBytes(n))).ToList();
        Assert.Equal(Names, first.Select(n => n.Text));
        foreach (var (name, s) in Names.Zip(first))
            Assert.Same(s, interner.Get(Encoding.UTF8.GetBytes(name)));
    }

    [Fact]
    public void Growing_and_starting_over_keep_names_apart()
    {
        var interner = new Utf8Interner<Utf8Name>(s => new Utf8Name(s), maxEntries: 700);
        for (var round = 0; round < 3; round++)
            for (var i = 0; i < 2000; i++)
            {
                var name = i % 2 == 0 ? $"198.51.{i / 256}.{i % 256}" : $"2001:db8:aaaa:bbbb::{i:x}";
                Assert.Equal(name, interner.Get(Encoding.UTF8.GetBytes(name)).Text);
            }
    }

    [Fact]
    public void Names_longer_than_the_limit_are_decoded_each_time()
    {
        var interner = new Utf8Interner<Utf8Name>(s => new Utf8Name(s));
        var name = new string('z', 129);
        var a = interner.Get(Encoding.UTF8.GetBytes(name));
        Assert.Equal(name, a.Text);
        Assert.NotSame(a, interner.Get(Encoding.UTF8.GetBytes(name)));
    }
}
