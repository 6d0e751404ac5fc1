using System.Runtime.CompilerServices;
using System.Text;

namespace SshDoctor.Core.Logs;

/// <summary>One string per distinct user name or address: a log repeats them thousands of times.</summary>
internal sealed class Utf8Interner
{
    private const int MaxEntries = 200_000;
    private readonly Dictionary<string, string> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public Utf8Interner() => _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > 128) return Encoding.UTF8.GetString(utf8);
        Span<char> buf = stackalloc char[128];
        var n = Encoding.UTF8.GetChars(utf8, buf);
        var chars = buf[..n];
        if (_lookup.TryGetValue(chars, out var s)) return s;
        s = new string(chars);
        if (_map.Count >= MaxEntries) _map.Clear();
        _map[s] = s;
        return s;
    }
}
