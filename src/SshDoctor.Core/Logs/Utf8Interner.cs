using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace SshDoctor.Core.Logs;

/// <summary>
/// One string per distinct user name, address or path: a log repeats them thousands of times. Looked up by their
/// UTF-8 bytes (an open-addressing table), so a name seen before costs no decoding and no allocation, and the
/// strings it returns compare equal by reference in the analysis' dictionaries. <typeparamref name="T"/> is what
/// one distinct name is kept as: its string, or an object that carries the string and what the analysis attaches to it.
/// </summary>
internal sealed class Utf8Interner<T>(Func<string, T> make, int maxEntries = 200_000) where T : class
{
    private const int MaxLength = 128;
    /// <summary>Names up to this long (IPv4 addresses, most user names) are kept inside their slot.</summary>
    private const int InlineLength = Utf8Key.InlineLength;
    private const int InitialSize = 1024;
    // One slot holds the hash, the length and a short name's bytes: a lookup of a name seen before reads one slot
    // (a log is read once through the cache, and the cache lines a lookup touches are what it costs).
    private Entry[] _entries = new Entry[InitialSize];
    private int _count;

    private struct Entry
    {
        public uint Hash;
        public int Length;
        public ulong K0, K1;
        /// <summary>The bytes of a name longer than <see cref="InlineLength"/>.</summary>
        public byte[]? Long;
        public T Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return make(Encoding.UTF8.GetString(utf8));
        Utf8Key.Of(utf8, out var k0, out var k1);
        var hash = Utf8Key.Hash(utf8, k0, k1);
        var entries = _entries;
        var mask = entries.Length - 1;
        var inline = utf8.Length <= InlineLength;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            ref var e = ref entries[i];
            if (e.Hash == 0) return Add(i, hash, utf8, k0, k1);
            if (e.Hash == hash && e.Length == utf8.Length && e.K0 == k0 && e.K1 == k1 &&
                (inline || utf8.SequenceEqual(e.Long))) return e.Value;
        }
    }

    private T Add(int slot, uint hash, ReadOnlySpan<byte> utf8, ulong k0, ulong k1)
    {
        var value = make(Encoding.UTF8.GetString(utf8));
        if (_count >= maxEntries)
        {
            // A scan with endless distinct names: start over rather than grow without bound.
            _entries = new Entry[InitialSize];
            _count = 0;
            slot = -1;
        }
        else if ((_count + 1) * 2 > _entries.Length)
        {
            Grow();
            slot = -1;
        }
        if (slot < 0) slot = FreeSlot(_entries, hash);
        _entries[slot] = new Entry
        {
            Hash = hash, Length = utf8.Length, K0 = k0, K1 = k1,
            Long = utf8.Length > InlineLength ? utf8.ToArray() : null, Value = value,
        };
        _count++;
        return value;
    }

    private static int FreeSlot(Entry[] entries, uint hash)
    {
        var mask = entries.Length - 1;
        var i = (int)(hash & mask);
        while (entries[i].Hash != 0) i = (i + 1) & mask;
        return i;
    }

    private void Grow()
    {
        var old = _entries;
        _entries = new Entry[old.Length * 2];
        foreach (ref var e in old.AsSpan())
        {
            if (e.Hash == 0) continue;
            _entries[FreeSlot(_entries, e.Hash)] = e;
        }
    }
}

/// <summary>The key of a name in <see cref="Utf8Interner{T}"/>: its first 16 bytes inline, and a seeded hash of all of them.</summary>
internal static class Utf8Key
{
    public const int InlineLength = 16;
    // A per-process seed: names in a log come from the internet, so their hashes must not be predictable.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;

    /// <summary>The first 16 bytes as two words, zero-padded.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Of(ReadOnlySpan<byte> s, out ulong k0, out ulong k1)
    {
        if (s.Length >= InlineLength)
        {
            k0 = BinaryPrimitives.ReadUInt64LittleEndian(s);
            k1 = BinaryPrimitives.ReadUInt64LittleEndian(s[8..]);
            return;
        }
        Span<byte> pad = stackalloc byte[InlineLength];
        pad.Clear();
        s.CopyTo(pad);
        k0 = BinaryPrimitives.ReadUInt64LittleEndian(pad);
        k1 = BinaryPrimitives.ReadUInt64LittleEndian(pad[8..]);
    }

    /// <summary>Never 0 (0 marks a free slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Hash(ReadOnlySpan<byte> s, ulong k0, ulong k1)
    {
        var h = Seed ^ (ulong)s.Length;
        h = BitOperations.RotateLeft(h ^ (k0 * 0x9E3779B97F4A7C15), 31) * 0xC2B2AE3D27D4EB4F;
        h = BitOperations.RotateLeft(h ^ (k1 * 0x9E3779B97F4A7C15), 31) * 0xC2B2AE3D27D4EB4F;
        if (s.Length > InlineLength)
        {
            s = s[InlineLength..];
            while (s.Length >= 8)
            {
                h = BitOperations.RotateLeft(h ^ (BinaryPrimitives.ReadUInt64LittleEndian(s) * 0x9E3779B97F4A7C15), 31) * 0xC2B2AE3D27D4EB4F;
                s = s[8..];
            }
            ulong tail = 0;
            for (var i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
            h ^= tail * 0x9E3779B97F4A7C15;
        }
        // murmur3's finalizer: every input bit reaches the low bits the table index is taken from.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return (uint)h == 0 ? 1 : (uint)h;
    }
}
