using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;

namespace SshDoctor.Core.Logs;

/// <summary>One distinct name kept by a <see cref="Utf8Interner{T}"/>: its text, and the key it is found by.</summary>
internal class Utf8Name(string text)
{
    public readonly string Text = text;
    internal uint Hash;
    internal int Length;
    /// <summary>The first 16 bytes, zero-padded.</summary>
    internal ulong K0, K1;
    /// <summary>All the bytes of a name longer than 16.</summary>
    internal byte[]? Long;
}

/// <summary>
/// One object per distinct user name, address or path: a log repeats them thousands of times. Looked up by their
/// UTF-8 bytes (an open-addressing table), so a name seen before costs no decoding and no allocation, and the
/// strings it returns compare equal by reference in the analysis' dictionaries. The key sits in the name's own
/// object, next to its text and what the analysis attaches to it (<typeparamref name="T"/>): a lookup of a name seen
/// before reads the dense hash array and that one object (a log is read once through the cache, and the cache lines a
/// lookup touches are what it costs).
/// </summary>
internal sealed class Utf8Interner<T>(Func<string, T> make, int maxEntries = 200_000) where T : Utf8Name
{
    private const int MaxLength = 128;
    private const int InitialSize = 1024;
    private uint[] _hashes = new uint[InitialSize];
    private T?[] _names = new T?[InitialSize];
    private int _count;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return make(Encoding.UTF8.GetString(utf8));
        Utf8Key.Of(utf8, out var k0, out var k1);
        var hash = Utf8Key.Hash(utf8, k0, k1);
        var hashes = _hashes;
        var mask = hashes.Length - 1;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            var h = hashes[i];
            if (h == 0) return Add(i, hash, utf8, k0, k1);
            if (h != hash) continue;
            var n = _names[i]!;
            if (n.Length == utf8.Length && n.K0 == k0 && n.K1 == k1 &&
                (utf8.Length <= Utf8Key.InlineLength || utf8.SequenceEqual(n.Long))) return n;
        }
    }

    private T Add(int slot, uint hash, ReadOnlySpan<byte> utf8, ulong k0, ulong k1)
    {
        var name = make(Encoding.UTF8.GetString(utf8));
        name.Hash = hash;
        name.Length = utf8.Length;
        name.K0 = k0;
        name.K1 = k1;
        name.Long = utf8.Length > Utf8Key.InlineLength ? utf8.ToArray() : null;
        if (_count >= maxEntries)
        {
            // A scan with endless distinct names: start over rather than grow without bound.
            _hashes = new uint[InitialSize];
            _names = new T?[InitialSize];
            _count = 0;
            slot = -1;
        }
        else if ((_count + 1) * 2 > _hashes.Length)
        {
            Grow();
            slot = -1;
        }
        if (slot < 0) slot = FreeSlot(_hashes, hash);
        _hashes[slot] = hash;
        _names[slot] = name;
        _count++;
        return name;
    }

    private static int FreeSlot(uint[] hashes, uint hash)
    {
        var mask = hashes.Length - 1;
        var i = (int)(hash & mask);
        while (hashes[i] != 0) i = (i + 1) & mask;
        return i;
    }

    private void Grow()
    {
        var oldHashes = _hashes;
        var oldNames = _names;
        _hashes = new uint[oldHashes.Length * 2];
        _names = new T?[oldHashes.Length * 2];
        for (var j = 0; j < oldHashes.Length; j++)
        {
            if (oldHashes[j] == 0) continue;
            var i = FreeSlot(_hashes, oldHashes[j]);
            _hashes[i] = oldHashes[j];
            _names[i] = oldNames[j];
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
