using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using Org.BouncyCastle.Crypto.Digests;

namespace SshDoctor.Core.Keys;

internal enum Argon2Type { Argon2d = 0, Argon2i = 1, Argon2id = 2 }

/// <summary>
/// Argon2 version 0x13 as RFC 9106 specifies it (the KDF of encrypted PuTTY .ppk version 3 files).
/// Written from the RFC; BLAKE2b comes from BouncyCastle. Single-threaded: lanes are computed in turn,
/// which gives the same result as computing them in parallel.
/// </summary>
internal static class Argon2
{
    private const int BlockWords = 128; // 1024-byte blocks of 64-bit words
    private const int SyncPoints = 4;

    public static byte[] Hash(Argon2Type type, byte[] password, byte[] salt, uint passes, uint memoryKiB, uint lanes, int length)
        => Hash(type, password, salt, [], [], passes, memoryKiB, lanes, length);

    public static byte[] Hash(Argon2Type type, byte[] password, byte[] salt, byte[] secret, byte[] associated,
        uint passes, uint memoryKiB, uint lanes, int length)
    {
        if (lanes < 1 || passes < 1 || length < 4 || memoryKiB < 8 * lanes)
            throw new ArgumentOutOfRangeException(nameof(memoryKiB), "invalid Argon2 parameters");

        // H0 (RFC 9106 section 3.2, step 1).
        var h0Input = new List<byte>();
        void Le32(uint v) { Span<byte> b = stackalloc byte[4]; BinaryPrimitives.WriteUInt32LittleEndian(b, v); h0Input.AddRange(b.ToArray()); }
        void WithLength(byte[] data) { Le32((uint)data.Length); h0Input.AddRange(data); }
        Le32(lanes);
        Le32((uint)length);
        Le32(memoryKiB);
        Le32(passes);
        Le32(0x13);
        Le32((uint)type);
        WithLength(password);
        WithLength(salt);
        WithLength(secret);
        WithLength(associated);
        var h0 = Blake2b(h0Input.ToArray(), 64);

        var segmentLength = (int)(memoryKiB / (SyncPoints * lanes));
        var laneLength = segmentLength * SyncPoints;
        var blockCount = laneLength * (int)lanes;
        var memory = new ulong[blockCount * BlockWords];

        // First two blocks of each lane.
        var seed = new byte[72];
        h0.CopyTo(seed, 0);
        for (var lane = 0; lane < lanes; lane++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(seed.AsSpan(68), (uint)lane);
            for (uint j = 0; j < 2; j++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(seed.AsSpan(64), j);
                var block = HPrime(seed, 1024);
                var offset = (lane * laneLength + (int)j) * BlockWords;
                for (var w = 0; w < BlockWords; w++)
                    memory[offset + w] = BinaryPrimitives.ReadUInt64LittleEndian(block.AsSpan(w * 8));
            }
        }

        var scratch = new Scratch();
        for (uint pass = 0; pass < passes; pass++)
            for (var slice = 0; slice < SyncPoints; slice++)
                for (var lane = 0; lane < lanes; lane++)
                    FillSegment(memory, type, pass, slice, lane, (int)lanes, segmentLength, laneLength, (uint)blockCount, passes, scratch);

        // Final block: XOR of the last block of every lane.
        var final = new ulong[BlockWords];
        for (var lane = 0; lane < lanes; lane++)
        {
            var offset = (lane * laneLength + laneLength - 1) * BlockWords;
            for (var w = 0; w < BlockWords; w++) final[w] ^= memory[offset + w];
        }
        var finalBytes = new byte[1024];
        for (var w = 0; w < BlockWords; w++) BinaryPrimitives.WriteUInt64LittleEndian(finalBytes.AsSpan(w * 8), final[w]);
        Array.Clear(memory);
        return HPrime(finalBytes, length);
    }

    private sealed class Scratch
    {
        public readonly ulong[] R = new ulong[BlockWords];
        public readonly ulong[] Q = new ulong[BlockWords];
        public readonly ulong[] Zero = new ulong[BlockWords];
        public readonly ulong[] Input = new ulong[BlockWords];
        public readonly ulong[] Address = new ulong[BlockWords];
        public readonly ulong[] Tmp = new ulong[BlockWords];
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void FillSegment(ulong[] memory, Argon2Type type, uint pass, int slice, int lane, int lanes,
        int segmentLength, int laneLength, uint blockCount, uint passes, Scratch s)
    {
        var independent = type == Argon2Type.Argon2i || (type == Argon2Type.Argon2id && pass == 0 && slice < SyncPoints / 2);
        if (independent)
        {
            Array.Clear(s.Input);
            s.Input[0] = pass;
            s.Input[1] = (ulong)lane;
            s.Input[2] = (ulong)slice;
            s.Input[3] = blockCount;
            s.Input[4] = passes;
            s.Input[5] = (ulong)type;
        }
        var start = pass == 0 && slice == 0 ? 2 : 0;
        if (independent && start == 2) NextAddresses(s);

        for (var index = start; index < segmentLength; index++)
        {
            var column = slice * segmentLength + index;
            var current = lane * laneLength + column;
            var previous = column == 0 ? current + laneLength - 1 : current - 1;

            ulong random;
            if (independent)
            {
                if (index % BlockWords == 0) NextAddresses(s);
                random = s.Address[index % BlockWords];
            }
            else
                random = memory[previous * BlockWords];

            var j1 = (uint)random;
            var j2 = (uint)(random >> 32);
            var refLane = pass == 0 && slice == 0 ? lane : (int)(j2 % (uint)lanes);
            var sameLane = refLane == lane;

            // The reference area (RFC 9106 section 3.4.2): blocks already computed and not being overwritten.
            long areaSize;
            if (pass == 0)
            {
                if (slice == 0) areaSize = index - 1;
                else if (sameLane) areaSize = slice * segmentLength + index - 1;
                else areaSize = slice * segmentLength + (index == 0 ? -1 : 0);
            }
            else
            {
                areaSize = sameLane ? laneLength - segmentLength + index - 1
                                    : laneLength - segmentLength + (index == 0 ? -1 : 0);
            }
            ulong x = (ulong)j1 * j1 >> 32;
            ulong y = (ulong)areaSize * x >> 32;
            var relative = (ulong)areaSize - 1 - y;
            var startPosition = pass == 0 || slice == SyncPoints - 1 ? 0UL : (ulong)((slice + 1) * segmentLength);
            var refColumn = (int)((startPosition + relative) % (ulong)laneLength);
            var reference = refLane * laneLength + refColumn;

            Compress(memory, previous * BlockWords, memory, reference * BlockWords, memory, current * BlockWords, xor: pass > 0, s);
        }
    }

    /// <summary>Next 128 pseudo-random addresses: G(0, G(0, input)) with the counter incremented.</summary>
    private static void NextAddresses(Scratch s)
    {
        s.Input[6]++;
        Compress(s.Zero, 0, s.Input, 0, s.Tmp, 0, xor: false, s);
        Compress(s.Zero, 0, s.Tmp, 0, s.Address, 0, xor: false, s);
    }

    /// <summary>G(X, Y) into <paramref name="dst"/>; with <paramref name="xor"/>, XORed into what is there (version 0x13 passes after the first).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Compress(ulong[] xs, int xo, ulong[] ys, int yo, ulong[] dst, int dOff, bool xor, Scratch s)
    {
        var r = s.R;
        var q = s.Q;
        for (var i = 0; i < BlockWords; i++)
        {
            r[i] = xs[xo + i] ^ ys[yo + i];
            q[i] = r[i];
        }
        // Rows: 8 rows of 16 words.
        for (var row = 0; row < 8; row++)
        {
            var b = row * 16;
            Permute(q, b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12, b + 13, b + 14, b + 15);
        }
        // Columns: 8 columns of 16 words (pairs of words).
        for (var col = 0; col < 8; col++)
        {
            var b = col * 2;
            Permute(q, b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81, b + 96, b + 97, b + 112, b + 113);
        }
        if (xor)
            for (var i = 0; i < BlockWords; i++) dst[dOff + i] ^= q[i] ^ r[i];
        else
            for (var i = 0; i < BlockWords; i++) dst[dOff + i] = q[i] ^ r[i];
    }

    /// <summary>The permutation P: one BLAKE2b round with multiplication-hardened GB, on 16 words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Permute(ulong[] v, int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7,
        int v8, int v9, int v10, int v11, int v12, int v13, int v14, int v15)
    {
        GB(v, v0, v4, v8, v12);
        GB(v, v1, v5, v9, v13);
        GB(v, v2, v6, v10, v14);
        GB(v, v3, v7, v11, v15);
        GB(v, v0, v5, v10, v15);
        GB(v, v1, v6, v11, v12);
        GB(v, v2, v7, v8, v13);
        GB(v, v3, v4, v9, v14);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void GB(ulong[] v, int a, int b, int c, int d)
    {
        v[a] = v[a] + v[b] + 2 * (ulong)(uint)v[a] * (uint)v[b];
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 32);
        v[c] = v[c] + v[d] + 2 * (ulong)(uint)v[c] * (uint)v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 24);
        v[a] = v[a] + v[b] + 2 * (ulong)(uint)v[a] * (uint)v[b];
        v[d] = BitOperations.RotateRight(v[d] ^ v[a], 16);
        v[c] = v[c] + v[d] + 2 * (ulong)(uint)v[c] * (uint)v[d];
        v[b] = BitOperations.RotateRight(v[b] ^ v[c], 63);
    }

    /// <summary>H' (RFC 9106 section 3.3): variable-length hash built from BLAKE2b.</summary>
    internal static byte[] HPrime(byte[] input, int length)
    {
        var prefixed = new byte[4 + input.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(prefixed, (uint)length);
        input.CopyTo(prefixed, 4);
        if (length <= 64) return Blake2b(prefixed, length);
        var result = new byte[length];
        var r = (length + 31) / 32 - 2;
        var v = Blake2b(prefixed, 64);
        v.AsSpan(0, 32).CopyTo(result);
        for (var i = 1; i < r; i++)
        {
            v = Blake2b(v, 64);
            v.AsSpan(0, 32).CopyTo(result.AsSpan(i * 32));
        }
        var last = Blake2b(v, length - 32 * r);
        last.CopyTo(result, 32 * r);
        return result;
    }

    internal static byte[] Blake2b(byte[] input, int outputBytes)
    {
        var digest = new Blake2bDigest(outputBytes * 8);
        digest.BlockUpdate(input, 0, input.Length);
        var output = new byte[outputBytes];
        digest.DoFinal(output, 0);
        return output;
    }
}
