using System.Buffers.Binary;
using System.Numerics;
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
    private const int InitialSize = 1024;
    private readonly int _maxEntries;
    // A per-process seed: names in a log come from the internet, so their hashes must not be predictable.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64() | 1;
    // The hashes apart from the entries: a probe reads 4 bytes per slot (the table is read once per connection,
    // and its cache lines are what it costs).
    private uint[] _hashes = new uint[InitialSize];
    private Entry[] _entries = new Entry[InitialSize];
    private int _count;

    private struct Entry
    {
        public byte[] Bytes;
        public string Text;
    }

    public Utf8Interner(int maxEntries = 200_000) => _maxEntries = maxEntries;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string Get(ReadOnlySpan<byte> utf8)
    {
        if (utf8.Length > MaxLength) return Encoding.UTF8.GetString(utf8);
        var hash = Hash(utf8);
        var hashes = _hashes;
        var mask = hashes.Length - 1;
        for (var i = (int)(hash & mask); ; i = (i + 1) & mask)
        {
            var h = hashes[i];
            if (h == 0) return Add(i, hash, utf8);
            if (h == hash && utf8.SequenceEqual(_entries[i].Bytes)) return _entries[i].Text;
        }
    }

    private string Add(int slot, uint hash, ReadOnlySpan<byte> utf8)
    {
        var text = Encoding.UTF8.GetString(utf8);
        if (_count >= _maxEntries)
        {
            // A scan with endless distinct names: start over rather than grow without bound.
            _hashes = new uint[InitialSize];
            _entries = new Entry[InitialSize];
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
        _entries[slot] = new Entry { Bytes = utf8.ToArray(), Text = text };
        _count++;
        return text;
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
        var oldEntries = _entries;
        _hashes = new uint[oldHashes.Length * 2];
        _entries = new Entry[oldHashes.Length * 2];
        for (var j = 0; j < oldHashes.Length; j++)
        {
            if (oldHashes[j] == 0) continue;
            var i = FreeSlot(_hashes, oldHashes[j]);
            _hashes[i] = oldHashes[j];
            _entries[i] = oldEntries[j];
        }
    }

    /// <summary>Never 0 (0 marks a free slot).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<byte> s)
    {
        var h = Seed ^ (ulong)s.Length;
        while (s.Length >= 8)
        {
            h = BitOperations.RotateLeft(h ^ (BinaryPrimitives.ReadUInt64LittleEndian(s) * 0x9E3779B97F4A7C15), 31) * 0xC2B2AE3D27D4EB4F;
            s = s[8..];
        }
        ulong tail = 0;
        for (var i = 0; i < s.Length; i++) tail |= (ulong)s[i] << (8 * i);
        h ^= tail * 0x9E3779B97F4A7C15;
        // murmur3's finalizer: every input bit reaches the low bits the table index is taken from.
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCD;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53;
        h ^= h >> 33;
        return (uint)h == 0 ? 1 : (uint)h;
    }
}
