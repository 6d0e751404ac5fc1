using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;

namespace SshDoctor.Core.Keys;

/// <summary>RFC 9106 type codes (BouncyCastle's Argon2Parameters uses the same numbers).</summary>
internal enum Argon2Type { Argon2d = 0, Argon2i = 1, Argon2id = 2 }

/// <summary>Argon2 version 0x13 (RFC 9106), the KDF of encrypted PuTTY .ppk version 3 files, from BouncyCastle.</summary>
internal static class Argon2
{
    public static byte[] Hash(Argon2Type type, byte[] password, byte[] salt, uint passes, uint memoryKiB, uint lanes, int length)
        => Hash(type, password, salt, [], [], passes, memoryKiB, lanes, length);

    public static byte[] Hash(Argon2Type type, byte[] password, byte[] salt, byte[] secret, byte[] associated,
        uint passes, uint memoryKiB, uint lanes, int length)
    {
        // RFC 9106 section 3.1's bounds; BouncyCastle would otherwise round or reject them with its own messages.
        if (lanes < 1 || lanes > 0xFFFFFF || passes < 1 || passes > int.MaxValue || length < 4
            || memoryKiB < 8 * lanes || memoryKiB > int.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(memoryKiB), "invalid Argon2 parameters");
        var parameters = new Argon2Parameters.Builder((int)type)
            .WithVersion(Argon2Parameters.Version13)
            .WithIterations((int)passes)
            .WithMemoryAsKB((int)memoryKiB)
            .WithParallelism((int)lanes)
            .WithSalt(salt)
            .WithSecret(secret)
            .WithAdditional(associated)
            .Build();
        var generator = new Argon2BytesGenerator();
        generator.Init(parameters);
        var output = new byte[length];
        generator.GenerateBytes(password, output);
        return output;
    }
}
