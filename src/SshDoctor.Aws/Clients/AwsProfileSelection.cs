using Amazon.Runtime.CredentialManagement;

namespace SshDoctor.Aws.Clients;

/// <summary>
/// Which shared-config profile applies, as the AWS CLI chooses it: `--profile`; else, when no access keys are in the
/// environment, AWS_PROFILE, else "default" if it exists. A named profile that does not exist is an error; a missing
/// "default" is not (the container and instance-metadata sources may still give credentials).
/// </summary>
internal static class AwsProfileSelection
{
    public static CredentialProfile? Select(AwsOptions options, AwsEnvironment env, ICredentialProfileSource profiles)
    {
        if (options.Profile is { } explicitName)
            return Find(profiles, explicitName) ?? throw new AwsSetupException(AwsSetupProblem.ProfileUnknown, explicitName);
        if (env.HasKeys) return null;
        if (env.Profile is { } envName)
            return Find(profiles, envName) ?? throw new AwsSetupException(AwsSetupProblem.ProfileUnknown, envName);
        return Find(profiles, "default");
    }

    public static CredentialProfile? Find(ICredentialProfileSource profiles, string name) =>
        profiles.TryGetProfile(name, out var profile) ? profile : null;
}
