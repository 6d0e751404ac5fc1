namespace SshDoctor.Ec2Emulator.Model;

/// <summary>
/// An EC2 key pair. <see cref="PublicKeyPath"/> is an OpenSSH .pub file. A pair EC2 created (<see cref="Imported"/>
/// false) also needs its private key (<see cref="PrivateKeyPath"/>): for RSA the console's fingerprint is the SHA-1
/// of the private key's PKCS#8 DER.
/// </summary>
public sealed record KeyPairSpec(string KeyName, string PublicKeyPath)
{
    public bool Imported { get; init; } = true;
    public string? PrivateKeyPath { get; init; }
    public string KeyPairId { get; init; } = "key-" + Ids.Hex(17);
    public DateTime CreateTime { get; init; } = new(2026, 1, 2, 9, 30, 0, DateTimeKind.Utc);
}
