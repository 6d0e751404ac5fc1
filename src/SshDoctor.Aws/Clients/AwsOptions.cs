namespace SshDoctor.Aws.Clients;

/// <summary>What the command line says about the AWS account: `--profile` and `--region` (null: resolve as the AWS CLI does).</summary>
public sealed record AwsOptions(string? Profile, string? Region);
