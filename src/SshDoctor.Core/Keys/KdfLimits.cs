namespace SshDoctor.Core.Keys;

/// <summary>
/// How much work a key file may ask for before its passphrase is tried. A key file may come from anyone:
/// 100,000 bcrypt rounds or Argon2 over 1 GiB × 100 passes would hold the machine for many minutes.
/// The bounds accept what ssh-keygen and puttygen write by default and with the flags people use
/// (ssh-keygen -a 100/256/500, puttygen --ppk-param memory up to 1 GiB with a few passes, openssl -iter up to
/// a few million).
/// </summary>
public static class KdfLimits
{
    /// <summary>ssh-keygen's default is 16; hardening guides use 64 to 500.</summary>
    public const uint MaxBcryptRounds = 1000;

    /// <summary>puttygen's default is 8192 KiB; 1 GiB is the most it is sane to allocate on a rescue host.</summary>
    public const uint MaxArgon2MemoryKiB = 1024 * 1024;

    /// <summary>Memory × passes, in KiB: 4 GiB of block work (puttygen's default, 8 MiB × about 10 to 50 passes, is 1 to 5 % of it).</summary>
    public const ulong MaxArgon2WorkKiB = 4UL * 1024 * 1024;

    public const uint MaxArgon2Lanes = 64;

    /// <summary>PBKDF2 of an encrypted PKCS#8 key: openssl writes 2048 by default (OWASP's advice for
    /// PBKDF2-HMAC-SHA256 is 600,000); 10 million is a few seconds of one core.</summary>
    public const int MaxPbkdf2Iterations = 10_000_000;

    public static void CheckBcrypt(uint rounds)
    {
        if (rounds == 0)
            throw new KeyFormatException("keys.error.damaged", ("detail", "bcrypt rounds 0"));
        if (rounds > MaxBcryptRounds)
            throw new KeyFormatException("keys.error.bcrypt_rounds",
                ("rounds", rounds.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("max", MaxBcryptRounds.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public static void CheckArgon2(uint memoryKiB, uint passes, uint lanes)
    {
        if (passes == 0 || lanes == 0 || memoryKiB < 8 * lanes)
            throw new KeyFormatException("keys.error.damaged", ("detail", "Argon2 parameters"));
        if (memoryKiB > MaxArgon2MemoryKiB || lanes > MaxArgon2Lanes || (ulong)memoryKiB * passes > MaxArgon2WorkKiB)
            throw new KeyFormatException("keys.error.argon2_cost",
                ("memory", Inv(memoryKiB)), ("passes", Inv(passes)), ("lanes", Inv(lanes)),
                ("max_memory", Inv(MaxArgon2MemoryKiB)), ("max_work", Inv(MaxArgon2WorkKiB)), ("max_lanes", Inv(MaxArgon2Lanes)));
    }

    /// <summary>Checked on the DER integer as written, before any derivation (a value past int is refused, not cast).</summary>
    public static int CheckPbkdf2(System.Numerics.BigInteger iterations)
    {
        if (iterations <= 0)
            throw new KeyFormatException("keys.error.damaged", ("detail", "PBKDF2 iterations"));
        if (iterations > MaxPbkdf2Iterations)
            throw new KeyFormatException("keys.error.pbkdf2_iterations",
                ("iterations", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                ("max", MaxPbkdf2Iterations.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return (int)iterations;
    }

    private static string Inv(ulong v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
