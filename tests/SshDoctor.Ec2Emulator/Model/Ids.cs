using System.Security.Cryptography;

namespace SshDoctor.Ec2Emulator.Model;

/// <summary>Resource IDs in EC2's form (prefix + 17 hex digits), random per emulator run.</summary>
public static class Ids
{
    public static string Hex(int n) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes((n + 1) / 2))[..n];
    public static string New(string prefix) => prefix + "-" + Hex(17);
}
