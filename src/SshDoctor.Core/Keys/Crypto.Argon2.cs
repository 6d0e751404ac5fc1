namespace SshDoctor.Core.Keys;

internal enum Argon2Type { Argon2d = 0, Argon2i = 1, Argon2id = 2 }

/// <summary>Argon2 (RFC 9106).</summary>
internal static class Argon2
{
    public static byte[] Hash(Argon2Type type, byte[] password, byte[] salt, uint passes, uint memoryKiB, uint lanes, int length)
        => throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", type.ToString()));
}
