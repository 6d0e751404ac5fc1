namespace SshDoctor.Core.Keys;

/// <summary>
/// How much work a key file may ask for before its passphrase is tried. A key file may come from anyone:
/// 100,000 bcrypt rounds or Argon2 over 1 GiB × 100 passes would hold the machine for many minutes.
/// The bounds accept what ssh-keygen and puttygen write by default and with the flags people use
/// (ssh-keygen -a 100/256/500, puttygen --ppk-param memory up to 1 GiB with a few passes).
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

    private static string Inv(ulong v) => v.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
