namespace SshDoctor.Aws.Clients;

/// <summary>What stops sshdoctor before any AWS call: no region, no credentials, an unknown or unusable profile.</summary>
public enum AwsSetupProblem
{
    /// <summary>No region from --region, AWS_REGION, AWS_DEFAULT_REGION, the profile or instance metadata.</summary>
    NoRegion,
    /// <summary>The region name is not one the SDK knows and no endpoint override is set.</summary>
    BadRegion,
    /// <summary>No credentials in the environment, the shared files, a container or instance metadata.</summary>
    NoCredentials,
    /// <summary>--profile (or AWS_PROFILE) names a profile that is in neither ~/.aws/config nor ~/.aws/credentials.</summary>
    ProfileUnknown,
    /// <summary>The profile exists but cannot give credentials (incomplete, needs an MFA code or a browser sign-in).</summary>
    ProfileUnusable,
}

/// <summary>A setup problem, with the profile or region concerned and the SDK's own words when there are any.</summary>
public sealed class AwsSetupException(AwsSetupProblem problem, string? name = null, string? detail = null)
    : Exception($"{problem}: {name} {detail}")
{
    public AwsSetupProblem Problem { get; } = problem;
    /// <summary>The profile or region name concerned, when there is one.</summary>
    public string? Name { get; } = name;
    public string? Detail { get; } = detail;

    /// <summary>design.md: a missing or unknown input is exit 2; credentials that cannot be had are "could not decide".</summary>
    public bool IsUsage => Problem is AwsSetupProblem.NoRegion or AwsSetupProblem.BadRegion or AwsSetupProblem.ProfileUnknown;
}
