namespace SshDoctor.Aws.Ec2;

/// <summary>What `sshdoctor ec2 INSTANCE-ID` was asked: the user and key to log in with, where from, on which port.</summary>
public sealed record Ec2Request(
    string InstanceId,
    string? User,
    LocalKey? Key,
    ClientAddress From,
    int Port,
    string? Profile,
    string? Region);
