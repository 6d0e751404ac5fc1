using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;

namespace SshDoctor.Core.Keys;

/// <summary>
/// OpenBSD's bcrypt_pbkdf, the KDF of encrypted OpenSSH private keys: PBKDF2-like rounds over a
/// bcrypt-style hash (Blowfish key schedule expanded with SHA-512 of the passphrase and salt).
/// </summary>
internal static class BcryptPbkdf
{
    private const int HashBytes = 32;

    public static byte[] Derive(byte[] password, ReadOnlySpan<byte> salt, int rounds, int length)
    {
        if (rounds < 1 || length < 1 || length > 1024) throw new ArgumentOutOfRangeException(nameof(rounds));
        var key = new byte[length];
        var stride = (length + HashBytes - 1) / HashBytes;
        var amount = (length + stride - 1) / stride;
        var sha2pass = SHA512.HashData(password);
        var countSalt = new byte[salt.Length + 4];
        salt.CopyTo(countSalt);
        var remaining = length;
        for (uint count = 1; remaining > 0; count++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(countSalt.AsSpan(salt.Length), count);
            var tmp = Hash(sha2pass, SHA512.HashData(countSalt));
            var output = (byte[])tmp.Clone();
            for (var i = 1; i < rounds; i++)
            {
                tmp = Hash(sha2pass, SHA512.HashData(tmp));
                for (var j = 0; j < output.Length; j++) output[j] ^= tmp[j];
            }
            var take = Math.Min(amount, remaining);
            int k;
            for (k = 0; k < take; k++)
            {
                var dest = k * stride + (int)(count - 1);
                if (dest >= length) break;
                key[dest] = output[k];
            }
            remaining -= k;
        }
        return key;
    }

    private static readonly byte[] Magic = "OxychromaticBlowfishSwatDynamite"u8.ToArray();

    /// <summary>bcrypt_hash: 64 rounds of expensive key schedule, then 64 encryptions of the magic text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static byte[] Hash(byte[] sha2pass, byte[] sha2salt)
    {
        var state = Blowfish.Initial();
        state.ExpandState(sha2salt, sha2pass);
        for (var i = 0; i < 64; i++)
        {
            state.Expand0State(sha2salt);
            state.Expand0State(sha2pass);
        }
        var words = new uint[8];
        for (var i = 0; i < 8; i++) words[i] = BinaryPrimitives.ReadUInt32BigEndian(Magic.AsSpan(i * 4));
        for (var i = 0; i < 64; i++)
            for (var b = 0; b < 8; b += 2)
                state.Encipher(ref words[b], ref words[b + 1]);
        var result = new byte[HashBytes];
        for (var i = 0; i < 8; i++) BinaryPrimitives.WriteUInt32LittleEndian(result.AsSpan(i * 4), words[i]);
        return result;
    }

    /// <summary>Blowfish with the eksblowfish key schedule; the initial P-array and S-boxes are the hex digits of π.</summary>
    private sealed class Blowfish
    {
        private readonly uint[] _p = new uint[18];
        private readonly uint[] _s = new uint[1024];

        private static readonly Lazy<uint[]> PiWords = new(ComputePiWords);

        public static Blowfish Initial()
        {
            var b = new Blowfish();
            var pi = PiWords.Value;
            Array.Copy(pi, 0, b._p, 0, 18);
            Array.Copy(pi, 18, b._s, 0, 1024);
            return b;
        }

        /// <summary>The first 1042 32-bit words of π's fractional part (Blowfish's P-array then its four S-boxes).</summary>
        private static uint[] ComputePiWords()
        {
            const int words = 18 + 1024;
            const int bits = words * 32 + 64; // guard bits
            // Machin: π = 16·atan(1/5) − 4·atan(1/239), in fixed point with `bits` fractional bits.
            var one = BigInteger.One << bits;
            var pi = 16 * ArcTanInverse(5, one) - 4 * ArcTanInverse(239, one);
            var fraction = pi - (3 * one);
            var result = new uint[words];
            for (var i = 0; i < words; i++)
                result[i] = (uint)((fraction >> (bits - 32 * (i + 1))) & uint.MaxValue);
            return result;
        }

        private static BigInteger ArcTanInverse(int x, BigInteger one)
        {
            var x2 = (BigInteger)x * x;
            var power = one / x; // one / x^(2k+1)
            var sum = power;
            for (var k = 1; !power.IsZero; k++)
            {
                power /= x2;
                var term = power / (2 * k + 1);
                sum = (k & 1) == 1 ? sum - term : sum + term;
            }
            return sum;
        }

        public void Encipher(ref uint left, ref uint right)
        {
            var lr = Encipher(((ulong)left << 32) | right);
            left = (uint)(lr >> 32);
            right = (uint)lr;
        }

        /// <summary>One Blowfish block, left half in the high 32 bits (a value, so the JIT keeps it in registers).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining | MethodImplOptions.AggressiveOptimization)]
        private ulong Encipher(ulong block)
        {
            // Unchecked reads: every index is a byte plus a fixed box offset, always inside the arrays.
            ref var s = ref MemoryMarshal.GetArrayDataReference(_s);
            ref var p = ref MemoryMarshal.GetArrayDataReference(_p);
            var l = (uint)(block >> 32) ^ p;
            var r = (uint)block;
            for (var i = 1; i <= 16; i += 2)
            {
                r ^= (((Unsafe.Add(ref s, (int)(l >> 24)) + Unsafe.Add(ref s, 256 + (int)((l >> 16) & 0xFF)))
                       ^ Unsafe.Add(ref s, 512 + (int)((l >> 8) & 0xFF))) + Unsafe.Add(ref s, 768 + (int)(l & 0xFF))) ^ Unsafe.Add(ref p, i);
                l ^= (((Unsafe.Add(ref s, (int)(r >> 24)) + Unsafe.Add(ref s, 256 + (int)((r >> 16) & 0xFF)))
                       ^ Unsafe.Add(ref s, 512 + (int)((r >> 8) & 0xFF))) + Unsafe.Add(ref s, 768 + (int)(r & 0xFF))) ^ Unsafe.Add(ref p, i + 1);
            }
            return ((ulong)(r ^ Unsafe.Add(ref p, 17)) << 32) | l;
        }

        private static uint StreamWord(ReadOnlySpan<byte> data, ref int position)
        {
            uint word = 0;
            for (var i = 0; i < 4; i++)
            {
                if (position >= data.Length) position = 0;
                word = (word << 8) | data[position++];
            }
            return word;
        }

        /// <summary>Blowfish_expandstate: key into P, then P and S re-encrypted with the data mixed in.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void ExpandState(ReadOnlySpan<byte> data, ReadOnlySpan<byte> key)
        {
            var j = 0;
            for (var i = 0; i < 18; i++) _p[i] ^= StreamWord(key, ref j);
            j = 0;
            uint l = 0, r = 0;
            for (var i = 0; i < 18; i += 2)
            {
                l ^= StreamWord(data, ref j);
                r ^= StreamWord(data, ref j);
                Encipher(ref l, ref r);
                _p[i] = l;
                _p[i + 1] = r;
            }
            for (var i = 0; i < 1024; i += 2)
            {
                l ^= StreamWord(data, ref j);
                r ^= StreamWord(data, ref j);
                Encipher(ref l, ref r);
                _s[i] = l;
                _s[i + 1] = r;
            }
        }

        /// <summary>Blowfish_expand0state: the standard key schedule, chained from the current state.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Expand0State(ReadOnlySpan<byte> key)
        {
            var j = 0;
            for (var i = 0; i < 18; i++) _p[i] ^= StreamWord(key, ref j);
            ulong block = 0;
            for (var i = 0; i < 18; i += 2)
            {
                block = Encipher(block);
                _p[i] = (uint)(block >> 32);
                _p[i + 1] = (uint)block;
            }
            for (var i = 0; i < 1024; i += 2)
            {
                block = Encipher(block);
                _s[i] = (uint)(block >> 32);
                _s[i + 1] = (uint)block;
            }
        }

        internal static uint[] InitialWordsForTest => PiWords.Value;
    }

    /// <summary>For tests: the first P word and the last S-box word of the initial state.</summary>
    internal static (uint FirstP, uint FirstS, uint LastS) InitialStateProbe()
    {
        var w = Blowfish.InitialWordsForTest;
        return (w[0], w[18], w[^1]);
    }
}
