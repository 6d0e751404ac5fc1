using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Text;

namespace SshDoctor.Core.Logs;

/// <summary>
/// One string per distinct user name, address or path: a log repeats them thousands of times. Looked up by their
/// UTF-8 bytes (an open-addressing table), so a name seen before costs no decoding and no allocation, and the
/// strings it returns compare equal by reference in the analysis' dictionaries.
/// </summary>
internal sealed class Utf8Interner
{
    private const int MaxLength = 128;
    private readonly int _maxEntries;
    // A per-process seed: names in a log come from the internet, so their hashes must not be predictable.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;
    private Slot[] _slots = new Slot[1024];
    private int _count;

    private struct Slot
    {
        public uint Hash;
        public byte[]? Bytes;
        public string Text;
    }

    public Utf8Interner(int maxEntries = 200_000) => _maxEntries = maxEntries;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        var hash = Hash(utf8);
        var mask = _slots.Length - 1;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref _slots[i];
            if (slot.Bytes is null) return Add(ref slot, hash, utf8);
            if (slot.Hash == hash && utf8.SequenceEqual(slot.Bytes)) return slot.Text;
        }
    }

    private string Add(ref Slot slot, uint hash, ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (_count >= _maxEntries)
        {
            // A scan with endless distinct names: start over rather than grow without bound.
            _slots = new Slot[1024];
            _count = 0;
            return Insert(hash, utf8, text);
        }
        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
            return Insert(hash, utf8, text);
        }
        slot = new Slot { Hash = hash, Bytes = utf8.ToArray(), Text = text };
        _count++;
        return text;
    }

    private string Insert(uint hash, ReadOnlySpan<byte> utf8, string text)
    {
        var mask = _slots.Length - 1;
        var i = (int)(hash & mask);
        while (_slots[i].Bytes is not null) i = (i + 1) & mask;
        _slots[i] = new Slot { Hash = hash, Bytes = utf8.ToArray(), Text = text };
        _count++;
        return text;
    }

    private void Grow()
    {
        var old = _slots;
        _slots = new Slot[old.Length * 2];
        var mask = _slots.Length - 1;
        foreach (var s in old)
        {
            if (s.Bytes is null) continue;
            var i = (int)(s.Hash & mask);
            while (_slots[i].Bytes is not null) i = (i + 1) & mask;
            _slots[i] = s;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        var h = Seed ^ ((ulong)s.Length * 0x9E3779B97F4A7C15);
        while (s.Length >= 8)
        {
            h = (h ^ BinaryPrimitives.ReadUInt64LittleEndian(s)) * 0xFF51AFD7ED558CCD;
            h ^= h >> 32;
            s = s[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
        h = (h ^ tail) * 0xC4CEB9FE1A85EC53;
        h ^= h >> 29;
        return (uint)h;
    }
}
