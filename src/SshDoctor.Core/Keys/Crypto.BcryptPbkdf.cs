namespace SshDoctor.Core.Keys;

/// <summary>OpenBSD's bcrypt_pbkdf (the KDF of encrypted OpenSSH private keys).</summary>
internal static class BcryptPbkdf
{
    public static byte[] Derive(byte[] password, ReadOnlySpan<byte> salt, int rounds, int length)
        => throw new KeyFormatException("keys.error.unsupported_kdf", ("kdf", "bcrypt"));
}
